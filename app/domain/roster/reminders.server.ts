import { db } from '~/db.server';
import { enqueueJob } from '~/domain/jobs/queue.server';
import { notify } from '~/domain/notifications/notify.server';
import { helsinkiToday, nextHelsinkiHour } from '~/i18n/format';
import { addDays, dayDate, isoDay } from '~/utils/calendar-days';
import { helpTime } from './when';

// Day-before reminders of shifts (issue 17 item 2): at 16:00 Helsinki time every adviser on duty
// tomorrow is told by the channel they chose for "shift_reminder" (e-mail by default). Each
// shift is marked reminded in the same transaction as its notification, so a run repeated after
// a crash, or a second instance's run, reminds nobody twice. A shift taken in a swap is
// reminded to its new holder.

/** 16:00: after the day's help times, early enough to arrange a swap for tomorrow. */
const REMINDER_HOUR = 16;
const BATCH = 200;

export const nextShiftRemindersAt = (now = new Date()) => nextHelsinkiHour(REMINDER_HOUR, now);

/** One pending run at a time, whatever number of instances start (unique key per run). */
export async function scheduleShiftReminders(now = new Date()) {
  const runAt = nextShiftRemindersAt(now);
  await db.$transaction((tx) => enqueueJob(tx, { type: 'roster.reminders', payload: {}, runAt }));
}

/** Reminds everyone on duty tomorrow who has not been reminded; returns how many. */
export async function sendShiftReminders(now = new Date()): Promise<number> {
  const tomorrow = dayDate(addDays(helsinkiToday(now), 1));
  let sent = 0;
  for (;;) {
    const shifts = await db.shift.findMany({
      where: {
        date: tomorrow,
        cancelledAt: null,
        remindedAt: null,
        slot: { supportPoint: { active: true } },
      },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: {
        id: true,
        userId: true,
        date: true,
        slotId: true,
        slot: { select: { startsAt: true, endsAt: true, supportPoint: { select: { name: true } } } },
      },
    });
    if (!shifts.length) return sent;
    await db.$transaction(async (tx) => {
      const marked = await tx.shift.updateManyAndReturn({
        where: { id: { in: shifts.map((s) => s.id) }, remindedAt: null, cancelledAt: null },
        data: { remindedAt: now },
        select: { id: true },
      });
      const still = new Set(marked.map((m) => m.id));
      // One notification call per slot: its advisers share the title.
      const bySlot = new Map<string, typeof shifts>();
      for (const s of shifts.filter((s) => still.has(s.id)))
        bySlot.set(s.slotId, [...(bySlot.get(s.slotId) ?? []), s]);
      for (const group of bySlot.values()) {
        const { slot, date } = group[0]!;
        const day = isoDay(date);
        const title = (l: 'fi' | 'sv' | 'en') =>
          `${slot.supportPoint.name}, ${helpTime(day, slot.startsAt, slot.endsAt, l)}`;
        await notify(tx, {
          type: 'shift_reminder',
          recipientIds: group.map((s) => s.userId),
          actorName: '',
          title: { fi: title('fi'), sv: title('sv'), en: title('en') },
          url: '/shifts',
          data: { date: day, startsAt: slot.startsAt, endsAt: slot.endsAt },
        });
      }
      sent += still.size;
    });
  }
}

/** The daily run: reminders out, the next run queued. */
export async function runShiftRemindersJob() {
  await sendShiftReminders();
  await scheduleShiftReminders();
}
