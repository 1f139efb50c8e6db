import type { AuthUser } from '~/auth/guards.server';
import { can } from '~/auth/guards.server';
import { db } from '~/db.server';
import { readableWhere } from '~/domain/library/access.server';
import { visibleWhere as visibleEventsWhere } from '~/domain/events/access.server';
import { visibleWhere as visibleBriefingsWhere } from '~/domain/briefings/access.server';
import { eventTitle } from '~/domain/events/titles';

// "What is new for me" (issue 14): the Workplace feed's job. Read at request time from each
// area's own tables through each area's own visibility rule, so the feed can never show what
// its reader may not open (a post hidden since, a material whose audience changed). Each
// source reads at most one page older than the cursor through an index; the page is the newest
// of their union. The same items go into the news digest e-mail (digest.server.ts).

export const FEED_PAGE_SIZE = 20;
/** The feed is news: older than this, it is history (and the sources stay cheap to read). */
export const FEED_HORIZON_DAYS = 90;

export const FEED_KINDS = [
  'answer',
  'reply',
  'thread',
  'mention',
  'accepted',
  'verified',
  'material',
  'event',
  'briefing',
  'feedback',
] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export type FeedItem = {
  /** Unique in a feed (kind and the thing's id). */
  key: string;
  kind: FeedKind;
  at: Date;
  /** Who did it, where there is one person. */
  actor: string;
  title: string;
  /** The language the title is written in, for `lang`. */
  lang: string;
  url: string;
  /** A word more: a material's or briefing's read state, a feedback report's new status. */
  state?: 'new' | 'updated' | 'updatedSinceRead' | 'unread' | 'read' | string;
};

type Window = { before: Date; after: Date; take: number };

type ReplyRow = {
  id: string | null;
  created_at: Date;
  author: string;
  thread_title: string;
  language: string;
  mine: boolean;
  boundary: Date | null;
};

/**
 * Newest first: replies and answers in threads the reader follows (their own questions too).
 *
 * A member may follow hundreds of threads. The newest page of posts lies, almost always, in the
 * page-size threads most recently active before the cursor, so only those are read (one index
 * scan each); `boundary` is how recent the next thread is (a thread's last_post_at is its newest
 * visible post, kept by refreshThreadStats). If the page is not provably complete (its oldest
 * post is not newer than that boundary), every followed thread is read.
 */
async function replies(viewer: AuthUser, w: Window): Promise<FeedItem[]> {
  const read = (candidates: number) => db.$queryRaw<ReplyRow[]>`
    WITH ranked AS (
      SELECT t.id, t.title, t.language, t.author_id, LEAST(t.last_post_at, ${w.before}) AS recency
      FROM forum_thread_follow f
      JOIN forum_thread t ON t.id = f.thread_id AND t.hidden_at IS NULL AND t.merged_into_id IS NULL
      WHERE f.user_id = ${viewer.id}::uuid AND t.last_post_at > ${w.after}
      ORDER BY recency DESC
      LIMIT ${candidates + 1}::int
    ),
    candidates AS (SELECT * FROM ranked ORDER BY recency DESC LIMIT ${candidates}::int),
    page AS (
      SELECT p.id, p.created_at, p.author_id, c.title AS thread_title, c.language,
             (c.author_id = ${viewer.id}::uuid) AS mine
      FROM candidates c
      JOIN LATERAL (
        SELECT p.id, p.created_at, p.author_id FROM forum_post p
        WHERE p.thread_id = c.id AND p.created_at < ${w.before} AND p.created_at > ${w.after}
          AND p.is_question = false AND p.hidden_at IS NULL AND p.deleted_at IS NULL
          AND p.author_id <> ${viewer.id}::uuid
        ORDER BY p.created_at DESC LIMIT ${w.take}::int
      ) p ON true
      ORDER BY p.created_at DESC LIMIT ${w.take}::int
    )
    -- One row even when the page is empty, so the boundary always comes back.
    SELECT page.id, page.created_at, u.name AS author, page.thread_title, page.language, page.mine,
           b.boundary
    FROM (SELECT (SELECT recency FROM ranked ORDER BY recency DESC OFFSET ${candidates}::int LIMIT 1) AS boundary) b
    LEFT JOIN (page JOIN app_user u ON u.id = page.author_id) ON true
    ORDER BY page.created_at DESC`;
  let result = await read(w.take);
  let rows = result.filter((r) => r.id !== null);
  const boundary = result[0]?.boundary ?? null;
  const complete =
    boundary === null || (rows.length === w.take && rows[rows.length - 1]!.created_at > boundary);
  // Rare: the most active threads hold too few posts by others. Read them all (bounded by follows).
  if (!complete) {
    result = await read(10_000);
    rows = result.filter((r) => r.id !== null);
  }
  return rows.map((r) => ({
    key: `post:${r.id}`,
    kind: r.mine ? 'answer' : 'reply',
    at: r.created_at,
    actor: r.author,
    title: r.thread_title,
    lang: r.language,
    url: `/forum/p/${r.id}`,
  }));
}

/** New threads in the categories the reader follows. */
async function threads(viewer: AuthUser, w: Window): Promise<FeedItem[]> {
  const rows = await db.$queryRaw<
    { id: string; created_at: Date; author: string; title: string; language: string }[]
  >`
    SELECT t.id, t.created_at, u.name AS author, t.title, t.language
    FROM (
      SELECT t.* FROM forum_category_follow cf
      JOIN LATERAL (
        SELECT t.id, t.created_at, t.author_id, t.title, t.language FROM forum_thread t
        WHERE t.category_id = cf.category_id AND t.created_at < ${w.before} AND t.created_at > ${w.after}
          AND t.hidden_at IS NULL AND t.merged_into_id IS NULL AND t.author_id <> ${viewer.id}::uuid
        ORDER BY t.created_at DESC LIMIT ${w.take}::int
      ) t ON true
      WHERE cf.user_id = ${viewer.id}::uuid
      ORDER BY t.created_at DESC LIMIT ${w.take}::int
    ) t
    -- Names only for the page, not for every candidate.
    JOIN app_user u ON u.id = t.author_id
    ORDER BY t.created_at DESC`;
  return rows.map((r) => ({
    key: `thread:${r.id}`,
    kind: 'thread',
    at: r.created_at,
    actor: r.author,
    title: r.title,
    lang: r.language,
    url: `/forum/t/${r.id}`,
  }));
}

/** Answers in the reader's own threads that a trainer verified. */
async function verified(viewer: AuthUser, w: Window): Promise<FeedItem[]> {
  const rows = await db.$queryRaw<
    { id: string; verified_at: Date; verifier: string; title: string; language: string }[]
  >`
    SELECT p.id, p.verified_at, COALESCE(v.name, '') AS verifier, t.title, t.language
    FROM forum_thread t
    JOIN forum_post p ON p.thread_id = t.id
    LEFT JOIN app_user v ON v.id = p.verified_by_id
    WHERE t.author_id = ${viewer.id}::uuid AND t.hidden_at IS NULL AND t.merged_into_id IS NULL
      AND p.verified_at < ${w.before} AND p.verified_at > ${w.after}
      AND p.hidden_at IS NULL AND p.deleted_at IS NULL
    ORDER BY p.verified_at DESC LIMIT ${w.take}::int`;
  return rows.map((r) => ({
    key: `verified:${r.id}`,
    kind: 'verified',
    at: r.verified_at,
    actor: r.verifier,
    title: r.title,
    lang: r.language,
    url: `/forum/p/${r.id}`,
  }));
}

const FORUM_POST_URL = /^\/forum\/p\/([0-9a-f-]{36})$/;

/**
 * What only a notification records (nothing else says who was mentioned, or when an answer was
 * accepted, or a report's status history in one place). Each is checked again now: a post
 * hidden since its notification drops out.
 */
async function fromNotifications(viewer: AuthUser, w: Window): Promise<FeedItem[]> {
  const rows = await db.notification.findMany({
    where: {
      userId: viewer.id,
      type: { in: ['forum_mention', 'forum_accepted', 'feedback_status'] },
      createdAt: { lt: w.before, gt: w.after },
    },
    orderBy: { createdAt: 'desc' },
    take: w.take,
    select: { id: true, type: true, actorName: true, title: true, url: true, data: true, createdAt: true },
  });
  const postIds = rows.flatMap((n) => FORUM_POST_URL.exec(n.url)?.[1] ?? []);
  const visible = new Map(
    postIds.length
      ? (
          await db.forumPost.findMany({
            where: {
              id: { in: postIds },
              hiddenAt: null,
              deletedAt: null,
              thread: { hiddenAt: null, mergedIntoId: null },
            },
            select: { id: true, thread: { select: { language: true } } },
          })
        ).map((p) => [p.id, p.thread.language])
      : [],
  );
  return rows.flatMap((n): FeedItem[] => {
    if (n.type === 'feedback_status') {
      const status = (n.data as { status?: string } | null)?.status;
      if (!status) return []; // a reply without a status change is not news for the feed
      return [
        {
          key: `feedback:${n.id}`,
          kind: 'feedback',
          at: n.createdAt,
          actor: n.actorName,
          title: n.title,
          lang: '',
          url: n.url,
          state: status,
        },
      ];
    }
    const postId = FORUM_POST_URL.exec(n.url)?.[1];
    const language = postId ? visible.get(postId) : undefined;
    if (!language) return [];
    return [
      {
        key: `${n.type === 'forum_mention' ? 'mention' : 'accepted'}:${n.id}`,
        kind: n.type === 'forum_mention' ? 'mention' : 'accepted',
        at: n.createdAt,
        actor: n.actorName,
        title: n.title,
        lang: language,
        url: n.url,
      },
    ];
  });
}

/** New and updated library material for the reader's audience, in their language where it exists. */
async function materials(viewer: AuthUser, w: Window): Promise<FeedItem[]> {
  if (!can(viewer, 'library:read')) return [];
  const rows = await db.libraryMaterial.findMany({
    where: {
      AND: [readableWhere(viewer), { status: 'published', publishedAt: { lt: w.before, gt: w.after } }],
    },
    orderBy: { publishedAt: 'desc' },
    take: w.take,
    select: {
      slug: true,
      title: true,
      language: true,
      groupId: true,
      liveNumber: true,
      publishedAt: true,
      completions: { where: { userId: viewer.id }, select: { versionNumber: true } },
    },
  });
  // One item per material group: the reader's language if that translation is readable too.
  const otherLanguage = rows.filter((r) => r.language !== viewer.locale).map((r) => r.groupId);
  const own = new Map(
    otherLanguage.length
      ? (
          await db.libraryMaterial.findMany({
            where: {
              AND: [
                readableWhere(viewer),
                { status: 'published', groupId: { in: otherLanguage }, language: viewer.locale },
              ],
            },
            select: {
              groupId: true,
              slug: true,
              title: true,
              language: true,
              liveNumber: true,
              completions: { where: { userId: viewer.id }, select: { versionNumber: true } },
            },
          })
        ).map((m) => [m.groupId, m])
      : [],
  );
  const seen = new Set<string>();
  return rows.flatMap((r): FeedItem[] => {
    if (seen.has(r.groupId)) return [];
    seen.add(r.groupId);
    const m = own.get(r.groupId) ?? r;
    const read = m.completions[0];
    const state =
      read && read.versionNumber < m.liveNumber ? 'updatedSinceRead' : m.liveNumber > 1 ? 'updated' : 'new';
    return [
      {
        key: `material:${r.groupId}:${r.publishedAt!.toISOString()}`,
        kind: 'material',
        at: r.publishedAt!,
        actor: '',
        title: m.title,
        lang: m.language,
        url: `/library/${m.slug}`,
        state,
      },
    ];
  });
}

/** Events announced for the reader that are still open for sign-up (a series once). */
async function events(viewer: AuthUser, w: Window, now: Date): Promise<FeedItem[]> {
  if (!can(viewer, 'events:read')) return [];
  const rows = await db.event.findMany({
    where: {
      AND: [
        visibleEventsWhere(viewer),
        {
          createdAt: { lt: w.before, gt: w.after },
          cancelledAt: null,
          startsAt: { gt: now },
          OR: [{ rsvpDeadline: null }, { rsvpDeadline: { gt: now } }],
        },
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { startsAt: 'asc' }],
    take: w.take,
    select: {
      id: true,
      seriesId: true,
      createdAt: true,
      titleFi: true,
      titleSv: true,
      titleEn: true,
      createdBy: { select: { name: true } },
    },
  });
  const series = new Set<string>();
  return rows.flatMap((e): FeedItem[] => {
    if (e.seriesId) {
      if (series.has(e.seriesId)) return [];
      series.add(e.seriesId);
    }
    const title = eventTitle(e, viewer.locale);
    return [
      {
        key: `event:${e.id}`,
        kind: 'event',
        at: e.createdAt,
        actor: e.createdBy.name,
        title: title.text,
        lang: title.lang,
        url: `/events/${e.id}`,
      },
    ];
  });
}

/** Published e-service briefings for the reader, with their read state. */
async function briefings(viewer: AuthUser, w: Window): Promise<FeedItem[]> {
  if (!can(viewer, 'briefings:read')) return [];
  const rows = await db.briefing.findMany({
    where: {
      AND: [
        visibleBriefingsWhere(viewer),
        { status: 'published', publishedAt: { lt: w.before, gt: w.after } },
      ],
    },
    orderBy: { publishedAt: 'desc' },
    take: w.take,
    select: {
      id: true,
      language: true,
      liveNumber: true,
      publishedAt: true,
      title: true,
      versions: { orderBy: { number: 'desc' }, take: 1, select: { title: true } },
      reads: { where: { userId: viewer.id }, select: { versionNumber: true } },
    },
  });
  return rows.map((b) => {
    const read = b.reads[0];
    return {
      key: `briefing:${b.id}:${b.publishedAt!.toISOString()}`,
      kind: 'briefing',
      at: b.publishedAt!,
      actor: '',
      title: b.versions[0]?.title ?? b.title,
      lang: b.language,
      url: `/briefings/${b.id}`,
      state: !read ? 'unread' : read.versionNumber < b.liveNumber ? 'updated' : 'read',
    };
  });
}

/**
 * One page of the reader's feed, newest first, older than `before` (the previous page's last
 * item) and newer than `after` (the last digest) or the horizon.
 */
export async function feedPage(
  viewer: AuthUser,
  {
    before,
    after,
    take = FEED_PAGE_SIZE,
    now = new Date(),
  }: { before?: Date; after?: Date; take?: number; now?: Date } = {},
) {
  const horizon = new Date(now.getTime() - FEED_HORIZON_DAYS * 86_400_000);
  const w: Window = {
    before: before && before < now ? before : now,
    after: after && after > horizon ? after : horizon,
    // One more than a page from each source tells whether an older page exists.
    take: take + 1,
  };
  const forum = can(viewer, 'forum:use');
  // One source after another, not all at once: a page holds one pooled connection at a time,
  // so a slow database cannot let a few home pages take the whole pool (each statement is a
  // millisecond or two when the database is well; seen in the SIGTERM fault test otherwise).
  const reads: (() => Promise<FeedItem[]>)[] = [
    () => (forum ? replies(viewer, w) : Promise.resolve([])),
    () => (forum ? threads(viewer, w) : Promise.resolve([])),
    () => (forum ? verified(viewer, w) : Promise.resolve([])),
    () => fromNotifications(viewer, w),
    () => materials(viewer, w),
    () => events(viewer, w, now),
    () => briefings(viewer, w),
  ];
  const sources: FeedItem[][] = [];
  for (const read of reads) sources.push(await read());
  // A reply that mentions the reader is one item, the mention.
  const mentioned = new Set(
    sources
      .flat()
      .filter((i) => i.kind === 'mention')
      .map((i) => i.url),
  );
  const all = sources
    .flat()
    .filter((i) => !(i.kind === 'reply' || i.kind === 'answer') || !mentioned.has(i.url))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const items = all.slice(0, take);
  return { items, more: all.length > take ? items[items.length - 1]!.at : null };
}

/** The reader's events in the next 14 days that they signed up for, with their place in line. */
export async function comingUp(viewer: AuthUser, now = new Date()) {
  if (!can(viewer, 'events:read')) return [];
  const rsvps = await db.eventRsvp.findMany({
    where: {
      userId: viewer.id,
      status: { in: ['going', 'maybe', 'waitlist'] },
      event: { startsAt: { gt: now, lt: new Date(now.getTime() + 14 * 86_400_000) } },
    },
    orderBy: { event: { startsAt: 'asc' } },
    take: 10,
    select: {
      status: true,
      waitlistedAt: true,
      event: {
        select: { id: true, startsAt: true, cancelledAt: true, titleFi: true, titleSv: true, titleEn: true },
      },
    },
  });
  const upcoming = [];
  for (const r of rsvps) {
    const title = eventTitle(r.event, viewer.locale);
    // Only for the (few) events the member waits for: their place in line.
    const waitlistPosition =
      r.status === 'waitlist' && r.waitlistedAt
        ? 1 +
          (await db.eventRsvp.count({
            where: { eventId: r.event.id, status: 'waitlist', waitlistedAt: { lt: r.waitlistedAt } },
          }))
        : null;
    upcoming.push({
      id: r.event.id,
      title: title.text,
      lang: title.lang,
      startsAt: r.event.startsAt,
      cancelled: r.event.cancelledAt !== null,
      status: r.status,
      waitlistPosition,
    });
  }
  return upcoming;
}

/** "Mark all seen": the divider moves to the top. */
export async function markFeedSeen(viewer: AuthUser, at = new Date()) {
  await db.user.update({ where: { id: viewer.id }, data: { feedSeenAt: at } });
}

export async function feedSeenAt(viewer: AuthUser) {
  return (
    (await db.user.findUnique({ where: { id: viewer.id }, select: { feedSeenAt: true } }))?.feedSeenAt ?? null
  );
}
