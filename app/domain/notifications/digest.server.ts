import { randomBytes } from 'node:crypto';
import { memberById, type AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { db } from '~/db.server';
import { feedPage, type FeedItem } from '~/domain/home/feed.server';
import { appOrigin } from '~/env.server';
import { enqueueJob } from '~/domain/jobs/queue.server';
import { digestEmail } from '~/domain/mail/templates.server';
import { queueEmail } from '~/domain/mail/outbox.server';
import { nextHelsinkiHour } from '~/i18n/format';

/** Digests go out at 07:00 Helsinki time, before most support points open. */
const DIGEST_HOUR = 7;

export const nextDigestAt = (now = new Date()) => nextHelsinkiHour(DIGEST_HOUR, now);

/** One pending digest job at a time, whatever number of instances start (unique key per run). */
export async function scheduleDigest(now = new Date()) {
  const runAt = nextDigestAt(now);
  await db.$transaction((tx) => enqueueJob(tx, { type: 'notifications.digest', payload: {}, runAt }));
}

const DAY_MS = 86_400_000;
/** A run is due for a member a little before a whole period has passed: 07:00 drifts a few minutes. */
const PERIOD_MS = { daily: DAY_MS - 4 * 3600_000, weekly: 7 * DAY_MS - 4 * 3600_000 } as const;
/** At most this many news items in one e-mail; the rest are a link away. */
export const DIGEST_MAX_ITEMS = 30;

/** The members whose news digest is due at this run (daily, or weekly a week after the last). */
function dueForNews(now: Date) {
  return db.user.findMany({
    where: {
      status: 'active',
      OR: (['daily', 'weekly'] as const).map((frequency) => ({
        digestFrequency: frequency,
        OR: [
          { digestSentAt: null },
          { digestSentAt: { lt: new Date(now.getTime() - PERIOD_MS[frequency]) } },
        ],
      })),
    },
    select: { id: true, digestFrequency: true, digestSentAt: true },
  });
}

/** The member's unsubscribe token, made on their first digest. */
async function digestToken(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { digestToken: true } });
  if (user?.digestToken) return user.digestToken;
  const token = randomBytes(24).toString('base64url');
  await db.user.update({ where: { id: userId }, data: { digestToken: token } });
  return token;
}

/**
 * One run at 07:00: each member gets at most one e-mail, holding the notifications they chose
 * to hear of by digest and, when their news digest is due, what their home feed gained since
 * the last one. Nothing new, no e-mail.
 */
export async function sendDigests(origin = appOrigin(), now = new Date()) {
  const pending = await db.notification.findMany({
    where: { delivery: 'digest', digestedAt: null, user: { status: 'active' } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, type: true, actorName: true, title: true, url: true, userId: true },
  });
  const byUser = new Map<string, typeof pending>();
  for (const n of pending) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  const due = new Map((await dueForNews(now)).map((u) => [u.id, u]));
  let sent = 0;
  for (const userId of new Set([...byUser.keys(), ...due.keys()])) {
    const member = await memberById(userId);
    if (!member) continue;
    const notifications = byUser.get(userId) ?? [];
    const schedule = due.get(userId);
    let news: FeedItem[] = [];
    let more = false;
    if (schedule) {
      const period = schedule.digestFrequency === 'daily' ? DAY_MS : 7 * DAY_MS;
      const since = schedule.digestSentAt ?? new Date(now.getTime() - period);
      const page = await feedPage(member, { after: since, take: DIGEST_MAX_ITEMS, now });
      // What a notification in this e-mail already says is not said twice.
      const told = new Set(notifications.map((n) => n.url));
      news = page.items.filter((i) => !told.has(i.url));
      more = page.more !== null;
    }
    const token = news.length ? await digestToken(userId) : null;
    await db.$transaction(async (tx) => {
      if (notifications.length || news.length) {
        await queueEmail(
          tx,
          await digestEmail(member.locale, member.email, {
            origin,
            items: notifications.map((i) => ({
              type: i.type,
              actorName: i.actorName,
              title: i.title,
              url: i.url,
            })),
            news: news.map((i) => ({
              kind: i.kind,
              actor: i.actor,
              state: i.state,
              title: i.title,
              url: i.url,
            })),
            more,
            frequency: schedule?.digestFrequency ?? null,
            unsubscribeUrl: token ? `${origin}/unsubscribe/${token}` : null,
          }),
        );
        sent += 1;
      }
      if (notifications.length)
        await tx.notification.updateMany({
          where: { id: { in: notifications.map((i) => i.id) } },
          data: { digestedAt: now },
        });
      // The period is covered even when it brought nothing: a weekly digest stays weekly.
      if (schedule) await tx.user.update({ where: { id: userId }, data: { digestSentAt: now } });
    });
  }
  return sent;
}

/** What randomBytes(24) gives in base64url; anything else is not worth a query. */
const DIGEST_TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** The one-click unsubscribe (RFC 8058) and its page: the token turns the news digest off. */
export async function unsubscribeDigest(token: string) {
  if (!DIGEST_TOKEN.test(token)) return null;
  const user = await db.user.findUnique({ where: { digestToken: token }, select: { id: true, email: true } });
  if (!user) return null;
  await db.user.update({ where: { id: user.id }, data: { digestFrequency: 'off' } });
  return user;
}

export async function digestTokenHolder(token: string) {
  if (!DIGEST_TOKEN.test(token)) return null;
  return db.user.findUnique({
    where: { digestToken: token },
    select: { id: true, email: true, digestFrequency: true },
  });
}

/**
 * "Send due digests now" (/admin/jobs), e.g. after the 07:00 run was missed in an outage. Safe
 * to repeat: a run sends only what is due and not sent yet.
 */
export async function runDigestsNow(admin: AuthUser, meta: RequestMeta) {
  const now = new Date();
  await db.$transaction(async (tx) => {
    await enqueueJob(tx, { type: 'notifications.digest', payload: {}, runAt: now });
    await writeAudit(tx, { action: 'digest_run', actorId: admin.id, ip: meta.ip });
  });
}

/** The daily run: digests out, the next run queued. */
export async function runDigestJob() {
  await sendDigests();
  await scheduleDigest();
}
