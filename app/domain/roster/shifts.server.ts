import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { ROLE_GRANTS, ROLE_KEYS, type RoleKey } from '~/auth/roles';
import { hitLimit, tooMany } from '~/auth/limits.server';
import { nothing, part, readTogether } from '~/db/read-together.server';
import { db, type Tx } from '~/db.server';
import { notify } from '~/domain/notifications/notify.server';
import { helsinkiToday } from '~/i18n/format';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';
import { ROSTER_DAYS_SHOWN, SIGN_UP_MAX_DAYS } from './constants';
import { addDays, dayDate, isoDay, isoWeekday } from '~/utils/calendar-days';
import { happensOn, RULE_COLUMNS, ruleOf, slotDates, slotTimes } from './recurrence';
import { forgetPublicRoster } from './public.server';
import { helpTime } from './when';
import type { IcsEvent } from '~/domain/events/ics.server';
import type { Language } from '~/i18n/config';
import { resources } from '~/i18n/resources.server';
import { isUuid } from '~/utils/ids';

// Shifts: an adviser's place in a slot on one day (ADR 030). The slot's row is locked while a
// sign-up counts the places, so when three advisers take the last two places at once exactly
// two get them; the unique index keeps one live shift per adviser, slot and day.

/** What a slot's days are computed from (ruleOf), and its size. */
const RULE_SELECT = { id: true, ...RULE_COLUMNS, needed: true } as const;

export type SignUp = { slotId: string; date: string; repeat: 'once' | 'weekly'; until: string | null };

/** Signs the adviser up for one day or every week until a day; full days are skipped and said. */
export async function signUp(
  actor: AuthUser,
  request: SignUp,
  now = new Date(),
): Promise<Result<{ dates: string[]; full: string[] }>> {
  const today = helsinkiToday(now);
  if (!actor.permissions['roster:sign-up'] || !isUuid(request.slotId)) return NOT_FOUND;
  const slot = await db.helpSlot.findUnique({
    where: { id: request.slotId },
    select: {
      ...RULE_SELECT,
      supportPoint: { select: { active: true } },
    },
  });
  if (!slot || !slot.supportPoint.active) return NOT_FOUND;
  const rule = ruleOf(slot);
  if (request.date < today || !happensOn(rule, request.date)) return refuse('roster:errors.noSlotThatDay');
  // Today's time is listed until it ends; a form left open past that is refused, not saved.
  if (slotTimes(rule, request.date).end <= now) return refuse('roster:errors.helpTimeOver');
  let dates = [request.date];
  if (request.repeat === 'weekly') {
    const until = request.until;
    if (!until) return refuse('validation.required', { field: 'until' });
    if (until < request.date) return refuse('roster:errors.untilBeforeFrom', { field: 'until' });
    if (until > addDays(today, SIGN_UP_MAX_DAYS))
      return refuse('roster:errors.untilTooFar', { field: 'until', values: { days: SIGN_UP_MAX_DAYS } });
    const weekday = isoWeekday(request.date);
    dates = slotDates(rule, request.date, until).filter((d) => isoWeekday(d) === weekday);
  }
  const rate = await hitLimit('shift', actor.id);
  if (!rate.allowed) return tooMany(rate, 'roster:errors.tooMany', 'form');
  const outcome = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM help_slot WHERE id = ${slot.id}::uuid FOR UPDATE`;
    const taken = await tx.shift.groupBy({
      by: ['date'],
      where: { slotId: slot.id, cancelledAt: null, date: { in: dates.map(dayDate) } },
      _count: { _all: true },
    });
    const mine = await tx.shift.findMany({
      where: { slotId: slot.id, userId: actor.id, cancelledAt: null, date: { in: dates.map(dayDate) } },
      select: { date: true },
    });
    const countOn = new Map(taken.map((t) => [isoDay(t.date), t._count._all]));
    const already = new Set(mine.map((m) => isoDay(m.date)));
    const free = dates.filter((d) => !already.has(d) && (countOn.get(d) ?? 0) < slot.needed);
    await tx.shift.createMany({
      data: free.map((d) => ({ slotId: slot.id, date: dayDate(d), userId: actor.id })),
    });
    return { free, full: dates.filter((d) => !already.has(d) && !free.includes(d)), already };
  });
  if (outcome.free.length) forgetPublicRoster();
  if (!outcome.free.length)
    return outcome.already.size
      ? refuse('roster:errors.alreadySignedUp', { status: 409 })
      : refuse('roster:errors.full', { status: 409 });
  return { ok: true, dates: outcome.free, full: outcome.full };
}

/**
 * Cancels one of the adviser's own coming shifts with a reason. Told: the others on the same
 * shift and whoever keeps the slot (the member who added it, and members with the right to keep
 * it who usually work at the point).
 */
export async function cancelShift(
  actor: AuthUser,
  shiftId: string,
  reason: string,
  today = helsinkiToday(),
): Promise<Result<{ date: string; pointSlug: string }>> {
  if (!isUuid(shiftId)) return NOT_FOUND;
  const shift = await db.shift.findUnique({
    where: { id: shiftId },
    select: {
      id: true,
      userId: true,
      date: true,
      cancelledAt: true,
      slot: {
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          organisationId: true,
          createdById: true,
          supportPoint: { select: { id: true, slug: true, name: true } },
        },
      },
    },
  });
  if (!shift || shift.userId !== actor.id || shift.cancelledAt) return NOT_FOUND;
  const date = isoDay(shift.date);
  if (date < today) return refuse('roster:errors.pastShift', { status: 409 });
  const rate = await hitLimit('shift', actor.id);
  if (!rate.allowed) return tooMany(rate, 'roster:errors.tooMany', 'reason');
  const { slot } = shift;
  await db.$transaction(async (tx) => {
    const changed = await tx.shift.updateMany({
      where: { id: shift.id, cancelledAt: null },
      data: { cancelledAt: new Date(), cancelReason: reason },
    });
    if (!changed.count) return;
    await notify(tx, {
      type: 'shift_cancelled',
      recipientIds: (await toldOfCancellation(tx, slot, date)).filter((id) => id !== actor.id),
      actorName: actor.name,
      title: Object.fromEntries(
        (['fi', 'sv', 'en'] as const).map((l) => [
          l,
          `${slot.supportPoint.name}, ${helpTime(date, slot.startsAt, slot.endsAt, l)}`,
        ]),
      ) as { fi: string; sv: string; en: string },
      url: `/support-points/${slot.supportPoint.slug}#help-times`,
      detail: reason,
      data: { date, startsAt: slot.startsAt, endsAt: slot.endsAt },
    });
  });
  forgetPublicRoster();
  return { ok: true, date, pointSlug: slot.supportPoint.slug };
}

async function toldOfCancellation(
  tx: Tx,
  slot: {
    id: string;
    organisationId: string | null;
    createdById: string | null;
    supportPoint: { id: string };
  },
  date: string,
): Promise<string[]> {
  const coVolunteers = await tx.shift.findMany({
    where: { slotId: slot.id, date: dayDate(date), cancelledAt: null },
    select: { userId: true },
  });
  // Keepers of the slot who work at the point: coordinators, and org admins of its organisation.
  const keepers = await tx.user.findMany({
    where: {
      status: 'active',
      supportPoints: { some: { supportPointId: slot.supportPoint.id } },
      roles: { some: { role: { key: { in: ROLE_KEYS.filter((r) => ROLE_GRANTS[r]['roster:manage']) } } } },
    },
    select: { id: true, organisationId: true, roles: { select: { role: { select: { key: true } } } } },
  });
  const keeperIds = keepers
    .filter((k) =>
      k.roles.some(({ role }) => {
        const scope = ROLE_GRANTS[role.key as RoleKey]?.['roster:manage'];
        return scope === 'all' || (scope === 'organisation' && k.organisationId === slot.organisationId);
      }),
    )
    .map((k) => k.id);
  return [
    ...coVolunteers.map((c) => c.userId),
    ...keeperIds,
    ...(slot.createdById ? [slot.createdById] : []),
  ];
}

type MyShiftRow = {
  id: string;
  /** A calendar day, as JSON gives it. */
  date: string;
  startsAt: string;
  endsAt: string;
  needed: number;
  languages: string[];
  point: { slug: string; name: string; address: string };
  signedUp: number;
  offered: boolean;
};

/**
 * The adviser's coming shifts (today's until they end), soonest first, with how many have
 * signed up for each: a part of the shifts page's one statement (issue 12; as Prisma queries
 * these were four statements).
 */
export function myShiftsPart(userId: string, now = new Date()) {
  const today = helsinkiToday(now);
  return part<MyShiftRow, ReturnType<typeof shapeMyShifts>>(
    Prisma.sql`
    SELECT s.id, s.date, h.starts_at AS "startsAt", h.ends_at AS "endsAt", h.needed, h.languages,
      json_build_object('slug', p.slug, 'name', p.name, 'address', p.address) AS point,
      (SELECT count(*)::int FROM shift o WHERE o.slot_id = s.slot_id AND o.date = s.date AND o.cancelled_at IS NULL) AS "signedUp",
      s.offered_at IS NOT NULL AS offered
    FROM shift s
    JOIN help_slot h ON h.id = s.slot_id
    JOIN support_point p ON p.id = h.support_point_id
    WHERE s.user_id = ${userId}::uuid AND s.cancelled_at IS NULL AND s.date >= ${dayDate(today)}
    ORDER BY s.date, s.id
    LIMIT 200`,
    Prisma.sql`r.date, r.id`,
    (rows) => shapeMyShifts(rows, now),
  );
}

function shapeMyShifts(rows: MyShiftRow[], now: Date) {
  return rows
    .map(({ date, startsAt, endsAt, ...row }) => ({
      id: row.id,
      date,
      ...slotTimes({ startsAt, endsAt }, date),
      startsAt,
      endsAt,
      point: row.point,
      languages: row.languages,
      needed: row.needed,
      signedUp: row.signedUp,
      offered: row.offered,
    }))
    .filter((s) => s.end > now)
    .map((s) => ({ ...s, begun: s.start <= now }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The adviser's coming shifts on their own (one statement). */
export async function myShifts(userId: string, now = new Date()) {
  const [shifts] = await readTogether(myShiftsPart(userId, now));
  return shifts;
}

/**
 * The adviser's shifts of the next two weeks, for the home page (at most five): one statement,
 * as every source of the home page is (issue 12).
 */
export function comingShifts(viewer: AuthUser, now = new Date()) {
  if (!viewer.permissions['roster:sign-up']) return nothing([]);
  const today = helsinkiToday(now);
  return part(
    Prisma.sql`
    SELECT s.id, s.date, h.starts_at, h.ends_at, p.name, s.offered_at IS NOT NULL AS offered
    FROM shift s
    JOIN help_slot h ON h.id = s.slot_id
    JOIN support_point p ON p.id = h.support_point_id
    WHERE s.user_id = ${viewer.id}::uuid AND s.cancelled_at IS NULL
      AND s.date >= ${dayDate(today)} AND s.date < ${dayDate(addDays(today, ROSTER_DAYS_SHOWN))}
    ORDER BY s.date, h.starts_at
    LIMIT 10`,
    Prisma.sql`r.date, r.starts_at`,
    // JSON: the date is 'YYYY-MM-DD' and the times 'HH:MM:SS', as text.
    (
      rows: {
        id: string;
        date: string;
        starts_at: string;
        ends_at: string;
        name: string;
        offered: boolean;
      }[],
    ) =>
      rows
        .map((r) => {
          const { start, end } = slotTimes({ startsAt: r.starts_at, endsAt: r.ends_at }, r.date);
          return {
            id: r.id,
            date: r.date,
            start: start.toISOString(),
            end,
            startsAt: r.starts_at,
            endsAt: r.ends_at,
            pointName: r.name,
            offered: r.offered,
          };
        })
        .filter((s) => s.end > now)
        .slice(0, 5)
        .map(({ end: _, ...s }) => s),
  );
}

/** The adviser's own live shift (for the cancel page), or null. */
export async function ownShift(actor: AuthUser, shiftId: string) {
  const shifts = await myShifts(actor.id);
  return shifts.find((s) => s.id === shiftId) ?? null;
}

/** One day of a slot, as the sign-up page shows it; null when the slot does not happen then or is over. */
export async function occurrence(viewerId: string, slotId: string, date: string, now = new Date()) {
  if (!isUuid(slotId) || date < helsinkiToday(now)) return null;
  const slot = await db.helpSlot.findUnique({
    where: { id: slotId },
    select: {
      ...RULE_SELECT,
      languages: true,
      supportPoint: { select: { slug: true, name: true, active: true } },
      shifts: { where: { date: dayDate(date), cancelledAt: null }, select: { userId: true } },
    },
  });
  if (!slot || !slot.supportPoint.active) return null;
  const rule = ruleOf(slot);
  if (!happensOn(rule, date) || slotTimes(rule, date).end <= now) return null;
  return {
    slotId: slot.id,
    date,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    needed: slot.needed,
    languages: slot.languages,
    signedUp: slot.shifts.length,
    mine: slot.shifts.some((s) => s.userId === viewerId),
    point: { slug: slot.supportPoint.slug, name: slot.supportPoint.name },
  };
}

/** "Help shift" in a language, from locales/<lng>/roster.json. */
const shiftTitle = (language: Language) => String(resources[language].roster.calendarTitle);

/**
 * The member's shifts as calendar entries (their calendar feed): coming ones and those of the
 * last two weeks; a cancelled one stays a while as cancelled, so a phone removes it.
 */
export async function shiftsInFeed(userId: string, now = new Date()): Promise<IcsEvent[]> {
  const from = addDays(helsinkiToday(now), -14);
  // Raw: as a Prisma query with the slot and its point, it was compiled on every feed request
  // and sent three statements.
  const rows = await db.$queryRaw<
    {
      id: string;
      day: string;
      createdAt: Date;
      cancelledAt: Date | null;
      startsAt: string;
      endsAt: string;
      slug: string;
      name: string;
      address: string;
    }[]
  >`
    SELECT s.id, to_char(s.date, 'YYYY-MM-DD') AS day, s.created_at AS "createdAt",
      s.cancelled_at AS "cancelledAt", h.starts_at AS "startsAt", h.ends_at AS "endsAt",
      p.slug, p.name, p.address
    FROM shift s
    JOIN help_slot h ON h.id = s.slot_id
    JOIN support_point p ON p.id = h.support_point_id
    WHERE s.user_id = ${userId}::uuid AND s.date >= ${from}::date
    ORDER BY s.date, s.id
    LIMIT 500`;
  return rows.map((r) => {
    const { start, end } = slotTimes(r, r.day);
    return {
      id: `shift-${r.id}`,
      titleFi: `${shiftTitle('fi')}: ${r.name}`,
      titleSv: `${shiftTitle('sv')}: ${r.name}`,
      titleEn: `${shiftTitle('en')}: ${r.name}`,
      descriptionFi: '',
      descriptionSv: '',
      descriptionEn: '',
      startsAt: start,
      endsAt: end,
      updatedAt: r.cancelledAt ?? r.createdAt,
      cancelledAt: r.cancelledAt,
      address: r.address,
      supportPoint: { name: r.name, address: r.address },
      joinUrl: '',
      path: `/support-points/${r.slug}#help-times`,
    };
  });
}
