import { db, type Tx } from '~/db.server';
import { enqueueJobs } from '~/domain/jobs/queue.server';
import type { JobPayload } from '~/domain/jobs/registry.server';
import { notify } from '~/domain/notifications/notify.server';

import { eventTitle } from './titles';

// Reminders before an event, through the job queue. A job names the start time it was made
// for: if the event moved, the job finds a different start and does nothing (new jobs were
// made for the new time). A row per reminder sent makes a retried or repeated job harmless —
// the reminder, its e-mail and that row are written in one transaction.

export async function scheduleReminders(
  tx: Tx,
  event: { id: string; startsAt: Date },
  users: { id: string; reminderMinutes: number[] }[],
  now = new Date(),
) {
  const startsAt = event.startsAt.toISOString();
  // One statement for everyone signed up (a changed training day reschedules 100+ people).
  await enqueueJobs(
    tx,
    users.flatMap((user) =>
      user.reminderMinutes
        .map((minutes) => ({ minutes, runAt: new Date(event.startsAt.getTime() - minutes * 60_000) }))
        .filter(({ runAt }) => runAt > now)
        .map(({ minutes, runAt }) => ({
          type: 'event.reminder' as const,
          runAt,
          payload: { eventId: event.id, userId: user.id, minutes, startsAt },
        })),
    ),
  );
}

type ReminderPayload = JobPayload<'event.reminder'>;

export async function sendReminder(payload: ReminderPayload) {
  await db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: payload.eventId },
      select: { id: true, startsAt: true, cancelledAt: true, titleFi: true, titleSv: true, titleEn: true },
    });
    if (!event || event.cancelledAt || event.startsAt.toISOString() !== payload.startsAt) return;
    const rsvp = await tx.eventRsvp.findUnique({
      where: { eventId_userId: { eventId: event.id, userId: payload.userId } },
      select: { status: true, user: { select: { locale: true } } },
    });
    if (rsvp?.status !== 'going') return;
    const { count } = await tx.eventReminder.createMany({
      data: [
        { eventId: event.id, userId: payload.userId, minutes: payload.minutes, startsAt: event.startsAt },
      ],
      skipDuplicates: true,
    });
    if (!count) return; // already sent
    await notify(tx, {
      type: 'event_reminder',
      recipientIds: [payload.userId],
      actorName: '',
      title: eventTitle(event, rsvp.user.locale).text,
      url: `/events/${event.id}`,
    });
  });
}
