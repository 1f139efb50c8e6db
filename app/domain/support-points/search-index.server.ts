import type { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/db.server';
import { indexNewDocuments, type SearchDocumentInput } from '~/domain/search/search.server';
import { LANGUAGES, type Language } from '~/i18n/config';
import { resources } from '~/i18n/resources.server';
import { writtenIn } from '~/i18n/written-in';
import { districtName } from './districts';

// Support points in the shared search index (issue 13 item 5): a row per language, so that
// `kirjastossa`, `biblioteket` and `library` each find a library, `Berghäll` the points in
// Kallio and `venäjäksi` those that help in Russian. Only open points: a closed one is for
// the directory's keepers, who find it in the directory's own list. Anyone may open a point's
// page, so the rows have no audience.

export const SUPPORT_POINT_KIND = 'support_point';

const pointFields = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  address: true,
  district: true,
  hoursFi: true,
  hoursSv: true,
  hoursEn: true,
  accessibilityFi: true,
  accessibilitySv: true,
  accessibilityEn: true,
  languages: true,
  active: true,
  createdAt: true,
  hostOrganisation: { select: { name: true } },
} satisfies Prisma.SupportPointSelect;

type Labels = { kinds: Record<string, string>; languages: Record<string, string> };

function labels(language: Language): Labels {
  const points = resources[language].supportPoints as unknown as { kinds: Record<string, string> };
  const profile = resources[language].profile as unknown as { languages: Record<string, string> };
  return { kinds: points.kinds, languages: profile.languages };
}

type IndexedPoint = Prisma.SupportPointGetPayload<{ select: typeof pointFields }>;

function documentsFor(point: IndexedPoint): SearchDocumentInput[] {
  return LANGUAGES.map((language) => {
    const { kinds, languages } = labels(language);
    const district = districtName(point.district, language);
    return {
      kind: SUPPORT_POINT_KIND,
      sourceId: point.id,
      groupId: point.id,
      language,
      title: point.name,
      body: [
        kinds[point.kind] ?? '',
        point.address,
        district,
        point.hostOrganisation?.name ?? '',
        writtenIn(point, 'hours', language).text,
        writtenIn(point, 'accessibility', language).text,
        point.languages.map((l) => languages[l] ?? l).join(', '),
      ]
        .filter(Boolean)
        // The snippet shows the body as one line: the dots keep the parts apart.
        .join(' · '),
      context: [point.address, district].filter(Boolean).join(', '),
      url: `/support-points/${point.slug}`,
      flags: [point.kind],
      publishedAt: point.createdAt,
    };
  });
}

/**
 * Writes the rows of the given points again (every point when `ids` is left out): in the
 * transaction that saves a point, and once for points that have none (migrate and seed).
 */
export async function reindexSupportPoints(tx: Tx, ids?: string[]) {
  const points = await tx.supportPoint.findMany({
    where: ids ? { id: { in: ids } } : {},
    select: pointFields,
  });
  if (!points.length) return;
  await tx.searchDocument.deleteMany({
    where: { kind: SUPPORT_POINT_KIND, sourceId: { in: points.map((p) => p.id) } },
  });
  await indexNewDocuments(tx, points.filter((p) => p.active).flatMap(documentsFor));
}

/** Open points with no row yet (a database from before this index, or rows written by SQL). */
export async function indexUnindexedSupportPoints(tx: Tx) {
  const missing = await tx.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM support_point p
    WHERE p.active AND NOT EXISTS (
      SELECT 1 FROM search_document d WHERE d.kind = ${SUPPORT_POINT_KIND} AND d.source_id = p.id)`;
  if (missing.length)
    await reindexSupportPoints(
      tx,
      missing.map((m) => m.id),
    );
  return missing.length;
}
