// The guidance log's fixed lists, without zod (components import these). The same keys name
// the dashboards' rows and the CSV columns, so a list changes in one place.
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';

export const DEVICES = ['android', 'iphone', 'tablet', 'computer', 'other'] as const;
export const TOPICS = [
  'email',
  'banking',
  'suomifi',
  'omakanta',
  'kela',
  'hsl',
  'eservice',
  'device_basics',
  'safety',
  'other',
] as const;
export const CHANNELS = ['support_point', 'phone', 'remote', 'home_visit'] as const;
/** The city's model: 0 self-service guidance … 3 personal support. */
export const SERVICE_LEVELS = [0, 1, 2, 3] as const;
export const SESSION_LANGUAGES = [...ADVISE_LANGUAGES, 'other'] as const;
export const AGE_GROUPS = ['under_30', '30_64', '65_74', '75_plus'] as const;
export const OUTCOMES = ['solved', 'partly', 'referred'] as const;

export type Device = (typeof DEVICES)[number];

/** Entries an adviser can still see, correct and delete. */
export const EDITABLE_DAYS = 14;
/** How far back a session may be dated (notes from a busy week entered later). */
export const OLDEST_DAYS = 31;
/** A session's feedback link takes an answer this long after the session was logged. */
export const ANSWER_DAYS = 7;
export const MAX_DURATION_MINUTES = 8 * 60;

/** Five faces, 1 (very dissatisfied) to 5 (very satisfied), each with a text label. */
export const RATINGS = [1, 2, 3, 4, 5] as const;
