import type { Tx } from '~/db.server';
import { indexDocument, removeDocument } from '~/domain/search/search.server';
import { searchAudience } from './access.server';

// The library's part of the shared search index: one document per live material, holding the
// live version's text, its attachments' names and the words of its PDFs. Drafts, scheduled and
// archived materials have none. The audience travels with the row.

export const LIBRARY_KIND = 'library_material';
/** tsvector holds at most 1 MB; a long manual plus its PDFs is cut well below that. */
const MAX_INDEXED_CHARS = 400_000;

export async function reindexMaterial(tx: Tx, materialId: string) {
  const material = await tx.libraryMaterial.findUnique({
    where: { id: materialId },
    select: {
      id: true,
      groupId: true,
      slug: true,
      language: true,
      status: true,
      type: true,
      level: true,
      audience: true,
      audienceOrgIds: true,
      createdById: true,
      publishedAt: true,
      liveVersion: {
        select: {
          title: true,
          summary: true,
          bodyText: true,
          files: {
            where: { inline: false },
            orderBy: { position: 'asc' },
            select: { upload: { select: { fileName: true, textContent: true } } },
          },
        },
      },
    },
  });
  if (!material || material.status !== 'published' || !material.liveVersion) {
    await removeDocument(tx, LIBRARY_KIND, materialId);
    return;
  }
  const live = material.liveVersion;
  const files = live.files.map((f) => f.upload);
  const body = [
    live.summary,
    live.bodyText,
    // "omakanta_ohje.pdf" is found by "omakanta ohje": the stemmer does not split on "_".
    ...files.map((f) => (f.fileName ?? '').replace(/[_.]+/g, ' ')),
    ...files.map((f) => f.textContent ?? ''),
  ]
    .filter(Boolean)
    .join('\n')
    .slice(0, MAX_INDEXED_CHARS);
  await indexDocument(tx, {
    kind: LIBRARY_KIND,
    sourceId: material.id,
    groupId: material.groupId,
    language: material.language,
    title: live.title,
    body,
    url: `/library/${material.slug}`,
    authorId: material.createdById,
    flags: [material.type, ...(material.level ? [material.level] : [])],
    ...searchAudience(material),
    publishedAt: material.publishedAt ?? new Date(),
  });
}
