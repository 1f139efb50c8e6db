import type { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db, type Tx } from '~/db.server';
import { notify } from '~/domain/notifications/notify.server';
import { isUuid } from '~/utils/ids';
import { prepareBody, type PreparedBody } from './body.server';
import { checkPostingLimits, type PostPlace } from './limits.server';
import { reindexPost, reindexThread } from './search-index.server';
import { refreshThreadStats } from './stats.server';
import { canModerate } from './access.server';
import { editableBy } from './edit.server';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';

const fail = (field: string, key: string, values?: Record<string, string | number>) =>
  refuse(key, { field, values });

type BodyInput = { body?: string; bodyText?: string };

async function bodyAndLimits(tx: Tx, author: AuthUser, input: BodyInput, place: PostPlace) {
  const prepared = await prepareBody(tx, input);
  if (!prepared.ok) return prepared;
  const limit = await checkPostingLimits(tx, author.id, prepared.body.text, place);
  if (limit) return fail('body', limit.key, limit.values);
  return { ok: true as const, body: prepared.body };
}

async function createPost(
  tx: Tx,
  author: AuthUser,
  threadId: string,
  body: PreparedBody,
  extra: { isQuestion?: boolean; quotedPostId?: string | null } = {},
) {
  return tx.forumPost.create({
    data: {
      threadId,
      authorId: author.id,
      isQuestion: extra.isQuestion ?? false,
      quotedPostId: extra.quotedPostId ?? null,
      bodyJson: body.doc as unknown as Prisma.InputJsonObject,
      bodyHtml: body.html,
      bodyText: body.text,
    },
    select: { id: true, createdAt: true },
  });
}

async function follow(tx: Tx, userId: string, threadId: string) {
  await tx.forumThreadFollow.upsert({
    where: { userId_threadId: { userId, threadId } },
    create: { userId, threadId },
    update: {},
  });
}

export type NewThread = {
  categoryId: string;
  title: string;
  language: string;
  deviceTags: string[];
  eserviceTags: string[];
  tags: string[];
} & BodyInput;

export async function createThread(
  author: AuthUser,
  input: NewThread,
): Promise<Result<{ threadId: string }>> {
  return db.$transaction(async (tx) => {
    const category = await tx.forumCategory.findUnique({
      where: { id: input.categoryId },
      select: { id: true },
    });
    if (!category) return fail('categoryId', 'validation.required');
    const checked = await bodyAndLimits(tx, author, input, { newThread: true });
    if (!checked.ok) return checked;
    const thread = await tx.forumThread.create({
      data: {
        categoryId: category.id,
        authorId: author.id,
        title: input.title,
        language: input.language,
        deviceTags: input.deviceTags,
        eserviceTags: input.eserviceTags,
        tags: input.tags,
      },
      select: { id: true },
    });
    const post = await createPost(tx, author, thread.id, checked.body, { isQuestion: true });
    await tx.forumThread.update({ where: { id: thread.id }, data: { lastPostAt: post.createdAt } });
    await follow(tx, author.id, thread.id);
    await reindexThread(tx, thread.id);

    const mentioned = checked.body.mentionIds.filter((id) => id !== author.id);
    const common = { actorName: author.name, title: input.title };
    await notify(tx, {
      ...common,
      type: 'forum_mention',
      recipientIds: mentioned,
      url: `/forum/p/${post.id}`,
    });
    const categoryFollowers = await tx.forumCategoryFollow.findMany({
      where: { categoryId: category.id, userId: { notIn: [author.id, ...mentioned] } },
      select: { userId: true },
    });
    await notify(tx, {
      ...common,
      type: 'forum_new_thread',
      recipientIds: categoryFollowers.map((f) => f.userId),
      url: `/forum/t/${thread.id}`,
    });
    return { ok: true as const, threadId: thread.id };
  });
}

export async function reply(
  author: AuthUser,
  threadId: string,
  input: BodyInput & { quotedPostId?: string },
): Promise<Result<{ postId: string }>> {
  if (!isUuid(threadId)) return NOT_FOUND;
  return db.$transaction(async (tx) => {
    const thread = await tx.forumThread.findFirst({
      where: { id: threadId, mergedIntoId: null, ...(canModerate(author) ? {} : { hiddenAt: null }) },
      select: { id: true, title: true, lockedAt: true },
    });
    if (!thread) return NOT_FOUND;
    if (thread.lockedAt && !canModerate(author)) return fail('body', 'forum:errors.locked');
    const quoted = input.quotedPostId
      ? await tx.forumPost.findFirst({
          where: { id: input.quotedPostId, threadId, hiddenAt: null, deletedAt: null },
          select: { id: true },
        })
      : null;
    const checked = await bodyAndLimits(tx, author, input, { threadId });
    if (!checked.ok) return checked;
    const post = await createPost(tx, author, threadId, checked.body, { quotedPostId: quoted?.id });
    await refreshThreadStats(tx, threadId);
    await follow(tx, author.id, threadId);
    await reindexPost(tx, post.id);

    const mentioned = checked.body.mentionIds.filter((id) => id !== author.id);
    const url = `/forum/p/${post.id}`;
    const common = { actorName: author.name, title: thread.title, url };
    await notify(tx, { ...common, type: 'forum_mention', recipientIds: mentioned });
    const followers = await tx.forumThreadFollow.findMany({
      where: { threadId, userId: { notIn: [author.id, ...mentioned] } },
      select: { userId: true },
    });
    await notify(tx, { ...common, type: 'forum_reply', recipientIds: followers.map((f) => f.userId) });
    return { ok: true as const, postId: post.id };
  });
}

/** The author edits their own post; the text before the edit becomes a revision everyone can read. */
export async function editPost(
  author: AuthUser,
  postId: string,
  input: BodyInput & { title?: string },
): Promise<Result<{ threadId: string }>> {
  if (!isUuid(postId)) return NOT_FOUND;
  return db.$transaction(async (tx) => {
    const post = await tx.forumPost.findFirst({
      where: editableBy(author.id, postId),
      select: {
        id: true,
        isQuestion: true,
        bodyHtml: true,
        threadId: true,
        thread: { select: { title: true } },
      },
    });
    if (!post) return NOT_FOUND;
    const prepared = await prepareBody(tx, input);
    if (!prepared.ok) return prepared;
    const title = post.isQuestion && input.title ? input.title : undefined;
    if (prepared.body.html === post.bodyHtml && (!title || title === post.thread.title)) {
      return { ok: true as const, threadId: post.threadId }; // nothing changed: no empty revision
    }
    await tx.forumPostRevision.create({
      data: {
        postId: post.id,
        title: post.isQuestion ? post.thread.title : null,
        bodyHtml: post.bodyHtml,
        editorId: author.id,
      },
    });
    await tx.forumPost.update({
      where: { id: post.id },
      data: {
        bodyJson: prepared.body.doc as unknown as Prisma.InputJsonObject,
        bodyHtml: prepared.body.html,
        bodyText: prepared.body.text,
        editedAt: new Date(),
      },
    });
    if (title) {
      await tx.forumThread.update({ where: { id: post.threadId }, data: { title } });
      await reindexThread(tx, post.threadId);
    } else {
      await reindexPost(tx, post.id);
    }
    return { ok: true as const, threadId: post.threadId };
  });
}

/** "Removed by the author": the text goes, the place in the thread and the replies stay. */
export async function deleteOwnPost(author: AuthUser, postId: string): Promise<Result<{ threadId: string }>> {
  if (!isUuid(postId)) return NOT_FOUND;
  return db.$transaction(async (tx) => {
    const post = await tx.forumPost.findFirst({
      where: { id: postId, authorId: author.id, deletedAt: null },
      select: { id: true, threadId: true, thread: { select: { acceptedPostId: true } } },
    });
    if (!post) return NOT_FOUND;
    await tx.forumPost.update({
      where: { id: post.id },
      data: { deletedAt: new Date(), bodyJson: { type: 'doc', content: [] }, bodyHtml: '', bodyText: '' },
    });
    if (post.thread.acceptedPostId === post.id) {
      await tx.forumThread.update({ where: { id: post.threadId }, data: { acceptedPostId: null } });
    }
    await tx.forumReaction.deleteMany({ where: { postId: post.id } });
    // The history would otherwise still show what the author chose to remove.
    await tx.forumPostRevision.deleteMany({ where: { postId: post.id } });
    await refreshThreadStats(tx, post.threadId);
    await reindexThread(tx, post.threadId);
    return { ok: true as const, threadId: post.threadId };
  });
}

/**
 * An erased member who chose to take their posts with them (ADR 027): every post of theirs is
 * removed as "removed by the author" is, and a thread they started that nobody else has written
 * in goes entirely (its title is theirs too). Returns how many posts were removed.
 */
export async function removeAllPostsOf(tx: Tx, authorId: string): Promise<number> {
  const posts = await tx.forumPost.findMany({
    where: { authorId, deletedAt: null },
    select: { id: true, threadId: true },
  });
  if (!posts.length) return 0;
  const ids = posts.map((p) => p.id);
  const threadIds = [...new Set(posts.map((p) => p.threadId))];
  await tx.forumPost.updateMany({
    where: { id: { in: ids } },
    data: { deletedAt: new Date(), bodyJson: { type: 'doc', content: [] }, bodyHtml: '', bodyText: '' },
  });
  await tx.forumThread.updateMany({ where: { acceptedPostId: { in: ids } }, data: { acceptedPostId: null } });
  await tx.forumReaction.deleteMany({ where: { postId: { in: ids } } });
  await tx.forumPostRevision.deleteMany({ where: { postId: { in: ids } } });
  const othersWrote = await tx.forumPost.groupBy({
    by: ['threadId'],
    where: { threadId: { in: threadIds }, authorId: { not: authorId }, deletedAt: null },
  });
  const keep = new Set(othersWrote.map((g) => g.threadId));
  const ownAlone = await tx.forumThread.findMany({
    where: { id: { in: threadIds.filter((id) => !keep.has(id)) }, authorId },
    select: { id: true },
  });
  const gone = new Set(ownAlone.map((t) => t.id));
  if (gone.size) {
    await tx.searchDocument.deleteMany({ where: { groupId: { in: [...gone] } } });
    await tx.forumThread.deleteMany({ where: { id: { in: [...gone] } } });
  }
  // One after another: inside a transaction the embedded database has a single connection.
  for (const threadId of threadIds.filter((id) => !gone.has(id))) {
    await refreshThreadStats(tx, threadId);
    await reindexThread(tx, threadId);
  }
  return posts.length;
}
