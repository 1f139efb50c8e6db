import type { Tx } from '~/db.server';

/**
 * Recounts what lists show of a thread from its visible posts (after any change to them).
 *
 * The thread row is locked first: two replies committing at the same time would otherwise each
 * count without the other's post, and the last to write would leave the count one short (seen
 * on PostgreSQL, issue 20). Once the lock is held, each count below (a new snapshot per
 * statement) sees every post committed before. NO KEY UPDATE, not UPDATE: the new post's
 * foreign key holds a KEY SHARE lock on the thread, which UPDATE would wait on — a deadlock.
 */
export async function refreshThreadStats(tx: Tx, threadId: string) {
  await tx.$queryRaw`SELECT 1 FROM forum_thread WHERE id = ${threadId}::uuid FOR NO KEY UPDATE`;
  const visible = { threadId, hiddenAt: null };
  // One after another: inside a transaction the embedded database has a single connection.
  const replies = await tx.forumPost.count({ where: { ...visible, isQuestion: false, deletedAt: null } });
  const last = await tx.forumPost.findFirst({
    where: visible,
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const verified = await tx.forumPost.count({
    where: { ...visible, deletedAt: null, verifiedAt: { not: null } },
  });
  await tx.forumThread.update({
    where: { id: threadId },
    data: { replyCount: replies, hasVerified: verified > 0, ...(last ? { lastPostAt: last.createdAt } : {}) },
  });
}
