import { Prisma, type Event } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { helsinkiDayStart } from '~/i18n/format';
import { isUuid } from '~/utils/ids';
import { canEditEvent, canManageAllEvents, visibleSql, visibleWhere } from './access.server';
import { UPCOMING_PAGE_SIZE } from './constants';

// Reading events: the upcoming list, "my events", a month, one event.

const listSelect = {
  id: true,
  type: true,
  titleFi: true,
  titleSv: true,
  titleEn: true,
  startsAt: true,
  endsAt: true,
  placeKind: true,
  address: true,
  capacity: true,
  goingCount: true,
  cancelledAt: true,
  supportPoint: { select: { name: true } },
} as const;

export async function upcomingEvents(
  viewer: AuthUser,
  { mine, page }: { mine: boolean; page: number },
  now = new Date(),
) {
  const where = {
    ...visibleWhere(viewer),
    endsAt: { gte: now },
    ...(mine
      ? { rsvps: { some: { userId: viewer.id, status: { in: ['going', 'maybe', 'waitlist'] } } } }
      : {}),
  };
  const [events, total] = await Promise.all([
    db.event.findMany({
      where,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * UPCOMING_PAGE_SIZE,
      take: UPCOMING_PAGE_SIZE,
      select: { ...listSelect, rsvps: { where: { userId: viewer.id }, select: { status: true } } },
    }),
    db.event.count({ where }),
  ]);
  return {
    events: events.map(({ rsvps, ...e }) => ({ ...e, myStatus: rsvps[0]?.status ?? null })),
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
  const events = await db.event.findMany({
    where: { ...visibleWhere(viewer), startsAt: { gte: from, lt: to } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    select: { ...listSelect, rsvps: { where: { userId: viewer.id }, select: { status: true } } },
  });
  return events.map(({ rsvps, ...e }) => ({ ...e, myStatus: rsvps[0]?.status ?? null }));
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
