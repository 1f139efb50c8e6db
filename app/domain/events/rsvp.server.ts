import { inEachLanguage } from '~/i18n/written-in';
import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db, type Tx } from '~/db.server';
import { notify } from '~/domain/notifications/notify.server';
import { hitLimit, tooMany } from '~/auth/limits.server';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';
import { visibleWhere } from './access.server';
import type { RsvpChoice } from './constants';
import { scheduleReminders } from './reminders.server';

// Signing up. The event's row is locked for the length of each answer, so answers to one event
// are taken one at a time: with 50 people answering at once for 20 places, exactly 20 go and
// 30 wait, in the order they asked. A place freed is given to the first in the queue, who is
// told at once (in the app and by e-mail).

export type RsvpResult = Result<{ status: 'going' | 'maybe' | 'cant' | 'waitlist' }>;

type Locked = {
  id: string;
  capacity: number | null;
  going_count: number;
  starts_at: Date;
  rsvp_deadline: Date | null;
  cancelled_at: Date | null;
};

async function lockEvent(tx: Tx, eventId: string) {
  const [row] = await tx.$queryRaw<Locked[]>`
    SELECT id, capacity, going_count, starts_at, rsvp_deadline, cancelled_at
    FROM event WHERE id = ${eventId}::uuid FOR UPDATE`;
  return row ?? null;
}

export function rsvpClosed(
  event: { startsAt: Date; rsvpDeadline: Date | null; cancelledAt: Date | null },
  now = new Date(),
) {
  return (
    Boolean(event.cancelledAt) ||
    event.startsAt <= now ||
    (event.rsvpDeadline !== null && event.rsvpDeadline <= now)
  );
}

export async function respond(
  viewer: AuthUser,
  eventId: string,
  choice: RsvpChoice,
  meta: RequestMeta,
  now = new Date(),
): Promise<RsvpResult> {
  const visible = await db.event.findFirst({
    where: { id: eventId, ...visibleWhere(viewer) },
    select: { id: true },
  });
  if (!visible) return NOT_FOUND;
  // Changing one's mind is fine; hundreds of changes a minute are a script.
  const rate = await hitLimit('rsvp', viewer.id);
  if (!rate.allowed) return tooMany(rate, 'events:errors.tooManyAnswers', 'status');
  return db.$transaction(async (tx): Promise<RsvpResult> => {
    const event = await lockEvent(tx, eventId);
    if (!event) return NOT_FOUND;
    if (event.cancelled_at) return refuse('events:errors.cancelled', { field: 'status' });
    if (
      rsvpClosed({ startsAt: event.starts_at, rsvpDeadline: event.rsvp_deadline, cancelledAt: null }, now)
    ) {
      return refuse('events:errors.rsvpClosed', { field: 'status' });
    }
    const existing = await tx.eventRsvp.findUnique({
      where: { eventId_userId: { eventId, userId: viewer.id } },
      select: { status: true, waitlistedAt: true },
    });
    const was = existing?.status;
    let status: 'going' | 'maybe' | 'cant' | 'waitlist' = choice;
    if (choice === 'going') {
      if (was === 'going') return { ok: true as const, status: 'going' as const };
      const full = event.capacity !== null && event.going_count >= event.capacity;
      status = full ? 'waitlist' : 'going';
    }
    const waitlistedAt = status === 'waitlist' ? (was === 'waitlist' ? existing?.waitlistedAt : now) : null;
    await tx.eventRsvp.upsert({
      where: { eventId_userId: { eventId, userId: viewer.id } },
      create: { eventId, userId: viewer.id, status, waitlistedAt },
      update: { status, waitlistedAt },
    });
    const delta = (status === 'going' ? 1 : 0) - (was === 'going' ? 1 : 0);
    if (delta) await tx.event.update({ where: { id: eventId }, data: { goingCount: { increment: delta } } });
    if (status === 'going') {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: viewer.id },
        select: { id: true, reminderMinutes: true },
      });
      await scheduleReminders(tx, { id: eventId, startsAt: event.starts_at }, [user], now);
    }
    if (was === 'going' && status !== 'going') await fillFreePlaces(tx, eventId, meta, now);
    return { ok: true as const, status };
  });
}

/** Moves people from the queue into free places, first come first served, and tells them. */
export async function fillFreePlaces(tx: Tx, eventId: string, meta: RequestMeta, now = new Date()) {
  const event = await lockEvent(tx, eventId);
  if (!event || event.cancelled_at) return [];
  const free = event.capacity === null ? Infinity : event.capacity - event.going_count;
  if (free <= 0) return [];
  const next = await tx.eventRsvp.findMany({
    where: { eventId, status: 'waitlist' },
    orderBy: [{ waitlistedAt: 'asc' }, { createdAt: 'asc' }],
    take: Number.isFinite(free) ? free : undefined,
    select: { userId: true, user: { select: { id: true, reminderMinutes: true } } },
  });
  if (!next.length) return [];
  const ids = next.map((r) => r.userId);
  await tx.eventRsvp.updateMany({
    where: { eventId, userId: { in: ids } },
    data: { status: 'going', waitlistedAt: null },
  });
  await tx.event.update({ where: { id: eventId }, data: { goingCount: { increment: ids.length } } });
  const titled = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { titleFi: true, titleSv: true, titleEn: true },
  });
  await notify(tx, {
    type: 'event_promoted',
    recipientIds: ids,
    actorName: '',
    title: inEachLanguage(titled, 'title'),
    url: `/events/${eventId}`,
  });
  await scheduleReminders(
    tx,
    { id: eventId, startsAt: event.starts_at },
    next.map((r) => r.user),
    now,
  );
  return ids;
}
