import type { PermissionKey } from '~/auth/roles';

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
  'forum_flagged',
  'forum_flagged_personal_data',
  'mail_failing',
  'shift_cancelled',
  'shift_offered',
  'shift_taken',
  'shift_reminder',
  'shift_help_wanted',
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
  forum_flagged: 'app',
  // A resident's personal data on the forum must come down within hours, not when someone looks.
  forum_flagged_personal_data: 'email',
  // Said in the app: the e-mail that would say it is what fails.
  mail_failing: 'app',
  // A cancelled shift may leave a point empty tomorrow: those who can fill it hear at once.
  shift_cancelled: 'email',
  // Someone may take it; those who cannot need no e-mail for it.
  shift_offered: 'app',
  // The shift is no longer yours: that must be heard.
  shift_taken: 'email',
  shift_reminder: 'email',
  // A coordinator asked this adviser in person, as a phone call would.
  shift_help_wanted: 'email',
};

/** Types told in the app only, whatever the member chose for everything else. */
const APP_ONLY: readonly NotificationType[] = ['mail_failing'];
const APP_CHANNELS = ['app', 'off'] as const;

/** The ways a member may choose to hear of a type. */
export function channelsFor(type: NotificationType): readonly [Channel, ...Channel[]] {
  return APP_ONLY.includes(type) ? APP_CHANNELS : CHANNELS;
}

/** The way a type is told: the member's choice, when it is one the type allows. */
export function channelOf(type: NotificationType, chosen: Channel | undefined): Channel {
  const channel = chosen ?? DEFAULT_CHANNEL[type];
  return channelsFor(type).includes(channel) ? channel : 'app';
}

/** Which permission makes a type of notification possible for a member; others are not shown. */
export const TYPE_NEEDS: Record<NotificationType, PermissionKey> = {
  forum_reply: 'forum:use',
  forum_new_thread: 'forum:use',
  forum_mention: 'forum:use',
  forum_accepted: 'forum:use',
  forum_moderation: 'forum:use',
  event_promoted: 'events:read',
  event_changed: 'events:read',
  event_cancelled: 'events:read',
  event_reminder: 'events:read',
  event_followup: 'events:read',
  briefing_published: 'briefings:read',
  briefing_updated: 'briefings:read',
  briefing_reminder: 'briefings:read',
  feedback_new: 'briefings:write',
  feedback_status: 'briefings:read',
  briefing_question: 'briefings:write',
  briefing_answer: 'briefings:read',
  forum_flagged: 'forum:moderate',
  forum_flagged_personal_data: 'forum:moderate',
  mail_failing: 'outbox:read',
  shift_cancelled: 'support-points:read',
  shift_offered: 'roster:sign-up',
  shift_taken: 'roster:sign-up',
  shift_reminder: 'roster:sign-up',
  shift_help_wanted: 'roster:sign-up',
};

/**
 * Three settings for everything at once. "important": what a member must not miss by e-mail
 * at once, the rest in the app (the defaults); "digest": all of it in one daily e-mail;
 * "everything": an e-mail for each.
 */
export const PRESETS = ['important', 'digest', 'everything'] as const;
export type Preset = (typeof PRESETS)[number];

export function presetChannels(preset: Preset): Record<NotificationType, Channel> {
  if (preset === 'important') return { ...DEFAULT_CHANNEL };
  const channel: Channel = preset === 'digest' ? 'digest' : 'email';
  return Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, channelOf(t, channel)])) as Record<
    NotificationType,
    Channel
  >;
}

/** The preset these settings are, if they are one. */
export function presetOf(prefs: Record<NotificationType, Channel>): Preset | null {
  return (
    PRESETS.find((preset) => {
      const channels = presetChannels(preset);
      return NOTIFICATION_TYPES.every((t) => channels[t] === prefs[t]);
    }) ?? null
  );
}

/** The news digest e-mail: what the home feed gained, daily or weekly (the default), or never. */
export const DIGEST_FREQUENCIES = ['daily', 'weekly', 'off'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const NOTIFICATIONS_PAGE_SIZE = 30;
