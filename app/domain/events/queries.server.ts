import { Prisma, type Event } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { helsinkiDayStart } from '~/i18n/format';
import { isUuid } from '~/utils/ids';
import { canEditEvent, canManageAllEvents, visibleSql } from './access.server';
import { UPCOMING_PAGE_SIZE } from './constants';
import { pageWindow } from '~/utils/sql';

// Reading events: the upcoming list, "my events", a month, one event.

/** An event as the lists show it, with the viewer's own answer. */
export type ListedEvent = {
  id: string;
  type: string;
  titleFi: string;
  titleSv: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  placeKind: string;
  address: string;
  capacity: number | null;
  goingCount: number;
  cancelledAt: Date | null;
  supportPoint: { name: string } | null;
  myStatus: string | null;
};

type ListedRow = Omit<ListedEvent, 'supportPoint'> & {
  supportPointName: string | null;
  total: bigint | null;
};

/**
 * The lists' events that the viewer may see (visibleSql, checked against visibleWhere in
 * tests/integration/access-rules-sql.test.ts), with the place's name and the viewer's answer, in
 * one raw statement: as a Prisma query, compiling it was a sixth of the month view's CPU. A page
 * of them also carries the count of every match, counted once beside the page (a window over
 * the matches would join the place and answer of each before the limit: 5 ms more in the bench).
 */
function listedEvents(viewer: AuthUser, where: Prisma.Sql, page?: { take: number; skip: number }) {
  const visible = visibleSql(viewer);
  const answer = Prisma.sql`LEFT JOIN event_rsvp r ON r.event_id = e.id AND r.user_id = ${viewer.id}::uuid`;
  return db.$queryRaw<ListedRow[]>`
    SELECT e.id, e.type, e.title_fi AS "titleFi", e.title_sv AS "titleSv", e.title_en AS "titleEn",
      e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.place_kind AS "placeKind", e.address,
      e.capacity, e.going_count AS "goingCount", e.cancelled_at AS "cancelledAt",
      p.name AS "supportPointName", r.status AS "myStatus",
      ${page ? Prisma.sql`(SELECT count(*) FROM event e ${answer} WHERE ${visible} AND ${where})` : Prisma.sql`NULL::bigint`} AS total
    FROM event e
    LEFT JOIN support_point p ON p.id = e.support_point_id
    ${answer}
    WHERE ${visible} AND ${where}
    ORDER BY e.starts_at, e.id
    ${page ? pageWindow(page.take, page.skip) : Prisma.empty}`;
}

function toListed({ supportPointName, total: _total, ...event }: ListedRow): ListedEvent {
  return { ...event, supportPoint: supportPointName === null ? null : { name: supportPointName } };
}

/** Upcoming events (and "my events": those the viewer has said they come to or wait for), paged. */
export async function upcomingEvents(
  viewer: AuthUser,
  { mine, page }: { mine: boolean; page: number },
  now = new Date(),
) {
  const where = Prisma.sql`e.ends_at >= ${now} ${
    mine ? Prisma.sql`AND r.status IN ('going', 'maybe', 'waitlist')` : Prisma.empty
  }`;
  const skip = (page - 1) * UPCOMING_PAGE_SIZE;
  const rows = await listedEvents(viewer, where, { take: UPCOMING_PAGE_SIZE, skip });
  // A page past the last one has no row to carry the count: only then is it asked on its own.
  const total = rows.length
    ? Number(rows[0]!.total)
    : skip === 0
      ? 0
      : Number((await listedEvents(viewer, where, { take: 1, skip: 0 }))[0]?.total ?? 0);
  return {
    events: rows.map(toListed),
    total,
    pages: Math.max(1, Math.ceil(total / UPCOMING_PAGE_SIZE)),
  };
}

/** The events of a Helsinki calendar month ("2026-12"), for the month view. */
export async function monthEvents(viewer: AuthUser, month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = helsinkiDayStart(`${month}-01`);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const to = helsinkiDayStart(next);
  const rows = await listedEvents(viewer, Prisma.sql`e.starts_at >= ${from} AND e.starts_at < ${to}`);
  return rows.map(toListed);
}

type EventRelations = {
  supportPoint: { id: string; name: string; address: string } | null;
  organisers: { user: { id: string; name: string } }[];
  createdBy: { name: string };
};

// Every column of an event, named as the Prisma model names them.
const EVENT_COLUMNS = Prisma.sql`e.id, e.series_id AS "seriesId", e.series_index AS "seriesIndex", e.detached,
  e.type, e.title_fi AS "titleFi", e.title_sv AS "titleSv", e.title_en AS "titleEn",
  e.description_fi AS "descriptionFi", e.description_sv AS "descriptionSv", e.description_en AS "descriptionEn",
  e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.place_kind AS "placeKind",
  e.support_point_id AS "supportPointId", e.address, e.join_url AS "joinUrl", e.capacity,
  e.rsvp_deadline AS "rsvpDeadline", e.audience, e.audience_org_ids AS "audienceOrgIds",
  e.audience_roles AS "audienceRoles", e.going_count AS "goingCount", e.cancelled_at AS "cancelledAt",
  e.cancel_reason AS "cancelReason", e.minutes_url AS "minutesUrl", e.slides_url AS "slidesUrl",
  e.recording_url AS "recordingUrl", e.follow_up_note AS "followUpNote", e.follow_up_at AS "followUpAt",
  e.created_by_id AS "createdById", e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

/**
 * One event a viewer may see, with its support point, organisers and creator, in one statement
 * (Prisma sent one per relation, and compiling its query was a third of the event page's CPU).
 */
export async function findEvent(viewer: AuthUser, id: string) {
  if (!isUuid(id)) return null;
  const [event] = await db.$queryRaw<(Event & EventRelations)[]>`
    SELECT ${EVENT_COLUMNS},
      (SELECT json_build_object('id', p.id, 'name', p.name, 'address', p.address)
        FROM support_point p WHERE p.id = e.support_point_id) AS "supportPoint",
      (SELECT coalesce(json_agg(json_build_object('user', json_build_object('id', u.id, 'name', u.name))), '[]'::json)
        FROM event_organiser o JOIN app_user u ON u.id = o.user_id WHERE o.event_id = e.id) AS organisers,
      (SELECT json_build_object('name', c.name) FROM app_user c WHERE c.id = e.created_by_id) AS "createdBy"
    FROM event e WHERE e.id = ${id}::uuid AND ${visibleSql(viewer)}`;
  return event ?? null;
}
export type FoundEvent = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export function editable(viewer: AuthUser, event: FoundEvent) {
  return canEditEvent(viewer, { ...event, organiserIds: event.organisers.map((o) => o.user.id) });
}

export async function eventPage(viewer: AuthUser, event: FoundEvent) {
  const [[standing], attendees] = await Promise.all([
    // Counts by answer, the viewer's own answer and place in the queue: one statement.
    db.$queryRaw<
      {
        counts: Record<string, number> | null;
        status: string | null;
        position: number | null;
      }[]
    >`
      SELECT
        (SELECT json_object_agg(c.status, c.n) FROM (
          SELECT status, count(*)::int AS n FROM event_rsvp WHERE event_id = ${event.id}::uuid GROUP BY status) c) AS counts,
        m.status,
        CASE WHEN m.status = 'waitlist' AND m.waitlisted_at IS NOT NULL THEN (
          SELECT count(*)::int + 1 FROM event_rsvp w
          WHERE w.event_id = m.event_id AND w.status = 'waitlist' AND w.waitlisted_at < m.waitlisted_at) END AS position
      FROM (SELECT 1) one
      LEFT JOIN event_rsvp m ON m.event_id = ${event.id}::uuid AND m.user_id = ${viewer.id}::uuid`,
    editable(viewer, event) || canManageAllEvents(viewer)
      ? db.eventRsvp.findMany({
          where: { eventId: event.id },
          orderBy: [{ status: 'asc' }, { waitlistedAt: 'asc' }, { createdAt: 'asc' }],
          select: {
            status: true,
            checkedInAt: true,
            user: { select: { name: true, organisation: { select: { name: true } } } },
          },
        })
      : null,
  ]);
  const myStatus = standing?.status ?? null;
  const count = (status: string) => standing?.counts?.[status] ?? 0;
  const signedUp = myStatus !== null && ['going', 'maybe', 'waitlist'].includes(myStatus);
  return {
    myStatus,
    waitlistPosition: standing?.position ?? null,
    going: count('going'),
    maybe: count('maybe'),
    waitlist: count('waitlist'),
    // The join link is for people who signed up (and the organisers).
    joinUrl: signedUp || attendees ? event.joinUrl : '',
    attendees,
  };
}
