import { db } from '~/db.server';

// For trainers: is a material read, by whom (organisations, never names), and finished?

export async function materialStats(materialId: string) {
  const [totals] = await db.$queryRaw<{ views: bigint; readers: bigint }[]>`
    SELECT count(*) AS views, count(DISTINCT user_id) AS readers FROM library_view WHERE material_id = ${materialId}::uuid`;
  const organisations = await db.$queryRaw<{ name: string; readers: bigint; views: bigint }[]>`
    SELECT o.name, count(DISTINCT v.user_id) AS readers, count(*) AS views
    FROM library_view v JOIN organisation o ON o.id = v.organisation_id
    WHERE v.material_id = ${materialId}::uuid
    GROUP BY o.name ORDER BY readers DESC, o.name LIMIT 100`;
  const completions = await db.libraryCompletion.groupBy({
    by: ['versionNumber'],
    where: { materialId },
    _count: { _all: true },
    orderBy: { versionNumber: 'desc' },
  });
  return {
    views: Number(totals?.views ?? 0),
    readers: Number(totals?.readers ?? 0),
    completions: completions.reduce((sum, c) => sum + c._count._all, 0),
    completionsByVersion: completions.map((c) => ({ version: c.versionNumber, count: c._count._all })),
    organisations: organisations.map((o) => ({
      name: o.name,
      readers: Number(o.readers),
      views: Number(o.views),
    })),
  };
}
