import type { Tx } from '~/db.server';
import { MIN_SECONDS_BETWEEN_POSTS } from '~/domain/forum/constants';
import { refuse, type Refusal } from '~/utils/result';
import { hitRateLimit, type RateLimitHit } from './rate-limit.server';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Every rate limit in the app: how many hits one subject (a member, an address, an e-mail, a
 * standing link) may make in a fixed window. The name is also the prefix of the counter's key
 * in `rate_limit`, so a row there says which limit it is. Counted in the database, so every
 * instance sees the same numbers. The command that needs a limit checks it (never a route).
 */
export const LIMITS = {
  // Failures only, per account and per address (login.server.ts explains the numbers).
  'login:account': { hits: 10, windowMs: 15 * MINUTE },
  'login:ip': { hits: 200, windowMs: 15 * MINUTE },
  'login-code': { hits: 10, windowMs: 15 * MINUTE },
  'password-recheck': { hits: 5, windowMs: 15 * MINUTE },
  'reset:ip': { hits: 20, windowMs: HOUR },
  // Per address a quiet limit: the page looks the same, only no more mail goes out.
  'reset:email': { hits: 3, windowMs: HOUR },
  // Generous: a training day's whole room signs in through one public address.
  'sso-start': { hits: 300, windowMs: 15 * MINUTE },
  // One post per 5 s per member, also against a double tap.
  'forum-post': { hits: 1, windowMs: MIN_SECONDS_BETWEEN_POSTS * 1000 },
  upload: { hits: 30, windowMs: 10 * MINUTE },
  rsvp: { hits: 30, windowMs: 10 * MINUTE },
  // Signing up for and cancelling shifts: a season's planning is a few dozen, a script is more.
  shift: { hits: 60, windowMs: 10 * MINUTE },
  'eservice-feedback': { hits: 10, windowMs: 10 * MINUTE },
  'briefing-question': { hits: 10, windowMs: 10 * MINUTE },
  // Far above what a person logs (one every ten seconds), far below what a runaway script sends.
  guidance: { hits: 60, windowMs: 10 * MINUTE },
  // A resident answers once; a queue of residents at one library's desk a few dozen times.
  'resident-feedback': { hits: 30, windowMs: HOUR },
  // A busy point's standing link gets many answers a day, but not thousands.
  'resident-feedback:point': { hits: 300, windowMs: DAY },
  'data-export': { hits: 3, windowMs: DAY },
  'accessibility-feedback': { hits: 5, windowMs: HOUR },
  // Asking advisers to fill one help time: once, then again only after a few hours.
  'roster-ask': { hits: 1, windowMs: 6 * HOUR },
  // Referral slips: a busy afternoon at a desk is a dozen.
  referral: { hits: 60, windowMs: 10 * MINUTE },
  // The open-data feed, per address: a city server polling every few seconds passes.
  'open-data': { hits: 300, windowMs: 10 * MINUTE },
} as const satisfies Record<string, { hits: number; windowMs: number }>;

export type LimitName = keyof typeof LIMITS;

export const limitKey = (name: LimitName, subject: string) => `${name}:${subject}`;

/** Counts one hit of `name` for `subject`. Inside a transaction pass its client. */
export function hitLimit(name: LimitName, subject: string, client?: Tx): Promise<RateLimitHit> {
  const { hits, windowMs } = LIMITS[name];
  return hitRateLimit(limitKey(name, subject), hits, windowMs, client);
}

/** The refusal for a spent limit: 429, the wait, and `key` told with the wait in seconds. */
export function tooMany(hit: RateLimitHit, key: string, field = 'form'): Refusal {
  return refuse(key, {
    field,
    status: 429,
    retryAfterSeconds: hit.retryAfterSeconds,
    values: { seconds: hit.retryAfterSeconds, minutes: Math.ceil(hit.retryAfterSeconds / 60) },
  });
}
