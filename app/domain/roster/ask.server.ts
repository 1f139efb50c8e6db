import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { ROLE_GRANTS, ROLE_KEYS } from '~/auth/roles';
import { hitLimit, tooMany } from '~/auth/limits.server';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { notify } from '~/domain/notifications/notify.server';
import { helsinkiToday } from '~/i18n/format';
import { dayDate } from '~/utils/calendar-days';
import { isUuid } from '~/utils/ids';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';
import { happensOn, RULE_COLUMNS, ruleOf, slotTimes } from './recurrence';
import { mayManageSlot } from './slots.server';
import { helpTime } from './when';

// "Ask eligible advisers" (issue 17 item 3): a coordinator with an empty or short help time
// asks, in one click, the advisers who could fill it — those who advise in one of its languages
// and usually work at that point or another in the same area — and nobody else: a request to
// the whole network would teach everyone to ignore it. Once per help time in a few hours.

/** At most this many asked at once: beyond it the area is the wrong net. */
const MAX_ASKED = 200;

export async function askForHelp(
  actor: AuthUser,
  slotId: string,
  date: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<Result<{ asked: number }>> {
  if (!actor.permissions['roster:manage'] || !isUuid(slotId)) return NOT_FOUND;
  const slot = await db.helpSlot.findUnique({
    where: { id: slotId },
    select: {
      id: true,
      organisationId: true,
      ...RULE_COLUMNS,
      languages: true,
      needed: true,
      supportPoint: { select: { id: true, name: true, district: true, active: true } },
      shifts: { where: { date: dayDate(date), cancelledAt: null }, select: { userId: true } },
    },
  });
  if (!slot || !slot.supportPoint.active || !mayManageSlot(actor, slot.organisationId)) return NOT_FOUND;
  if (date < helsinkiToday(now) || !happensOn(ruleOf(slot), date) || slotTimes(slot, date).start <= now)
    return refuse('roster:errors.noSlotThatDay');
  if (slot.shifts.length >= slot.needed) return refuse('roster:coverage.alreadyStaffed', { status: 409 });
  const rate = await hitLimit('roster-ask', `${slot.id}:${date}`);
  if (!rate.allowed) return tooMany(rate, 'roster:coverage.askedRecently');
  const signsUp = ROLE_KEYS.filter((r) => ROLE_GRANTS[r]['roster:sign-up']);
  const point = slot.supportPoint;
  const eligible = await db.user.findMany({
    where: {
      status: 'active',
      id: { notIn: [actor.id, ...slot.shifts.map((s) => s.userId)] },
      adviseLanguages: { hasSome: slot.languages },
      roles: { some: { role: { key: { in: signsUp } } } },
      supportPoints: {
        some: { supportPoint: { active: true, OR: [{ id: point.id }, { district: point.district }] } },
      },
    },
    orderBy: { name: 'asc' },
    take: MAX_ASKED,
    select: { id: true },
  });
  const when = (l: 'fi' | 'sv' | 'en') => `${point.name}, ${helpTime(date, slot.startsAt, slot.endsAt, l)}`;
  await db.$transaction(async (tx) => {
    await notify(tx, {
      type: 'shift_help_wanted',
      recipientIds: eligible.map((u) => u.id),
      actorName: actor.name,
      title: { fi: when('fi'), sv: when('sv'), en: when('en') },
      url: `/shifts/new?slot=${slot.id}&date=${date}`,
      data: { date, startsAt: slot.startsAt, endsAt: slot.endsAt },
    });
    await writeAudit(tx, {
      action: 'shift_help_asked',
      actorId: actor.id,
      targetType: 'help_slot',
      targetId: slot.id,
      organisationId: slot.organisationId ?? undefined,
      ip: meta.ip,
      details: { date, asked: eligible.length },
    });
  });
  return { ok: true, asked: eligible.length };
}
