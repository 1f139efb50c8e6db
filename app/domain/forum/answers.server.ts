import { can, type AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { notify } from '~/domain/notifications/notify.server';
import { isUuid } from '~/utils/ids';
import { canAcceptIn, canModerate } from './access.server';
import { reflagThread } from './search-index.server';
import { refreshThreadStats } from './stats.server';
import type { Reaction } from './constants';
import { NOT_FOUND, type Result } from '~/utils/result';

/** A reply the viewer can act on: visible, not removed, in a thread that is not merged away. */
function actionablePost(viewer: AuthUser, postId: string) {
  return db.forumPost.findFirst({
    where: {
      id: postId,
      deletedAt: null,
      ...(canModerate(viewer) ? {} : { hiddenAt: null }),
      thread: { mergedIntoId: null, ...(canModerate(viewer) ? {} : { hiddenAt: null }) },
    },
    select: {
      id: true,
      authorId: true,
      isQuestion: true,
      verifiedAt: true,
      threadId: true,
      thread: { select: { id: true, title: true, authorId: true, acceptedPostId: true } },
    },
  });
}

// Someone who may not mark answers here is told what anyone is told of a post not there.
export type AnswerResult = Result;

/** Marks (or unmarks) one reply as the accepted answer; the question's author is told. */
export async function toggleAccepted(actor: AuthUser, postId: string): Promise<AnswerResult> {
  if (!isUuid(postId)) return NOT_FOUND;
  const post = await actionablePost(actor, postId);
  if (!post || post.isQuestion) return NOT_FOUND;
  if (!canAcceptIn(actor, post.thread)) return NOT_FOUND;
  const accepting = post.thread.acceptedPostId !== post.id;
  await db.$transaction(async (tx) => {
    await tx.forumThread.update({
      where: { id: post.threadId },
      data: { acceptedPostId: accepting ? post.id : null },
    });
    await reflagThread(tx, post.threadId);
    if (accepting) {
      await notify(tx, {
        type: 'forum_accepted',
        recipientIds: [post.thread.authorId, post.authorId].filter((id) => id !== actor.id),
        actorName: actor.name,
        title: post.thread.title,
        url: `/forum/p/${post.id}`,
      });
    }
  });
  return { ok: true };
}

/** "Verified by a trainer": a trainer vouches that an answer is correct. */
export async function toggleVerified(actor: AuthUser, postId: string): Promise<AnswerResult> {
  if (!isUuid(postId)) return NOT_FOUND;
  const post = await actionablePost(actor, postId);
  if (!post || post.isQuestion) return NOT_FOUND;
  if (!can(actor, 'forum:verify')) return NOT_FOUND;
  await db.$transaction(async (tx) => {
    await tx.forumPost.update({
      where: { id: post.id },
      data: post.verifiedAt
        ? { verifiedAt: null, verifiedById: null }
        : { verifiedAt: new Date(), verifiedById: actor.id },
    });
    await refreshThreadStats(tx, post.threadId);
    await reflagThread(tx, post.threadId);
  });
  return { ok: true };
}

export async function toggleReaction(actor: AuthUser, postId: string, kind: Reaction): Promise<Result> {
  if (!isUuid(postId)) return NOT_FOUND;
  const post = await actionablePost(actor, postId);
  if (!post) return NOT_FOUND;
  const key = { postId_userId_kind: { postId, userId: actor.id, kind } };
  const existing = await db.forumReaction.findUnique({ where: key, select: { kind: true } });
  if (existing) await db.forumReaction.delete({ where: key });
  else
    await db.forumReaction.createMany({ data: [{ postId, userId: actor.id, kind }], skipDuplicates: true });
  return { ok: true };
}

export async function setThreadFollow(
  viewer: AuthUser,
  threadId: string,
  following: boolean,
): Promise<Result> {
  if (!isUuid(threadId)) return NOT_FOUND;
  const thread = await db.forumThread.findFirst({
    where: { id: threadId, mergedIntoId: null, ...(canModerate(viewer) ? {} : { hiddenAt: null }) },
    select: { id: true },
  });
  if (!thread) return NOT_FOUND;
  if (following) {
    await db.forumThreadFollow.createMany({ data: [{ userId: viewer.id, threadId }], skipDuplicates: true });
  } else {
    await db.forumThreadFollow.deleteMany({ where: { userId: viewer.id, threadId } });
  }
  return { ok: true };
}
