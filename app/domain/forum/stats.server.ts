import type { Tx } from '~/db.server';

/** Recounts what lists show of a thread from its visible posts (after any change to them). */
export async function refreshThreadStats(tx: Tx, threadId: string) {
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
