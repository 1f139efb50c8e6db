import type { Tx } from '~/db.server';
import {
  indexDocument,
  indexNewDocuments,
  removeDocument,
  type SearchDocumentInput,
} from '~/domain/search/search.server';

// The forum's part of the shared search index: one document per visible post. Hidden and
// removed posts, hidden threads and merged-away threads have none, so search cannot show them.

export const FORUM_POST_KIND = 'forum_post';

const threadFields = {
  id: true,
  title: true,
  language: true,
  categoryId: true,
  acceptedPostId: true,
  hasVerified: true,
  hiddenAt: true,
  mergedIntoId: true,
} as const;
const postFields = {
  id: true,
  authorId: true,
  isQuestion: true,
  bodyText: true,
  createdAt: true,
  hiddenAt: true,
  deletedAt: true,
} as const;

type IndexedThread = {
  id: string;
  title: string;
  language: string;
  categoryId: string;
  acceptedPostId: string | null;
  hasVerified: boolean;
  hiddenAt: Date | null;
  mergedIntoId: string | null;
};
type IndexedPost = {
  id: string;
  authorId: string;
  isQuestion: boolean;
  bodyText: string;
  createdAt: Date;
  hiddenAt: Date | null;
  deletedAt: Date | null;
};

function flagsOf(thread: { acceptedPostId: string | null; hasVerified: boolean }) {
  return [...(thread.acceptedPostId ? ['solved'] : []), ...(thread.hasVerified ? ['verified'] : [])];
}

function isFindable(post: IndexedPost, thread: IndexedThread) {
  return !post.hiddenAt && !post.deletedAt && !thread.hiddenAt && !thread.mergedIntoId;
}

function documentFor(post: IndexedPost, thread: IndexedThread): SearchDocumentInput {
  return {
    kind: FORUM_POST_KIND,
    sourceId: post.id,
    groupId: thread.id,
    containerId: thread.categoryId,
    language: thread.language,
    title: post.isQuestion ? thread.title : '',
    body: post.bodyText,
    context: thread.title,
    url: `/forum/p/${post.id}`,
    authorId: post.authorId,
    flags: flagsOf(thread),
    publishedAt: post.createdAt,
  };
}

/** After a change to the whole thread: title, language, category, visibility, merge. */
export async function reindexThread(tx: Tx, threadId: string) {
  const thread = await tx.forumThread.findUnique({
    where: { id: threadId },
    select: { ...threadFields, posts: { select: postFields } },
  });
  if (!thread) return;
  // By group, and by post: posts merged in from another thread still carry that thread's group.
  await tx.searchDocument.deleteMany({
    where: {
      OR: [{ groupId: threadId }, { kind: FORUM_POST_KIND, sourceId: { in: thread.posts.map((p) => p.id) } }],
    },
  });
  await indexNewDocuments(
    tx,
    thread.posts.filter((post) => isFindable(post, thread)).map((post) => documentFor(post, thread)),
  );
}

/** After a change that only one post's text or visibility depends on. */
export async function reindexPost(tx: Tx, postId: string) {
  const post = await tx.forumPost.findUnique({
    where: { id: postId },
    select: { ...postFields, thread: { select: threadFields } },
  });
  if (!post) return;
  if (isFindable(post, post.thread)) await indexDocument(tx, documentFor(post, post.thread));
  else await removeDocument(tx, FORUM_POST_KIND, post.id);
}

/** Solved/verified changed: every post of the thread carries the thread's flags. */
export async function reflagThread(tx: Tx, threadId: string) {
  const thread = await tx.forumThread.findUnique({
    where: { id: threadId },
    select: { acceptedPostId: true, hasVerified: true },
  });
  if (thread)
    await tx.searchDocument.updateMany({ where: { groupId: threadId }, data: { flags: flagsOf(thread) } });
}
