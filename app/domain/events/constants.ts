// The events area's fixed lists, without zod (components import these).

export const EVENT_TYPES = [
  'network_meeting',
  'training_day',
  'webinar',
  'local_meetup',
  'briefing_session',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** Trainers may announce these; coordinators any type. */
export const TRAINING_TYPES: readonly EventType[] = ['training_day', 'webinar'];
export const PLACE_KINDS = ['support_point', 'address', 'online', 'hybrid'] as const;
export const EVENT_AUDIENCES = ['all', 'organisations', 'roles'] as const;
export const RSVP_CHOICES = ['going', 'maybe', 'cant'] as const;
export type RsvpChoice = (typeof RSVP_CHOICES)[number];
/** Reminder times a member can pick, in minutes before the start. */
export const REMINDER_CHOICES = [10080, 2880, 1440, 180, 60, 30] as const;
export const UPCOMING_PAGE_SIZE = 30;
