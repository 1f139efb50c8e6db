import { shellCountsAtSessionCheck, type AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { oncePerRequest } from '~/utils/request-scope.server';
import {
  CHANNELS,
  channelOf,
  DIGEST_FREQUENCIES,
  NOTIFICATION_TYPES,
  NOTIFICATIONS_PAGE_SIZE,
  type Channel,
  type DigestFrequency,
  type NotificationType,
} from './constants';

/**
 * The bell's number, asked by the root loader on every page: counted by the statement that
 * checked the session (app/auth/session.server.ts), or once more after an action.
 */
export async function unreadCount(request: Request, userId: string): Promise<number> {
  return (
    (await shellCountsAtSessionCheck(request))?.unreadNotifications ??
    oncePerRequest(request, 'unread-notifications', () =>
      db.notification.count({ where: { userId, readAt: null } }),
    )
  );
}

export async function listNotifications(user: AuthUser, page: number) {
  const where = { userId: user.id };
  const [items, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: {
        id: true,
        type: true,
        actorName: true,
        title: true,
        url: true,
        data: true,
        createdAt: true,
        readAt: true,
      },
    }),
    db.notification.count({ where }),
  ]);
  return { items, total, pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)) };
}

/** Marks one notification read and says where it leads; null if it is not this user's. */
export async function openNotification(user: AuthUser, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const found = await db.notification.findFirst({ where: { id, userId: user.id }, select: { url: true } });
  if (!found) return null;
  await db.notification.updateMany({ where: { id, readAt: null }, data: { readAt: new Date() } });
  return found.url;
}

export async function markAllRead(user: AuthUser) {
  await db.notification.updateMany({
    where: { userId: user.id, readAt: null },
    data: { readAt: new Date() },
  });
}

export async function preferencesOf(userId: string): Promise<Record<NotificationType, Channel>> {
  const rows = await db.notificationPreference.findMany({
    where: { userId },
    select: { type: true, channel: true },
  });
  const chosen = new Map(rows.map((r) => [r.type, r.channel]));
  return Object.fromEntries(
    NOTIFICATION_TYPES.map((type) => {
      const c = chosen.get(type);
      return [
        type,
        channelOf(type, (CHANNELS as readonly string[]).includes(c ?? '') ? (c as Channel) : undefined),
      ];
    }),
  ) as Record<NotificationType, Channel>;
}

export async function savePreferences(user: AuthUser, prefs: Record<NotificationType, Channel>) {
  await db.$transaction(async (tx) => {
    for (const type of NOTIFICATION_TYPES) {
      await tx.notificationPreference.upsert({
        where: { userId_type: { userId: user.id, type } },
        create: { userId: user.id, type, channel: prefs[type] },
        update: { channel: prefs[type] },
      });
    }
  });
}

/** How often the member gets the news digest e-mail (issue 14). */
export async function digestFrequencyOf(userId: string): Promise<DigestFrequency> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { digestFrequency: true } });
  const f = user?.digestFrequency ?? 'weekly';
  return (DIGEST_FREQUENCIES as readonly string[]).includes(f) ? (f as DigestFrequency) : 'weekly';
}

export async function saveDigestFrequency(user: AuthUser, frequency: DigestFrequency) {
  await db.user.update({ where: { id: user.id }, data: { digestFrequency: frequency } });
}
