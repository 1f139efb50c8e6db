import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import type { Language } from '~/i18n/config';
import { isUuid } from '~/utils/ids';
import { canModerate } from './access.server';
import { categorySelect, localisedCategory } from './categories.server';
import { POSTS_PER_PAGE, THREADS_PER_PAGE, type ThreadFilter } from './constants';

/** Threads whose last activity is older than this are the archive, not "unread". */
export const UNREAD_WINDOW_DAYS = 30;
export const unreadSince = () => new Date(Date.now() - UNREAD_WINDOW_DAYS * 86_400_000);

function threadVisibility(viewer: AuthUser): Prisma.ForumThreadWhereInput {
  return { mergedIntoId: null, ...(canModerate(viewer) ? {} : { hiddenAt: null }) };
}

/** Posts a viewer may see: moderators all, authors their own hidden ones, others none hidden. */
function postVisibility(viewer: AuthUser): Prisma.ForumPostWhereInput {
  return canModerate(viewer) ? {} : { OR: [{ hiddenAt: null }, { authorId: viewer.id }] };
}

/** What both a thread list and a thread page show of a thread. */
const threadFields = {
  id: true,
  title: true,
  language: true,
  deviceTags: true,
  eserviceTags: true,
  tags: true,
  pinned: true,
  lockedAt: true,
  hiddenAt: true,
  acceptedPostId: true,
  replyCount: true,
  createdAt: true,
} as const satisfies Prisma.ForumThreadSelect;

export type ThreadListFilter = {
  filter: ThreadFilter;
  device?: string;
  tag?: string;
  language?: Language;
  page: number;
};

export async function listThreads(viewer: AuthUser, categoryId: string, f: ThreadListFilter) {
  const since = unreadSince();
  const byFilter: Record<ThreadFilter, Prisma.ForumThreadWhereInput> = {
    all: {},
    unanswered: { replyCount: 0 },
    solved: { acceptedPostId: { not: null } },
    verified: { hasVerified: true },
    unread: f.filter === 'unread' ? { id: { in: await unreadThreadIds(viewer, categoryId) } } : {},
  };
  const where: Prisma.ForumThreadWhereInput = {
    AND: [
      { categoryId },
      threadVisibility(viewer),
      byFilter[f.filter],
      f.device ? { deviceTags: { has: f.device } } : {},
      f.tag ? { OR: [{ tags: { has: f.tag } }, { eserviceTags: { has: f.tag } }] } : {},
      f.language ? { language: f.language } : {},
    ],
  };
  const [threads, total] = await Promise.all([
    db.forumThread.findMany({
      where,
      orderBy: [{ pinned: 'desc' }, { lastPostAt: 'desc' }, { id: 'asc' }],
      skip: (f.page - 1) * THREADS_PER_PAGE,
      take: THREADS_PER_PAGE,
      select: {
        ...threadFields,
        hasVerified: true,
        lastPostAt: true,
        author: { select: { name: true } },
        reads: { where: { userId: viewer.id }, select: { lastReadAt: true } },
      },
    }),
    db.forumThread.count({ where }),
  ]);
  return {
    threads: threads.map(({ reads, ...t }) => ({
      ...t,
      unread: t.lastPostAt > since && (!reads[0] || reads[0].lastReadAt < t.lastPostAt),
    })),
    total,
    pages: Math.max(1, Math.ceil(total / THREADS_PER_PAGE)),
  };
}

/** Compares two columns of two tables, which Prisma's filters cannot; bounded by the window. */
async function unreadThreadIds(viewer: AuthUser, categoryId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM forum_thread t
    LEFT JOIN forum_thread_read r ON r.thread_id = t.id AND r.user_id = ${viewer.id}::uuid
    WHERE t.category_id = ${categoryId}::uuid AND t.last_post_at > ${unreadSince()}
      AND (r.last_read_at IS NULL OR r.last_read_at < t.last_post_at)
    ORDER BY t.last_post_at DESC LIMIT 1000`;
  return rows.map((r) => r.id);
}

export type ThreadLookup =
  | { found: false }
  | { found: true; mergedInto: string }
  | { found: true; mergedInto: null; thread: NonNullable<Awaited<ReturnType<typeof loadThread>>> };

function loadThread(viewer: AuthUser, id: string, language: Language) {
  return db.forumThread
    .findFirst({
      where: { id, ...(canModerate(viewer) ? {} : { hiddenAt: null }) },
      select: {
        ...threadFields,
        mergedIntoId: true,
        authorId: true,
        category: { select: categorySelect },
        followers: { where: { userId: viewer.id }, select: { userId: true } },
        reads: { where: { userId: viewer.id }, select: { lastReadAt: true } },
      },
    })
    .then((found) => {
      if (!found) return null;
      const { followers, reads, ...t } = found;
      return {
        ...t,
        category: localisedCategory(t.category, language),
        following: followers.length > 0,
        lastReadAt: reads[0]?.lastReadAt ?? null,
      };
    });
}

export async function findThread(viewer: AuthUser, id: string, language: Language): Promise<ThreadLookup> {
  if (!isUuid(id)) return { found: false };
  const thread = await loadThread(viewer, id, language);
  if (!thread) return { found: false };
  if (thread.mergedIntoId) return { found: true, mergedInto: thread.mergedIntoId };
  return { found: true, mergedInto: null, thread };
}

const postSelect = (viewerId: string) =>
  ({
    id: true,
    authorId: true,
    isQuestion: true,
    bodyHtml: true,
    createdAt: true,
    editedAt: true,
    deletedAt: true,
    hiddenAt: true,
    hiddenReason: true,
    verifiedAt: true,
    author: {
      select: { name: true, organisation: { select: { name: true } }, role: { select: { key: true } } },
    },
    quotedPost: {
      select: {
        id: true,
        bodyText: true,
        hiddenAt: true,
        deletedAt: true,
        author: { select: { name: true } },
      },
    },
    reactions: {
      select: { kind: true, userId: true, user: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    },
    _count: { select: { revisions: true } },
    flags: { where: { reporterId: viewerId }, select: { id: true }, take: 1 },
  }) satisfies Prisma.ForumPostSelect;

type RawPost = Prisma.ForumPostGetPayload<{ select: ReturnType<typeof postSelect> }>;

function shapePost(p: RawPost, viewer: AuthUser) {
  const { reactions, quotedPost, flags, _count, ...post } = p;
  const byKind = new Map<string, { count: number; mine: boolean; names: string[] }>();
  for (const r of reactions) {
    const entry = byKind.get(r.kind) ?? { count: 0, mine: false, names: [] };
    entry.count += 1;
    entry.mine ||= r.userId === viewer.id;
    entry.names.push(r.user.name);
    byKind.set(r.kind, entry);
  }
  return {
    ...post,
    reactions: Object.fromEntries(byKind),
    revisionCount: _count.revisions,
    flaggedByMe: flags.length > 0,
    quote: quotedPost
      ? {
          id: quotedPost.id,
          authorName: quotedPost.author.name,
          excerpt: quotedPost.hiddenAt || quotedPost.deletedAt ? null : quotedPost.bodyText.slice(0, 280),
        }
      : null,
  };
}
export type ThreadPost = ReturnType<typeof shapePost>;

const POST_ORDER: Prisma.ForumPostOrderByWithRelationInput[] = [
  { isQuestion: 'desc' },
  { createdAt: 'asc' },
  { id: 'asc' },
];

export async function threadPosts(
  viewer: AuthUser,
  thread: { id: string; acceptedPostId: string | null },
  page: number,
) {
  const where = { AND: [{ threadId: thread.id }, postVisibility(viewer)] };
  const [posts, total] = await Promise.all([
    db.forumPost.findMany({
      where,
      orderBy: POST_ORDER,
      skip: (page - 1) * POSTS_PER_PAGE,
      take: POSTS_PER_PAGE,
      select: postSelect(viewer.id),
    }),
    db.forumPost.count({ where }),
  ]);
  const shaped = posts.map((p) => shapePost(p, viewer));
  // Page 1 shows the accepted answer under the question; it is usually on that page already.
  let accepted: ThreadPost | null = null;
  if (thread.acceptedPostId && page === 1) {
    const onPage = shaped.find((p) => p.id === thread.acceptedPostId);
    const found = onPage
      ? null
      : await db.forumPost.findFirst({
          where: { AND: [{ id: thread.acceptedPostId }, postVisibility(viewer)] },
          select: postSelect(viewer.id),
        });
    const candidate = onPage ?? (found ? shapePost(found, viewer) : null);
    accepted = candidate && !candidate.deletedAt ? candidate : null;
  }
  return {
    posts: shaped,
    accepted,
    total,
    pages: Math.max(1, Math.ceil(total / POSTS_PER_PAGE)),
  };
}

/** Where a post sits: its thread and the page that shows it (for permalinks). */
export async function locatePost(viewer: AuthUser, postId: string) {
  if (!isUuid(postId)) return null;
  const post = await db.forumPost.findFirst({
    where: {
      AND: [{ id: postId }, postVisibility(viewer), { thread: threadVisibility(viewer) }],
    },
    select: { id: true, threadId: true, isQuestion: true, createdAt: true },
  });
  if (!post) return null;
  const before = await db.forumPost.count({
    where: {
      AND: [
        { threadId: post.threadId },
        postVisibility(viewer),
        post.isQuestion
          ? { id: { not: post.id }, isQuestion: true, createdAt: { lt: post.createdAt } }
          : {
              OR: [
                { isQuestion: true },
                { createdAt: { lt: post.createdAt } },
                { createdAt: post.createdAt, id: { lt: post.id } },
              ],
            },
      ],
    },
  });
  return { threadId: post.threadId, postId: post.id, page: Math.floor(before / POSTS_PER_PAGE) + 1 };
}

/** The first post the viewer has not seen, or null when everything is read. */
export async function firstUnreadPost(viewer: AuthUser, threadId: string, lastReadAt: Date | null) {
  const post = await db.forumPost.findFirst({
    where: {
      AND: [{ threadId }, postVisibility(viewer), lastReadAt ? { createdAt: { gt: lastReadAt } } : {}],
    },
    orderBy: POST_ORDER,
    select: { id: true },
  });
  return post ? locatePost(viewer, post.id) : null;
}

/** Remembers how far the viewer has read; never moves backwards (an old page opened later). */
export async function markRead(viewer: AuthUser, threadId: string, upTo: Date) {
  await db.$executeRaw`
    INSERT INTO forum_thread_read (user_id, thread_id, last_read_at)
    VALUES (${viewer.id}::uuid, ${threadId}::uuid, ${upTo})
    ON CONFLICT (user_id, thread_id) DO UPDATE
      SET last_read_at = GREATEST(forum_thread_read.last_read_at, EXCLUDED.last_read_at)`;
}

export async function postHistory(viewer: AuthUser, postId: string) {
  const location = await locatePost(viewer, postId);
  if (!location) return null;
  const post = await db.forumPost.findUnique({
    where: { id: postId },
    select: {
      id: true,
      bodyHtml: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      isQuestion: true,
      author: { select: { name: true } },
      thread: { select: { id: true, title: true } },
      revisions: {
        orderBy: { createdAt: 'desc' },
        select: { id: true, title: true, bodyHtml: true, createdAt: true },
      },
    },
  });
  return post;
}

/** The start of a reply being quoted, for the reply form (only visible, not removed posts). */
export async function quotablePost(threadId: string, postId: string) {
  if (!isUuid(postId)) return null;
  const post = await db.forumPost.findFirst({
    where: { id: postId, threadId, hiddenAt: null, deletedAt: null },
    select: { id: true, bodyText: true, author: { select: { name: true } } },
  });
  return post ? { id: post.id, authorName: post.author.name, excerpt: post.bodyText.slice(0, 280) } : null;
}
