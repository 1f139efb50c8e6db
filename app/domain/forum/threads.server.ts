import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import type { Language } from '~/i18n/config';
import { isUuid } from '~/utils/ids';
import { canModerate } from './access.server';
import { POSTS_PER_PAGE, THREADS_PER_PAGE, type ThreadFilter } from './constants';
import { shownRole } from '~/auth/roles';
import { pageWindow } from '~/utils/sql';

/** Threads whose last activity is older than this are the archive, not "unread". */
export const UNREAD_WINDOW_DAYS = 30;
export const unreadSince = () => new Date(Date.now() - UNREAD_WINDOW_DAYS * 86_400_000);

/** JSON has no dates: a statement that brings rows as JSON brings them as text. */
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

function threadVisibility(viewer: AuthUser): Prisma.ForumThreadWhereInput {
  return { mergedIntoId: null, ...(canModerate(viewer) ? {} : { hiddenAt: null }) };
}

/** Posts a viewer may see: moderators all, authors their own hidden ones, others none hidden. */
function postVisibility(viewer: AuthUser): Prisma.ForumPostWhereInput {
  return canModerate(viewer) ? {} : { OR: [{ hiddenAt: null }, { authorId: viewer.id }] };
}

export type ThreadListFilter = {
  filter: ThreadFilter;
  device?: string;
  tag?: string;
  language?: Language;
  page: number;
};

/** What both a thread list and a thread page show of a thread, and the columns that bring it. */
type ThreadFields = {
  id: string;
  title: string;
  language: string;
  deviceTags: string[];
  eserviceTags: string[];
  tags: string[];
  pinned: boolean;
  lockedAt: Date | null;
  hiddenAt: Date | null;
  acceptedPostId: string | null;
  replyCount: number;
  createdAt: Date;
  archivedFrom: string | null;
};
const THREAD_COLUMNS = Prisma.sql`t.id, t.title, t.language, t.device_tags AS "deviceTags",
  t.eservice_tags AS "eserviceTags", t.tags, t.pinned, t.locked_at AS "lockedAt", t.hidden_at AS "hiddenAt",
  t.accepted_post_id AS "acceptedPostId", t.reply_count AS "replyCount", t.created_at AS "createdAt",
  t.archived_from AS "archivedFrom"`;

type ThreadListRow = ThreadFields & {
  hasVerified: boolean;
  lastPostAt: Date;
  authorName: string;
  unread: boolean;
};

type ThreadListJson = Omit<ThreadListRow, 'lockedAt' | 'hiddenAt' | 'createdAt' | 'lastPostAt'> & {
  lockedAt: string | null;
  hiddenAt: string | null;
  createdAt: string;
  lastPostAt: string;
};

/**
 * A category's page: the category in the reader's language and whether they follow it, a page of
 * its threads with author and read state, and how many there are: one statement. The page walks
 * the category's index in its order and stops after THREADS_PER_PAGE rows; the count is its own
 * subquery, so a page past the last still tells it. Null when there is no such category.
 */
export async function categoryPage(viewer: AuthUser, slug: string, language: Language, f: ThreadListFilter) {
  const since = unreadSince();
  const unread = Prisma.sql`(t.last_post_at > ${since} AND NOT EXISTS (
    SELECT 1 FROM forum_thread_read r
    WHERE r.thread_id = t.id AND r.user_id = ${viewer.id}::uuid AND r.last_read_at >= t.last_post_at))`;
  const byFilter: Record<ThreadFilter, Prisma.Sql> = {
    all: Prisma.empty,
    unanswered: Prisma.sql`AND t.reply_count = 0`,
    solved: Prisma.sql`AND t.accepted_post_id IS NOT NULL`,
    verified: Prisma.sql`AND t.has_verified`,
    unread: Prisma.sql`AND ${unread}`,
  };
  const where = Prisma.sql`t.category_id = c.id AND t.merged_into_id IS NULL
    ${canModerate(viewer) ? Prisma.empty : Prisma.sql`AND t.hidden_at IS NULL`}
    ${byFilter[f.filter]}
    ${f.device ? Prisma.sql`AND ${f.device} = ANY(t.device_tags)` : Prisma.empty}
    ${f.tag ? Prisma.sql`AND (${f.tag} = ANY(t.tags) OR ${f.tag} = ANY(t.eservice_tags))` : Prisma.empty}
    ${f.language ? Prisma.sql`AND t.language = ${f.language}` : Prisma.empty}`;
  const [row] = await db.$queryRaw<
    {
      category: [string, string, string, string];
      following: boolean;
      threads: ThreadListJson[];
      total: number;
    }[]
  >`
    SELECT json_build_array(c.id, c.slug, ${CATEGORY_COLUMNS[language]}) AS category,
      EXISTS (SELECT 1 FROM forum_category_follow f WHERE f.category_id = c.id AND f.user_id = ${viewer.id}::uuid) AS following,
      (SELECT coalesce(json_agg(r ORDER BY r.pinned DESC, r."lastPostAt" DESC, r.id ASC), '[]'::json) FROM (
        SELECT ${THREAD_COLUMNS},
          t.has_verified AS "hasVerified", t.last_post_at AS "lastPostAt", a.name AS "authorName",
          ${unread} AS unread
        FROM forum_thread t JOIN app_user a ON a.id = t.author_id
        WHERE ${where}
        ORDER BY t.pinned DESC, t.last_post_at DESC, t.id ASC
        ${pageWindow(THREADS_PER_PAGE, (f.page - 1) * THREADS_PER_PAGE)}) r) AS threads,
      (SELECT count(*)::int FROM forum_thread t WHERE ${where}) AS total
    FROM forum_category c WHERE c.slug = ${slug}`;
  if (!row) return null;
  const [id, categorySlug, name, description] = row.category;
  return {
    category: { id, slug: categorySlug, name, description, following: row.following },
    threads: row.threads.map(({ authorName, ...t }) => ({
      ...t,
      lockedAt: dateOrNull(t.lockedAt),
      hiddenAt: dateOrNull(t.hiddenAt),
      createdAt: new Date(t.createdAt),
      lastPostAt: new Date(t.lastPostAt),
      author: { name: authorName },
    })),
    total: row.total,
    pages: Math.max(1, Math.ceil(row.total / THREADS_PER_PAGE)),
  };
}

type LoadedThread = NonNullable<Awaited<ReturnType<typeof loadThread>>>;
export type ThreadLookup =
  | { found: false }
  | { found: true; mergedInto: string }
  | { found: true; mergedInto: null; thread: LoadedThread['thread']; pageRows: PostRow[] };

type ThreadRow = ThreadFields & {
  mergedIntoId: string | null;
  authorId: string;
  category: { id: string; slug: string; name: string; description: string };
  following: boolean;
  lastReadAt: Date | null;
};

const CATEGORY_COLUMNS = {
  fi: Prisma.sql`c.name_fi, c.description_fi`,
  sv: Prisma.sql`c.name_sv, c.description_sv`,
  en: Prisma.sql`c.name_en, c.description_en`,
} as const;

/**
 * A thread page's thread, its category in the reader's language, follow and read state, and the
 * page's posts: one statement. The posts are a subquery of the thread's row, so a thread the
 * reader may not see brings none.
 */
async function loadThread(viewer: AuthUser, id: string, language: Language, page: number) {
  const [row] = await db.$queryRaw<
    (Omit<ThreadRow, 'category'> & { category: [string, string, string, string]; posts: PostJson[] })[]
  >`
    SELECT ${THREAD_COLUMNS},
      t.merged_into_id AS "mergedIntoId", t.author_id AS "authorId",
      json_build_array(c.id, c.slug, ${CATEGORY_COLUMNS[language]}) AS category,
      EXISTS (SELECT 1 FROM forum_thread_follow f WHERE f.thread_id = t.id AND f.user_id = ${viewer.id}::uuid) AS following,
      (SELECT r.last_read_at FROM forum_thread_read r WHERE r.thread_id = t.id AND r.user_id = ${viewer.id}::uuid) AS "lastReadAt",
      (SELECT coalesce(json_agg(r ORDER BY r."isQuestion" DESC, r."createdAt" ASC, r.id ASC), '[]'::json)
        FROM (${postQuery(viewer, Prisma.sql`p.thread_id = t.id`, pageOf(page))}) r) AS posts
    FROM forum_thread t JOIN forum_category c ON c.id = t.category_id
    WHERE t.id = ${id}::uuid ${canModerate(viewer) ? Prisma.empty : Prisma.sql`AND t.hidden_at IS NULL`}`;
  if (!row) return null;
  const { category, posts, ...thread } = row;
  const [categoryId, slug, name, description] = category;
  return {
    thread: { ...thread, category: { id: categoryId, slug, name, description } } satisfies ThreadRow,
    pageRows: posts.map(fromJson),
  };
}

/** A thread and the posts of one of its pages (`page` past the last: no posts). */
export async function findThread(
  viewer: AuthUser,
  id: string,
  language: Language,
  page = 1,
): Promise<ThreadLookup> {
  if (!isUuid(id)) return { found: false };
  const loaded = await loadThread(viewer, id, language, page);
  if (!loaded) return { found: false };
  const { thread, pageRows } = loaded;
  if (thread.mergedIntoId) return { found: true, mergedInto: thread.mergedIntoId };
  return { found: true, mergedInto: null, thread, pageRows };
}

type PostRow = {
  id: string;
  authorId: string;
  isQuestion: boolean;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  verifiedAt: Date | null;
  authorName: string;
  authorOrganisation: string;
  authorRoles: string[];
  quoteId: string | null;
  quoteAuthorName: string | null;
  quoteExcerpt: string | null;
  revisionCount: number;
  flaggedByMe: boolean;
  /** [kind, userId, name] in the order given. */
  reactions: [string, string, string][];
  total: bigint;
};

/** As a thread page's statement brings them: JSON has no dates, they come as text. */
type PostJson = Omit<
  PostRow,
  'createdAt' | 'editedAt' | 'deletedAt' | 'hiddenAt' | 'verifiedAt' | 'total'
> & {
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  hiddenAt: string | null;
  verifiedAt: string | null;
  total: number;
};

function fromJson(row: PostJson): PostRow {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    editedAt: dateOrNull(row.editedAt),
    deletedAt: dateOrNull(row.deletedAt),
    hiddenAt: dateOrNull(row.hiddenAt),
    verifiedAt: dateOrNull(row.verifiedAt),
    total: BigInt(row.total),
  };
}

const pageOf = (page: number) => ({ limit: POSTS_PER_PAGE, offset: (page - 1) * POSTS_PER_PAGE });

function postRows(viewer: AuthUser, filter: Prisma.Sql, page: { limit: number; offset: number }) {
  return db.$queryRaw<PostRow[]>(postQuery(viewer, filter, page));
}

/**
 * Posts with their authors, quotes, reactions, revision count and the viewer's flag in one query
 * (Prisma sent ten, one per relation). `total` counts every post the filter lets through, before
 * the page's LIMIT.
 */
function postQuery(viewer: AuthUser, filter: Prisma.Sql, page: { limit: number; offset: number }) {
  const visible = canModerate(viewer)
    ? Prisma.empty
    : Prisma.sql`AND (p.hidden_at IS NULL OR p.author_id = ${viewer.id}::uuid)`;
  return Prisma.sql`
    SELECT p.id, p.author_id AS "authorId", p.is_question AS "isQuestion", p.body_html AS "bodyHtml",
      p.created_at AS "createdAt", p.edited_at AS "editedAt", p.deleted_at AS "deletedAt",
      p.hidden_at AS "hiddenAt", p.hidden_reason AS "hiddenReason", p.verified_at AS "verifiedAt",
      a.name AS "authorName", o.name AS "authorOrganisation", ARRAY(SELECT r.key FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = a.id) AS "authorRoles",
      q.id AS "quoteId", qa.name AS "quoteAuthorName",
      CASE WHEN q.hidden_at IS NULL AND q.deleted_at IS NULL THEN left(q.body_text, 280) END AS "quoteExcerpt",
      (SELECT count(*)::int FROM forum_post_revision v WHERE v.post_id = p.id) AS "revisionCount",
      EXISTS (SELECT 1 FROM forum_flag f WHERE f.post_id = p.id AND f.reporter_id = ${viewer.id}::uuid) AS "flaggedByMe",
      (SELECT coalesce(json_agg(json_build_array(x.kind, x.user_id, xu.name) ORDER BY x.created_at), '[]'::json)
        FROM forum_reaction x JOIN app_user xu ON xu.id = x.user_id WHERE x.post_id = p.id) AS reactions,
      count(*) OVER () AS total
    FROM forum_post p
    JOIN app_user a ON a.id = p.author_id
    JOIN organisation o ON o.id = a.organisation_id
    LEFT JOIN forum_post q ON q.id = p.quoted_post_id
    LEFT JOIN app_user qa ON qa.id = q.author_id
    WHERE ${filter} ${visible}
    ORDER BY p.is_question DESC, p.created_at ASC, p.id ASC
    ${pageWindow(page.limit, page.offset)}`;
}

function shapePost(row: PostRow, viewer: AuthUser) {
  const byKind = new Map<string, { count: number; mine: boolean; names: string[] }>();
  for (const [kind, userId, name] of row.reactions) {
    const entry = byKind.get(kind) ?? { count: 0, mine: false, names: [] };
    entry.count += 1;
    entry.mine ||= userId === viewer.id;
    entry.names.push(name);
    byKind.set(kind, entry);
  }
  return {
    id: row.id,
    authorId: row.authorId,
    isQuestion: row.isQuestion,
    bodyHtml: row.bodyHtml,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
    hiddenAt: row.hiddenAt,
    hiddenReason: row.hiddenReason,
    verifiedAt: row.verifiedAt,
    author: {
      name: row.authorName,
      organisation: { name: row.authorOrganisation },
      // The one role named beside the name: the most particular the author holds.
      role: { key: shownRole(row.authorRoles) },
    },
    reactions: Object.fromEntries(byKind),
    revisionCount: row.revisionCount,
    flaggedByMe: row.flaggedByMe,
    quote: row.quoteId
      ? { id: row.quoteId, authorName: row.quoteAuthorName ?? '', excerpt: row.quoteExcerpt }
      : null,
  };
}
export type ThreadPost = ReturnType<typeof shapePost>;

const POST_ORDER: Prisma.ForumPostOrderByWithRelationInput[] = [
  { isQuestion: 'desc' },
  { createdAt: 'asc' },
  { id: 'asc' },
];

/** A page of a thread's posts, from the rows `findThread` brought for that page. */
export async function threadPosts(
  viewer: AuthUser,
  thread: { id: string; acceptedPostId: string | null },
  page: number,
  rows: PostRow[],
) {
  const inThread = Prisma.sql`p.thread_id = ${thread.id}::uuid`;
  // Past the last page no row carries the total: count apart (rare: an old link).
  const total = rows[0]
    ? Number(rows[0].total)
    : page > 1
      ? Number((await postRows(viewer, inThread, { limit: 1, offset: 0 }))[0]?.total ?? 0)
      : 0;
  const shaped = rows.map((p) => shapePost(p, viewer));
  // Page 1 shows the accepted answer under the question; it is usually on that page already.
  let accepted: ThreadPost | null = null;
  if (thread.acceptedPostId && page === 1) {
    const onPage = shaped.find((p) => p.id === thread.acceptedPostId);
    const [found] = onPage
      ? []
      : await postRows(viewer, Prisma.sql`p.id = ${thread.acceptedPostId}::uuid`, { limit: 1, offset: 0 });
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
