import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { part, readTogether } from '~/db/read-together.server';
import { shown } from '~/domain/reports/small-groups';
import { pointRosterPart, type Occurrence } from '~/domain/roster/slots.server';
import type { PublicPoint } from '~/domain/roster/public.server';

// A support point's page (issue 12): the point, who usually helps there, its sessions of the
// last year and its help times, in one statement. As Prisma model queries these were ten
// statements and most of the page's CPU (the query compiler and the joining of relation rows).

/** What residents see of a point (its public page), and what members see besides. */
type PointRow = Omit<PublicPoint, 'helpTimes'> & {
  id: string;
  active: boolean;
  feedbackCode: string;
  host: string | null;
};

export type PointPage = PointRow & {
  advisers: { id: string; name: string; organisation: string }[];
  /** Sessions logged here in the last year; null when too few to show (small-groups rule). */
  sessions: number | null;
  helpTimes: Occurrence[];
};

/** The point at `slug` as its page shows it; null when there is none (or it is closed and the viewer may not see closed ones). */
export async function supportPointPage(
  viewer: AuthUser,
  slug: string,
  includeInactive: boolean,
  now = new Date(),
): Promise<PointPage | null> {
  const pointId = Prisma.sql`(SELECT id FROM support_point WHERE slug = ${slug})`;
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const [point, advisers, sessions, helpTimes] = await readTogether(
    part<PointRow, PointRow | null>(
      Prisma.sql`
        SELECT p.id, p.slug, p.name, p.kind, p.address, p.district, p.hours_fi AS "hoursFi",
          p.hours_sv AS "hoursSv", p.hours_en AS "hoursEn", p.accessibility_fi AS "accessibilityFi",
          p.accessibility_sv AS "accessibilitySv", p.accessibility_en AS "accessibilityEn", p.languages,
          p.appointment_needed AS "appointmentNeeded", p.active, p.feedback_code AS "feedbackCode", o.name AS host
        FROM support_point p LEFT JOIN organisation o ON o.id = p.host_organisation_id
        WHERE p.slug = ${slug}`,
      Prisma.sql`r.id`,
      (rows) => rows[0] ?? null,
    ),
    part<PointPage['advisers'][number], PointPage['advisers']>(
      Prisma.sql`
        SELECT u.id, u.name, o.name AS organisation
        FROM user_support_point us
        JOIN app_user u ON u.id = us.user_id AND u.status = 'active'
        JOIN organisation o ON o.id = u.organisation_id
        WHERE us.support_point_id = ${pointId}`,
      Prisma.sql`r.name, r.id`,
      (rows) => rows,
    ),
    part<{ n: number }, number | null>(
      Prisma.sql`SELECT count(*)::int AS n FROM guidance_session
        WHERE support_point_id = ${pointId} AND date >= ${yearAgo}::date`,
      Prisma.sql`r.n`,
      (rows) => shown(rows[0]?.n ?? 0, true),
    ),
    pointRosterPart(viewer, pointId, undefined, now),
  );
  if (!point || (!point.active && !includeInactive)) return null;
  // A closed point has no help times to offer.
  return { ...point, advisers, sessions, helpTimes: point.active ? helpTimes : [] };
}
