import type { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/db.server';
import { indexNewDocuments, type SearchDocumentInput } from '~/domain/search/search.server';
import { LANGUAGES } from '~/i18n/config';
import { writtenIn } from '~/i18n/written-in';

// E-services in the shared search index (issue 13 item 5): a row for each language their name
// or help is written in, stemmed in it, listed once. Every member may open an e-service's
// page, retired ones included (advisers still meet residents who used them).

export const ESERVICE_KIND = 'eservice';

const serviceFields = {
  id: true,
  slug: true,
  nameFi: true,
  nameSv: true,
  nameEn: true,
  helpFi: true,
  helpSv: true,
  helpEn: true,
  owner: true,
  status: true,
  createdAt: true,
} satisfies Prisma.EServiceSelect;

type IndexedService = Prisma.EServiceGetPayload<{ select: typeof serviceFields }>;

function documentsFor(s: IndexedService): SearchDocumentInput[] {
  const written = LANGUAGES.filter(
    (language) =>
      writtenIn(s, 'name', language).lang === language || writtenIn(s, 'help', language).lang === language,
  );
  return written.map((language) => ({
    kind: ESERVICE_KIND,
    sourceId: s.id,
    groupId: s.id,
    language,
    title: writtenIn(s, 'name', language).text,
    // The slug is the tag advisers see on threads and materials (`omakanta`), so it finds too.
    body: [writtenIn(s, 'help', language).text, s.owner, s.slug].filter(Boolean).join(' · '),
    context: s.owner,
    url: `/eservices/${s.slug}`,
    flags: [s.status],
    publishedAt: s.createdAt,
  }));
}

/** Writes the rows of the given e-services again (all when `ids` is left out). */
export async function reindexEServices(tx: Tx, ids?: string[]) {
  const services = await tx.eService.findMany({
    where: ids ? { id: { in: ids } } : {},
    select: serviceFields,
  });
  if (!services.length) return;
  await tx.searchDocument.deleteMany({
    where: { kind: ESERVICE_KIND, sourceId: { in: services.map((s) => s.id) } },
  });
  await indexNewDocuments(tx, services.flatMap(documentsFor));
}

/** E-services with no row yet (a database from before this index, or rows written by SQL). */
export async function indexUnindexedEServices(tx: Tx) {
  const missing = await tx.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM eservice s WHERE NOT EXISTS (
      SELECT 1 FROM search_document d WHERE d.kind = ${ESERVICE_KIND} AND d.source_id = s.id)`;
  if (missing.length)
    await reindexEServices(
      tx,
      missing.map((m) => m.id),
    );
  return missing.length;
}
