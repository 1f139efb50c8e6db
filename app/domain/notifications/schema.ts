import { z } from 'zod';

export const NOTIFICATION_TYPES = [
  'forum_reply',
  'forum_new_thread',
  'forum_mention',
  'forum_accepted',
  'forum_moderation',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** app: the bell only; email: the bell and an e-mail at once; digest: the bell and a daily e-mail. */
export const CHANNELS = ['app', 'email', 'digest', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DEFAULT_CHANNEL: Record<NotificationType, Channel> = {
  forum_reply: 'app',
  forum_new_thread: 'app',
  forum_mention: 'email',
  forum_accepted: 'app',
  forum_moderation: 'email',
};

export const PreferencesSchema = z.object(
  Object.fromEntries(
    NOTIFICATION_TYPES.map((t) => [t, z.enum(CHANNELS, { error: 'validation.invalid' })]),
  ) as Record<NotificationType, z.ZodEnum<{ [K in Channel]: K }>>,
);

export const NOTIFICATIONS_PAGE_SIZE = 30;
