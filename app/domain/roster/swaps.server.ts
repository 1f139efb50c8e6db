import type { AuthUser } from '~/auth/guards.server';
import { hitLimit, tooMany } from '~/auth/limits.server';
import { Prisma } from '~/generated/prisma/client';
import { part, readTogether } from '~/db/read-together.server';
import { db } from '~/db.server';
import { notify } from '~/domain/notifications/notify.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate, isoDay } from '~/utils/calendar-days';
import { isUuid } from '~/utils/ids';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';
import { forgetPublicRoster } from './public.server';
import { slotTimes } from './recurrence';
import { helpTime } from './when';

// Swaps (issue 17 item 2, ADR 031): an adviser who cannot come offers their shift; it stays
// theirs — the point stays staffed — until another adviser takes it, and then it is the taker's
// in one step. Cancelling is for when nobody can be found. The slot's row is locked while a
// shift changes hands, so two advisers taking the same offer at once: one gets it.

const shiftSelect = {
  id: true,
  userId: true,
  date: true,
  cancelledAt: true,
  offeredAt: true,
  slot: {
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      supportPoint: { select: { id: true, slug: true, name: true, active: true } },
    },
  },
} as const;

const findShift = (id: string) =>
  isUuid(id) ? db.shift.findUnique({ where: { id }, select: shiftSelect }) : null;

/** "Kallion kirjasto, ti 8.12.2026 klo 10.00–12.00" in each language, for notifications. */
function titles(point: string, date: string, startsAt: string, endsAt: string) {
  return {
    fi: `${point}, ${helpTime(date, startsAt, endsAt, 'fi')}`,
    sv: `${point}, ${helpTime(date, startsAt, endsAt, 'sv')}`,
    en: `${point}, ${helpTime(date, startsAt, endsAt, 'en')}`,
  };
}

/** A shift that has begun is no longer swapped: whoever is there is there (nobody could take it). */
const hasBegun = (shift: { date: Date; slot: { startsAt: string; endsAt: string } }, now: Date) =>
  slotTimes(shift.slot, isoDay(shift.date)).start <= now;

/**
 * Offers one's own coming shift for someone else to take, with an optional note; the advisers
 * who usually work at the point hear of it (in the app, unless they chose otherwise).
 */
export async function offerShift(
  actor: AuthUser,
  shiftId: string,
  note: string,
  now = new Date(),
): Promise<Result<{ date: string }>> {
  const shift = await findShift(shiftId);
  if (!shift || shift.userId !== actor.id || shift.cancelledAt || !shift.slot.supportPoint.active)
    return NOT_FOUND;
  const date = isoDay(shift.date);
  if (hasBegun(shift, now)) return refuse('roster:errors.shiftBegun', { status: 409 });
  const rate = await hitLimit('shift', actor.id);
  if (!rate.allowed) return tooMany(rate, 'roster:errors.tooMany', 'note');
  const { slot } = shift;
  await db.$transaction(async (tx) => {
    await tx.shift.update({ where: { id: shift.id }, data: { offeredAt: new Date(), offerNote: note } });
    // Those who usually help at the point, and not already on that shift.
    const onShift = await tx.shift.findMany({
      where: { slotId: slot.id, date: shift.date, cancelledAt: null },
      select: { userId: true },
    });
    const usual = await tx.userSupportPoint.findMany({
      where: {
        supportPointId: slot.supportPoint.id,
        userId: { notIn: onShift.map((s) => s.userId) },
        user: { status: 'active' },
      },
      select: { userId: true },
    });
    await notify(tx, {
      type: 'shift_offered',
      recipientIds: usual.map((u) => u.userId),
      actorName: actor.name,
      title: titles(slot.supportPoint.name, date, slot.startsAt, slot.endsAt),
      url: '/shifts#offered',
      detail: note || undefined,
      data: { date, startsAt: slot.startsAt, endsAt: slot.endsAt },
    });
  });
  return { ok: true, date };
}

/** Takes back one's own offer: the shift is simply one's own again. */
export async function withdrawOffer(actor: AuthUser, shiftId: string): Promise<Result<{ date: string }>> {
  const shift = await findShift(shiftId);
  if (!shift || shift.userId !== actor.id || shift.cancelledAt || !shift.offeredAt) return NOT_FOUND;
  await db.shift.updateMany({
    where: { id: shift.id, userId: actor.id, offeredAt: { not: null } },
    data: { offeredAt: null, offerNote: '' },
  });
  return { ok: true, date: isoDay(shift.date) };
}

/**
 * Takes a shift someone offered: it becomes the taker's (reminder and calendar follow), and the
 * one who offered it is told. Gone (taken, withdrawn, cancelled) is said, not a 404: the taker
 * saw it a moment ago.
 */
export async function takeShift(
  actor: AuthUser,
  shiftId: string,
  now = new Date(),
): Promise<Result<{ date: string; pointName: string }>> {
  if (!actor.permissions['roster:sign-up']) return NOT_FOUND;
  const shift = await findShift(shiftId);
  if (!shift || shift.userId === actor.id || !shift.slot.supportPoint.active) return NOT_FOUND;
  if (!shift.offeredAt || shift.cancelledAt) return refuse('roster:errors.offerGone', { status: 409 });
  const date = isoDay(shift.date);
  if (hasBegun(shift, now)) return refuse('roster:errors.shiftBegun', { status: 409 });
  const rate = await hitLimit('shift', actor.id);
  if (!rate.allowed) return tooMany(rate, 'roster:errors.tooMany');
  const { slot } = shift;
  const outcome = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM help_slot WHERE id = ${slot.id}::uuid FOR UPDATE`;
    const already = await tx.shift.findFirst({
      where: { slotId: slot.id, date: shift.date, userId: actor.id, cancelledAt: null },
      select: { id: true },
    });
    if (already) return 'already' as const;
    const moved = await tx.shift.updateMany({
      where: { id: shift.id, userId: shift.userId, cancelledAt: null, offeredAt: { not: null } },
      data: { userId: actor.id, offeredAt: null, offerNote: '', remindedAt: null, createdAt: new Date() },
    });
    if (!moved.count) return 'gone' as const;
    await notify(tx, {
      type: 'shift_taken',
      recipientIds: [shift.userId],
      actorName: actor.name,
      title: titles(slot.supportPoint.name, date, slot.startsAt, slot.endsAt),
      url: '/shifts',
      data: { date, startsAt: slot.startsAt, endsAt: slot.endsAt },
    });
    return 'taken' as const;
  });
  if (outcome === 'already') return refuse('roster:errors.alreadySignedUp', { status: 409 });
  if (outcome === 'gone') return refuse('roster:errors.offerGone', { status: 409 });
  forgetPublicRoster();
  return { ok: true, date, pointName: slot.supportPoint.name };
}

type OfferRow = {
  id: string;
  /** A calendar day, as JSON gives it. */
  date: string;
  startsAt: string;
  endsAt: string;
  languages: string[];
  point: { id: string; slug: string; name: string; address: string };
  usualPoint: boolean;
  offeredBy: string;
  note: string;
  taken: boolean;
};

/**
 * Coming shifts others offer that the adviser could take (not already on that time), soonest
 * first; those at the adviser's usual points first among the same day. A part of the shifts
 * page's one statement (as Prisma queries these were four statements).
 */
export function shiftsOnOfferPart(viewer: AuthUser, now = new Date()) {
  const today = helsinkiToday(now);
  return part<OfferRow & { offeredAt: string }, ReturnType<typeof shapeOffers>>(
    Prisma.sql`
    SELECT s.id, s.date, h.starts_at AS "startsAt", h.ends_at AS "endsAt", h.languages,
      json_build_object('id', p.id, 'slug', p.slug, 'name', p.name, 'address', p.address) AS point,
      EXISTS (SELECT 1 FROM user_support_point us WHERE us.user_id = ${viewer.id}::uuid AND us.support_point_id = p.id) AS "usualPoint",
      u.name AS "offeredBy", s.offer_note AS note, s.offered_at AS "offeredAt",
      EXISTS (SELECT 1 FROM shift m WHERE m.user_id = ${viewer.id}::uuid AND m.cancelled_at IS NULL
              AND m.slot_id = s.slot_id AND m.date = s.date) AS taken
    FROM shift s
    JOIN app_user u ON u.id = s.user_id
    JOIN help_slot h ON h.id = s.slot_id
    JOIN support_point p ON p.id = h.support_point_id AND p.active
    WHERE s.offered_at IS NOT NULL AND s.cancelled_at IS NULL
      AND s.date >= ${dayDate(today)} AND s.date <= ${dayDate(addDays(today, 60))}
      AND s.user_id <> ${viewer.id}::uuid
    ORDER BY s.date, s.offered_at, s.id
    LIMIT 60`,
    Prisma.sql`r.date, r."offeredAt", r.id`,
    (rows) => shapeOffers(rows, now),
  );
}

function shapeOffers(rows: OfferRow[], now: Date) {
  return rows
    .map((o) => ({
      id: o.id,
      date: o.date,
      ...slotTimes(o, o.date),
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      languages: o.languages,
      point: o.point,
      usualPoint: o.usualPoint,
      offeredBy: o.offeredBy,
      note: o.note,
      taken: o.taken,
    }))
    .filter((o) => !o.taken && o.start > now)
    .sort((a, b) => a.date.localeCompare(b.date) || Number(b.usualPoint) - Number(a.usualPoint))
    .slice(0, 30);
}

/** The offers on their own (one statement). */
export async function shiftsOnOffer(viewer: AuthUser, now = new Date()) {
  const [offers] = await readTogether(shiftsOnOfferPart(viewer, now));
  return offers;
}
