import { hitRateLimit } from '~/auth/rate-limit.server';
import type { Tx } from '~/db.server';
import { DUPLICATE_WINDOW_MINUTES, MIN_SECONDS_BETWEEN_POSTS } from './constants';

export type LimitFailure = { key: string; values?: Record<string, number> };

/**
 * One post per 5 s per member (counted in the database, so it holds across instances and
 * against a double tap), and the same text twice within 5 minutes is refused.
 */
export async function checkPostingLimits(
  tx: Tx,
  authorId: string,
  text: string,
): Promise<LimitFailure | null> {
  const recent = await tx.forumPost.findFirst({
    where: {
      authorId,
      bodyText: text,
      deletedAt: null,
      createdAt: { gt: new Date(Date.now() - DUPLICATE_WINDOW_MINUTES * 60_000) },
    },
    select: { id: true },
  });
  if (recent) return { key: 'forum:errors.duplicate', values: { minutes: DUPLICATE_WINDOW_MINUTES } };
  const rate = await hitRateLimit(`forum-post:${authorId}`, 1, MIN_SECONDS_BETWEEN_POSTS * 1000, tx);
  if (!rate.allowed) return { key: 'forum:errors.tooFast', values: { seconds: rate.retryAfterSeconds } };
  return null;
}
