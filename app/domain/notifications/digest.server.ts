import { db } from '~/db.server';
import { appOrigin } from '~/env.server';
import { enqueueJob, registerJobHandler } from '~/domain/jobs/queue.server';
import { digestEmail } from '~/domain/mail/templates.server';
import { queueEmail } from '~/domain/mail/outbox.server';
import { helsinkiDayStart } from '~/i18n/format';

export const DIGEST_JOB = 'notifications.digest';
/** Digests go out at 07:00 Helsinki time, before most support points open. */
const DIGEST_HOUR = 7;

function helsinkiDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(at);
}

export function nextDigestAt(now = new Date()): Date {
  const today = helsinkiDate(now);
  const todayAt = new Date(helsinkiDayStart(today).getTime() + DIGEST_HOUR * 3600_000);
  return todayAt > now ? todayAt : new Date(helsinkiDayStart(today, 1).getTime() + DIGEST_HOUR * 3600_000);
}

/** One pending digest job at a time, whatever number of instances start (unique key per run). */
export async function scheduleDigest(now = new Date()) {
  const runAt = nextDigestAt(now);
  await db.$transaction((tx) =>
    enqueueJob(tx, { type: DIGEST_JOB, runAt, uniqueKey: `digest:${runAt.toISOString()}` }),
  );
}

/** Sends each member who chose "daily digest" one e-mail with what gathered since the last. */
export async function sendDigests(origin = appOrigin()) {
  const pending = await db.notification.findMany({
    where: { delivery: 'digest', digestedAt: null, user: { status: 'active' } },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      type: true,
      actorName: true,
      title: true,
      url: true,
      user: { select: { id: true, email: true, locale: true } },
    },
  });
  const byUser = new Map<string, typeof pending>();
  for (const n of pending) byUser.set(n.user.id, [...(byUser.get(n.user.id) ?? []), n]);
  for (const items of byUser.values()) {
    const { email, locale } = items[0]!.user;
    await db.$transaction(async (tx) => {
      await queueEmail(
        tx,
        await digestEmail(locale, email, {
          origin,
          items: items.map((i) => ({ type: i.type, actorName: i.actorName, title: i.title, url: i.url })),
        }),
      );
      await tx.notification.updateMany({
        where: { id: { in: items.map((i) => i.id) } },
        data: { digestedAt: new Date() },
      });
    });
  }
  return byUser.size;
}

registerJobHandler(DIGEST_JOB, async () => {
  await sendDigests();
  await scheduleDigest();
});
