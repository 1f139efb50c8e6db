import { db, type Tx } from '~/db.server';
import { Prisma } from '~/generated/prisma/client';

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };
export type RateLimitHit = RateLimitResult & { hits: number };

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in the database, so every app instance sees the same numbers. Inside a
 * transaction pass its client (`tx`): the embedded database has a single connection.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowMs: number,
  client: Tx = db,
): Promise<RateLimitHit> {
  const rows = await client.$queryRaw<{ hits: number; reset_at: Date }[]>`
    INSERT INTO rate_limit (key, hits, reset_at)
    VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limit.reset_at <= now() THEN 1 ELSE rate_limit.hits + 1 END,
      reset_at = CASE WHEN rate_limit.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limit.reset_at END
    RETURNING hits, reset_at`;
  const row = rows[0]!;
  const retryAfterSeconds = Math.max(1, Math.ceil((row.reset_at.getTime() - Date.now()) / 1000));
  return { allowed: row.hits <= limit, retryAfterSeconds, hits: row.hits };
}

/** Keeps `key`'s current window open until `until` (a longer wait after repeated lockouts). */
export async function extendRateLimit(key: string, until: Date) {
  await db.rateLimit.updateMany({ where: { key }, data: { resetAt: until } });
}

/**
 * Whether any of `keys` has used up its limit in its current window, without counting a hit:
 * for limits that count only failures (login), checked before the attempt and hit after it.
 */
export async function peekRateLimits(limits: { key: string; limit: number }[]): Promise<RateLimitResult> {
  const rows = await db.$queryRaw<{ key: string; hits: number; reset_at: Date }[]>`
    SELECT key, hits, reset_at FROM rate_limit
    WHERE key IN (${Prisma.join(limits.map((l) => l.key))}) AND reset_at > now()`;
  const spent = rows.filter((r) => r.hits >= limits.find((l) => l.key === r.key)!.limit);
  if (!spent.length) return { allowed: true, retryAfterSeconds: 0 };
  const until = Math.max(...spent.map((r) => r.reset_at.getTime()));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)) };
}

export async function clearRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}

export async function pruneRateLimits() {
  await db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date() } } });
}
