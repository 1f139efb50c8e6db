import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { helsinkiDayStart } from '~/i18n/format';
import { isUuid } from '~/utils/ids';
import { canEditEvent, canManageAllEvents, visibleWhere } from './access.server';
import { UPCOMING_PAGE_SIZE } from './constants';
import { waitlistPosition } from './rsvp.server';

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

export async function findEvent(viewer: AuthUser, id: string) {
  if (!isUuid(id)) return null;
  return db.event.findFirst({
    where: { id, ...visibleWhere(viewer) },
    include: {
      supportPoint: { select: { id: true, name: true, address: true } },
      organisers: { select: { user: { select: { id: true, name: true } } } },
      createdBy: { select: { name: true } },
    },
  });
}
export type FoundEvent = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export function editable(viewer: AuthUser, event: FoundEvent) {
  return canEditEvent(viewer, { ...event, organiserIds: event.organisers.map((o) => o.user.id) });
}

export async function eventPage(viewer: AuthUser, event: FoundEvent) {
  const [mine, counts, position, attendees] = await Promise.all([
    db.eventRsvp.findUnique({
      where: { eventId_userId: { eventId: event.id, userId: viewer.id } },
      select: { status: true, checkedInAt: true },
    }),
    db.eventRsvp.groupBy({ by: ['status'], where: { eventId: event.id }, _count: { _all: true } }),
    waitlistPosition(event.id, viewer.id),
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
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  const signedUp = mine && ['going', 'maybe', 'waitlist'].includes(mine.status);
  return {
    myStatus: mine?.status ?? null,
    waitlistPosition: position,
    going: count('going'),
    maybe: count('maybe'),
    waitlist: count('waitlist'),
    // The join link is for people who signed up (and the organisers).
    joinUrl: signedUp || attendees ? event.joinUrl : '',
    attendees,
  };
}
