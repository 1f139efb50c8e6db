import { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';
import { eventTitle } from '~/domain/events/titles';
import type { ReportFilter } from './scope.server';

// Events in the dashboards: for each event held in the range, how many signed up, came, did
// not come, and came without signing up — counted over the viewer's organisation or the network.

export type AttendanceRow = {
  id: string;
  title: string;
  lang: string;
  startsAt: string;
  going: number;
  attended: number;
  noShows: number;
  walkIns: number;
};

/** Held events only (started, not cancelled), the newest `limit`; empty for one's own view. */
export async function eventAttendance(
  f: ReportFilter,
  language: string,
  limit = 20,
): Promise<AttendanceRow[]> {
  if (f.scope === 'mine') return [];
  const organisation = f.scope === 'organisation' ? f.viewerOrganisationId : f.organisationId;
  const members = organisation
    ? Prisma.sql`JOIN app_user u ON u.id = r.user_id AND u.organisation_id = ${organisation}::uuid`
    : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      id: string;
      title_fi: string;
      title_sv: string;
      title_en: string;
      starts_at: Date;
      going: number;
      attended: number;
      no_shows: number;
      walk_ins: number;
    }[]
  >`
    SELECT e.id, e.title_fi, e.title_sv, e.title_en, e.starts_at, c.going, c.attended, c.no_shows, c.walk_ins
    FROM event e
    -- Newest events first, each counted on its own (answers by event), until enough have answers:
    -- cheaper than joining every answer of the organisation's members first.
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS answers,
        count(*) FILTER (WHERE r.status = 'going')::int AS going,
        count(*) FILTER (WHERE r.checked_in_at IS NOT NULL)::int AS attended,
        count(*) FILTER (WHERE r.status = 'going' AND r.checked_in_at IS NULL)::int AS no_shows,
        count(*) FILTER (WHERE r.status = 'walk_in')::int AS walk_ins
      FROM event_rsvp r
      ${members}
      WHERE r.event_id = e.id
    ) c
    WHERE e.cancelled_at IS NULL
      AND e.starts_at < now()
      AND e.starts_at >= ${f.from}::date AND e.starts_at < ${f.to}::date + 1
      AND c.answers > 0
    ORDER BY e.starts_at DESC
    LIMIT ${limit}::int`;
  return rows.map((r) => {
    const title = eventTitle({ titleFi: r.title_fi, titleSv: r.title_sv, titleEn: r.title_en }, language);
    return {
      id: r.id,
      title: title.text,
      lang: title.lang,
      startsAt: r.starts_at.toISOString(),
      going: r.going,
      attended: r.attended,
      noShows: r.no_shows,
      walkIns: r.walk_ins,
    };
  });
}
