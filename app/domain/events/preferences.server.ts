import { db } from '~/db.server';

export async function reminderMinutes(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { reminderMinutes: true } }))
    .reminderMinutes;
}

/** New choices apply to events signed up for from now on; reminders already queued stay. */
export async function setReminderMinutes(userId: string, minutes: number[]) {
  await db.user.update({
    where: { id: userId },
    data: { reminderMinutes: [...new Set(minutes)].sort((a, b) => b - a) },
  });
}
