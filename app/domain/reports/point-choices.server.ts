import { db } from '~/db.server';
import { POINT_LIST_MAX, pointChoices } from './point-choices';

/**
 * The support points a dashboard's filter offers (the rule in point-choices.ts), in one
 * statement that reads only what the filter will list: every active place of a network of the
 * usual size; of a large one (1,500 in the national data) only the busiest of the view and the
 * chosen one, rather than all of them on every view.
 */
export async function dashboardPoints(busiest: string[], chosen: string | undefined) {
  const wanted = [...busiest, ...(chosen ? [chosen] : [])];
  const rows = await db.$queryRaw<{ active: number; id: string | null; name: string | null }[]>`
    WITH counted AS (SELECT count(*)::int AS active FROM support_point WHERE active)
    SELECT c.active, p.id::text AS id, p.name
    FROM counted c
    LEFT JOIN support_point p ON p.active
      AND (c.active <= ${POINT_LIST_MAX}::int OR p.id::text = ANY(${wanted}::text[]))
    ORDER BY p.name, p.id`;
  const listed = rows.flatMap((r) => (r.id ? [{ id: r.id, name: r.name! }] : []));
  return pointChoices(listed, rows[0]!.active, busiest, chosen);
}
