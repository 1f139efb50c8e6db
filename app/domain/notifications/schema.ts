import { z } from 'zod';

export const NOTIFICATION_TYPES = [
  'forum_reply',
  'forum_new_thread',
  'forum_mention',
  'forum_accepted',
  'forum_moderation',
  'event_promoted',
  'event_changed',
  'event_cancelled',
  'event_reminder',
  'event_followup',
  'briefing_published',
  'briefing_updated',
  'briefing_reminder',
  'feedback_new',
  'feedback_status',
  'briefing_question',
  'briefing_answer',
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
  // Someone who signed up must hear of these even without opening the app.
  event_promoted: 'email',
  event_changed: 'email',
  event_cancelled: 'email',
  event_reminder: 'email',
  event_followup: 'app',
  // A briefing is what advisers must know before residents ask.
  briefing_published: 'email',
  briefing_updated: 'app',
  briefing_reminder: 'email',
  feedback_new: 'app',
  // The reporter waits for an answer and may not open the app for weeks.
  feedback_status: 'email',
  briefing_question: 'app',
  briefing_answer: 'email',
};

export const PreferencesSchema = z.object(
  Object.fromEntries(
    NOTIFICATION_TYPES.map((t) => [t, z.enum(CHANNELS, { error: 'validation.invalid' })]),
  ) as Record<NotificationType, z.ZodEnum<{ [K in Channel]: K }>>,
);

export const NOTIFICATIONS_PAGE_SIZE = 30;
