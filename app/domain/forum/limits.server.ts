import { hitLimit } from '~/auth/limits.server';
import type { Tx } from '~/db.server';
import { DUPLICATE_WINDOW_MINUTES } from './constants';

export type LimitFailure = { key: string; values?: Record<string, number> };

/** Where a post goes: a reply into a thread, or the question of a new thread. */
export type PostPlace = { threadId: string } | { newThread: true };

/**
 * One post per 5 s per member (counted in the database, so it holds across instances and
 * against a double tap), and the same text twice within 5 minutes in one place is refused:
 * the same reply in the same thread, or the same question as a second new thread. Advisers do
 * paste one tip into two threads (issue 21), and that is allowed.
 */
export async function checkPostingLimits(
  tx: Tx,
  authorId: string,
  text: string,
  place: PostPlace,
): Promise<LimitFailure | null> {
  const recent = await tx.forumPost.findFirst({
    where: {
      authorId,
      bodyText: text,
      deletedAt: null,
      createdAt: { gt: new Date(Date.now() - DUPLICATE_WINDOW_MINUTES * 60_000) },
      ...('threadId' in place ? { threadId: place.threadId } : { isQuestion: true }),
    },
    select: { id: true },
  });
  if (recent) return { key: 'forum:errors.duplicate', values: { minutes: DUPLICATE_WINDOW_MINUTES } };
  const rate = await hitLimit('forum-post', authorId, tx);
  if (!rate.allowed) return { key: 'forum:errors.tooFast', values: { seconds: rate.retryAfterSeconds } };
  return null;
}
