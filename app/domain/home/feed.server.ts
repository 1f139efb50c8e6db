import type { AuthUser } from '~/auth/guards.server';
import { can } from '~/auth/guards.server';
import { nothing, part, readTogether, type Part } from '~/db/read-together.server';
import { db } from '~/db.server';
import { Prisma } from '~/generated/prisma/client';
import { readableSql } from '~/domain/library/access.server';
import { visibleSql as visibleEventsSql } from '~/domain/events/access.server';
import { visibleSql as visibleBriefingsSql } from '~/domain/briefings/access.server';
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

/**
 * The sources' LIMITs stay parameters: written out (literalInt), PostgreSQL chose the generic
 * plan for the feed's statement, and under load it cost more than planning each run (home page
 * 9.8 -> 13.1 ms CPU, ADR 034 amendment).
 */
type Window = { before: Date; after: Date; take: number };

/**
 * What every source's rows look like, so that the sources go to the database as one statement
 * (one round trip; issue 12): `extra` carries what only one kind needs.
 */
type SourceRow = {
  kind: string;
  id: string | null;
  at: Date | null;
  actor: string | null;
  title: string | null;
  lang: string | null;
  extra: Record<string, unknown> | null;
};

const uuid = (id: string) => Prisma.sql`${id}::uuid`;
/** A uuid inside a URL: the strict form, so that the cast can never fail. */
const POST_ID_IN_URL = '^/forum/p/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$';

/**
 * Newest first: replies and answers in threads the reader follows (their own questions too).
 *
 * A member may follow hundreds of threads. The newest page of posts lies, almost always, in the
 * page-size threads most recently active before the cursor, so only those are read (one index
 * scan each); the `boundary` row tells how recent the next thread is. A follow carries its
 * thread's last_post_at (the newest visible post, kept by refreshThreadStats; copied by a
 * trigger), so the most recently active follows are an index range, however many there are. If
 * the page is not provably complete (its oldest post is not newer than that boundary), every
 * followed thread is read (repliesAgain).
 */
function replies(viewer: AuthUser, w: Window, candidates: number): Prisma.Sql {
  return Prisma.sql`
    WITH ranked AS (
      SELECT t.id, t.title, t.language, t.author_id, LEAST(f.last_post_at, ${w.before}) AS recency
      FROM forum_thread_follow f
      -- Each followed thread by its key, in the follows' order (OFFSET 0 keeps the planner from
      -- joining instead): hidden and merged threads are passed over, not counted.
      CROSS JOIN LATERAL (
        SELECT t.id, t.title, t.language, t.author_id FROM forum_thread t
        WHERE t.id = f.thread_id AND t.hidden_at IS NULL AND t.merged_into_id IS NULL
        OFFSET 0
      ) t
      WHERE f.user_id = ${uuid(viewer.id)} AND f.last_post_at > ${w.after}
      ORDER BY f.last_post_at DESC
      LIMIT ${candidates + 1}::int
    ),
    candidates AS (SELECT * FROM ranked ORDER BY recency DESC LIMIT ${candidates}::int),
    boundary AS (SELECT recency FROM ranked ORDER BY recency DESC OFFSET ${candidates}::int LIMIT 1),
    page AS (
      SELECT p.id, p.created_at, p.author_id, c.title AS thread_title, c.language,
             (c.author_id = ${uuid(viewer.id)}) AS mine
      FROM candidates c
      JOIN LATERAL (
        SELECT p.id, p.created_at, p.author_id FROM forum_post p
        WHERE p.thread_id = c.id AND p.created_at < ${w.before} AND p.created_at > ${w.after}
          -- A post not newer than the boundary makes the page incomplete whatever else is read
          -- (repliesComplete): without them a busy thread is read a few posts deep, not a page.
          AND p.created_at > COALESCE((SELECT recency FROM boundary), '-infinity')
          AND p.is_question = false AND p.hidden_at IS NULL AND p.deleted_at IS NULL
          AND p.author_id <> ${uuid(viewer.id)}
        ORDER BY p.created_at DESC LIMIT ${w.take}::int
      ) p ON true
      ORDER BY p.created_at DESC LIMIT ${w.take}::int
    )
    SELECT (CASE WHEN page.mine THEN 'answer' ELSE 'reply' END) AS kind, page.id::text AS id,
           page.created_at AS at, u.name AS actor, page.thread_title AS title, page.language AS lang,
           NULL::jsonb AS extra
    FROM page JOIN app_user u ON u.id = page.author_id
    UNION ALL
    SELECT 'boundary', NULL, (SELECT recency FROM boundary), NULL, NULL, NULL, NULL`;
}

/** New threads in the categories the reader follows. */
function threads(viewer: AuthUser, w: Window): Prisma.Sql {
  return Prisma.sql`
    SELECT 'thread' AS kind, t.id::text AS id, t.created_at AS at, u.name AS actor, t.title, t.language AS lang,
           NULL::jsonb AS extra
    FROM (
      SELECT t.* FROM forum_category_follow cf
      JOIN LATERAL (
        SELECT t.id, t.created_at, t.author_id, t.title, t.language FROM forum_thread t
        WHERE t.category_id = cf.category_id AND t.created_at < ${w.before} AND t.created_at > ${w.after}
          AND t.hidden_at IS NULL AND t.merged_into_id IS NULL AND t.author_id <> ${uuid(viewer.id)}
        ORDER BY t.created_at DESC LIMIT ${w.take}::int
      ) t ON true
      WHERE cf.user_id = ${uuid(viewer.id)}
      ORDER BY t.created_at DESC LIMIT ${w.take}::int
    ) t
    -- Names only for the page, not for every candidate.
    JOIN app_user u ON u.id = t.author_id`;
}

/** Answers in the reader's own threads that a trainer verified. */
function verified(viewer: AuthUser, w: Window): Prisma.Sql {
  return Prisma.sql`
    SELECT 'verified' AS kind, p.id::text AS id, p.verified_at AS at, COALESCE(v.name, '') AS actor, t.title,
           t.language AS lang, NULL::jsonb AS extra
    FROM forum_thread t
    JOIN forum_post p ON p.thread_id = t.id
    LEFT JOIN app_user v ON v.id = p.verified_by_id
    WHERE t.author_id = ${uuid(viewer.id)} AND t.hidden_at IS NULL AND t.merged_into_id IS NULL
      AND p.verified_at < ${w.before} AND p.verified_at > ${w.after}
      AND p.hidden_at IS NULL AND p.deleted_at IS NULL
    ORDER BY p.verified_at DESC LIMIT ${w.take}::int`;
}

/**
 * What only a notification records (nothing else says who was mentioned, or when an answer was
 * accepted, or a report's status history in one place). Each is checked again now: a post
 * hidden since its notification drops out (its `visible` is false).
 */
function fromNotifications(viewer: AuthUser, w: Window): Prisma.Sql {
  return Prisma.sql`
    SELECT n.type AS kind, n.id::text AS id, n.created_at AS at, n.actor_name AS actor, n.title,
           COALESCE(t.language, '') AS lang,
           jsonb_build_object('url', n.url, 'status', n.data->>'status', 'visible', t.id IS NOT NULL) AS extra
    FROM (
      SELECT n.id, n.type, n.created_at, n.actor_name, n.title, n.url, n.data FROM notification n
      WHERE n.user_id = ${uuid(viewer.id)}
        AND n.type IN ('forum_mention', 'forum_accepted', 'feedback_status')
        AND n.created_at < ${w.before} AND n.created_at > ${w.after}
      ORDER BY n.created_at DESC LIMIT ${w.take}::int
    ) n
    LEFT JOIN forum_post p ON p.id = (substring(n.url FROM ${POST_ID_IN_URL}))::uuid
      AND p.hidden_at IS NULL AND p.deleted_at IS NULL
    LEFT JOIN forum_thread t ON t.id = p.thread_id AND t.hidden_at IS NULL AND t.merged_into_id IS NULL`;
}

/**
 * New and updated library material for the reader's audience, in their language where that
 * translation is readable too (then its title, address and the reader's read state).
 */
function materials(viewer: AuthUser, w: Window): Prisma.Sql {
  const read = (m: string) =>
    Prisma.sql`(SELECT c.version_number FROM library_completion c
                WHERE c.material_id = ${Prisma.raw(m)}.id AND c.user_id = ${uuid(viewer.id)})`;
  return Prisma.sql`
    SELECT 'material' AS kind, m.group_id::text AS id, m.published_at AS at, '' AS actor,
           COALESCE(o.title, m.title) AS title, COALESCE(o.language, m.language) AS lang,
           jsonb_build_object('slug', COALESCE(o.slug, m.slug), 'live', COALESCE(o.live_number, m.live_number),
                              'read', CASE WHEN o.slug IS NULL THEN ${read('m')} ELSE o.read END) AS extra
    FROM (
      SELECT m.id, m.group_id, m.slug, m.title, m.language, m.live_number, m.published_at
      FROM library_material m
      WHERE ${readableSql(viewer, 'm')} AND m.status = 'published'
        AND m.published_at < ${w.before} AND m.published_at > ${w.after}
      ORDER BY m.published_at DESC LIMIT ${w.take}::int
    ) m
    LEFT JOIN LATERAL (
      SELECT o.slug, o.title, o.language, o.live_number, ${read('o')} AS read
      FROM library_material o
      WHERE o.group_id = m.group_id AND o.language = ${viewer.locale} AND m.language <> ${viewer.locale}
        AND o.status = 'published' AND ${readableSql(viewer, 'o')}
    ) o ON true`;
}

/** Events announced for the reader that are still open for sign-up (a series once). */
function events(viewer: AuthUser, w: Window, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT 'event' AS kind, e.id::text AS id, e.created_at AS at, u.name AS actor, '' AS title, '' AS lang,
           jsonb_build_object('series', e.series_id, 'starts', e.starts_at, 'fi', e.title_fi, 'sv', e.title_sv,
                              'en', e.title_en) AS extra
    FROM (
      SELECT e.id, e.series_id, e.created_at, e.starts_at, e.title_fi, e.title_sv, e.title_en, e.created_by_id
      FROM event e
      WHERE ${visibleEventsSql(viewer, 'e')}
        AND e.created_at < ${w.before} AND e.created_at > ${w.after} AND e.cancelled_at IS NULL
        AND e.starts_at > ${now} AND (e.rsvp_deadline IS NULL OR e.rsvp_deadline > ${now})
      ORDER BY e.created_at DESC, e.starts_at ASC LIMIT ${w.take}::int
    ) e
    JOIN app_user u ON u.id = e.created_by_id`;
}

/** Published e-service briefings for the reader, with their read state. */
function briefings(viewer: AuthUser, w: Window): Prisma.Sql {
  return Prisma.sql`
    SELECT 'briefing' AS kind, b.id::text AS id, b.published_at AS at, '' AS actor,
           COALESCE((SELECT v.title FROM briefing_version v WHERE v.briefing_id = b.id
                     ORDER BY v.number DESC LIMIT 1), b.title) AS title,
           b.language AS lang,
           jsonb_build_object('live', b.live_number,
             'read', (SELECT r.version_number FROM briefing_read r
                      WHERE r.briefing_id = b.id AND r.user_id = ${uuid(viewer.id)})) AS extra
    FROM (
      SELECT b.id, b.published_at, b.title, b.language, b.live_number FROM briefing b
      WHERE ${visibleBriefingsSql(viewer, 'b')} AND b.status = 'published'
        AND b.published_at < ${w.before} AND b.published_at > ${w.after}
      ORDER BY b.published_at DESC LIMIT ${w.take}::int
    ) b`;
}

/** Where the reader's "seen up to here" divider is. */
function seenAt(viewer: AuthUser): Prisma.Sql {
  return Prisma.sql`
    SELECT 'seen' AS kind, NULL AS id, u.feed_seen_at AS at, NULL AS actor, NULL AS title, NULL AS lang,
           NULL::jsonb AS extra
    FROM app_user u WHERE u.id = ${uuid(viewer.id)}`;
}

/** A source row as a feed item; null for a row that is no longer news (or not the reader's). */
function toItem(row: SourceRow, viewer: AuthUser): FeedItem | null {
  const at = row.at!;
  const extra = row.extra ?? {};
  const base = { at, actor: row.actor ?? '', title: row.title ?? '', lang: row.lang ?? '' };
  switch (row.kind) {
    case 'reply':
    case 'answer':
      return { ...base, key: `post:${row.id}`, kind: row.kind, url: `/forum/p/${row.id}` };
    case 'thread':
      return { ...base, key: `thread:${row.id}`, kind: 'thread', url: `/forum/t/${row.id}` };
    case 'verified':
      return { ...base, key: `verified:${row.id}`, kind: 'verified', url: `/forum/p/${row.id}` };
    case 'feedback_status': {
      const status = extra.status as string | null;
      // A reply without a status change is not news for the feed.
      if (!status) return null;
      return {
        ...base,
        key: `feedback:${row.id}`,
        kind: 'feedback',
        lang: '',
        url: String(extra.url),
        state: status,
      };
    }
    case 'forum_mention':
    case 'forum_accepted': {
      if (!extra.visible) return null;
      const kind = row.kind === 'forum_mention' ? 'mention' : 'accepted';
      return { ...base, key: `${kind}:${row.id}`, kind, url: String(extra.url) };
    }
    case 'material': {
      const live = Number(extra.live);
      const read = extra.read as number | null;
      const state = read !== null && read < live ? 'updatedSinceRead' : live > 1 ? 'updated' : 'new';
      return {
        ...base,
        key: `material:${row.id}:${at.toISOString()}`,
        kind: 'material',
        url: `/library/${String(extra.slug)}`,
        state,
      };
    }
    case 'event': {
      const t = extra as { fi: string; sv: string; en: string };
      const title = eventTitle({ titleFi: t.fi, titleSv: t.sv, titleEn: t.en }, viewer.locale);
      return {
        ...base,
        key: `event:${row.id}`,
        kind: 'event',
        title: title.text,
        lang: title.lang,
        url: `/events/${row.id}`,
      };
    }
    case 'briefing': {
      const read = extra.read as number | null;
      return {
        ...base,
        key: `briefing:${row.id}:${at.toISOString()}`,
        kind: 'briefing',
        url: `/briefings/${row.id}`,
        state: read === null ? 'unread' : read < Number(extra.live) ? 'updated' : 'read',
      };
    }
    default:
      return null;
  }
}

/** Newest first; of a series announced at once, the first meeting. */
function newestFirst(a: SourceRow, b: SourceRow) {
  const starts = (r: SourceRow) => (r.extra?.starts ? new Date(String(r.extra.starts)).getTime() : 0);
  return (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0) || starts(a) - starts(b);
}

/** One item per material group and per event series: the newest (rows come newest first). */
function onePerGroup(rows: SourceRow[]) {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const group =
      row.kind === 'material'
        ? `material:${row.id}`
        : row.kind === 'event' && row.extra?.series
          ? `series:${String(row.extra.series)}`
          : null;
    if (!group) return true;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
}

type FeedOptions = { before?: Date; after?: Date; take?: number; now?: Date };

/** The feed's rows as the database gave them, and what is needed to finish the page. */
export type FeedDraft = { rows: SourceRow[]; viewer: AuthUser; w: Window; forum: boolean; take: number };

export type FeedPage = { items: FeedItem[]; more: Date | null; seenAt: Date | null };

/**
 * One page of the reader's feed as a part of a page's one statement (readTogether; the home
 * page reads it with its other small reads): newest first, older than `before` (the previous
 * page's last item) and newer than `after` (the last digest) or the horizon, and where the
 * reader's "seen up to here" divider is. `finishFeed` makes the page of it.
 *
 * Every source reads at most one page older than the cursor through an index, through its
 * area's visibility rule (the SQL form beside the query builder's, checked alike by a test), and
 * all go to the database together: a round trip costs more than any of these reads.
 */
export function feedPart(
  viewer: AuthUser,
  { before, after, take = FEED_PAGE_SIZE, now = new Date() }: FeedOptions = {},
): Part<FeedDraft> {
  const horizon = new Date(now.getTime() - FEED_HORIZON_DAYS * 86_400_000);
  const w: Window = {
    before: before && before < now ? before : now,
    after: after && after > horizon ? after : horizon,
    // One more than a page from each source tells whether an older page exists.
    take: take + 1,
  };
  const forum = can(viewer, 'forum:use');
  const sources = [
    seenAt(viewer),
    forum ? replies(viewer, w, w.take) : null,
    forum ? threads(viewer, w) : null,
    forum ? verified(viewer, w) : null,
    fromNotifications(viewer, w),
    can(viewer, 'library:read') ? materials(viewer, w) : null,
    can(viewer, 'events:read') ? events(viewer, w, now) : null,
    can(viewer, 'briefings:read') ? briefings(viewer, w) : null,
  ].filter((sql) => sql !== null);
  // Each source a CTE of its own (MATERIALIZED: planned alone, not pulled up into one union,
  // which PostgreSQL planned and ran in 11.5 ms against 5 ms this way on the national data set).
  const names = sources.map((_, i) => Prisma.raw(`source${i}`));
  const query = Prisma.sql`
    WITH ${Prisma.join(
      sources.map((sql, i) => Prisma.sql`${names[i]!} AS MATERIALIZED (${sql})`),
      ', ',
    )}
    ${Prisma.join(
      names.map((name) => Prisma.sql`SELECT * FROM ${name}`),
      ' UNION ALL ',
    )}`;
  // JSON has no dates: `at` comes back as text.
  return part(query, Prisma.sql`r.at DESC`, (rows: (SourceRow & { at: string | null })[]) => ({
    rows: rows.map((r) => ({ ...r, at: r.at === null ? null : new Date(r.at) })),
    viewer,
    w,
    forum,
    take,
  }));
}

/** The feed's page from what `feedPart` read (rarely one more statement: repliesComplete). */
export async function finishFeed({ rows: read, viewer, w, forum, take }: FeedDraft): Promise<FeedPage> {
  let rows = read;
  if (forum && !repliesComplete(rows, w)) {
    // Rare: the most active threads hold too few posts by others. Read them all (bounded by follows).
    const all = await db.$queryRaw<SourceRow[]>(replies(viewer, w, 10_000));
    rows = [...rows.filter((r) => r.kind !== 'reply' && r.kind !== 'answer'), ...all];
  }
  rows.sort(newestFirst);
  const seen = rows.find((r) => r.kind === 'seen')?.at ?? null;
  const news = onePerGroup(rows.filter((r) => r.at !== null));
  // A reply that mentions the reader is one item, the mention.
  const mentioned = new Set(
    news.filter((r) => r.kind === 'forum_mention').map((r) => toItem(r, viewer)?.url),
  );
  // Rows are newest first already: items are made only until one more than a page is known.
  const items: FeedItem[] = [];
  for (const row of news) {
    const item = toItem(row, viewer);
    if (!item || ((item.kind === 'reply' || item.kind === 'answer') && mentioned.has(item.url))) continue;
    items.push(item);
    if (items.length > take) break;
  }
  const page = items.slice(0, take);
  return { items: page, more: items.length > take ? page[page.length - 1]!.at : null, seenAt: seen };
}

/** One page of the reader's feed on its own (the news digest): `feedPart`, then `finishFeed`. */
export async function feedPage(viewer: AuthUser, options: FeedOptions = {}): Promise<FeedPage> {
  const [draft] = await readTogether(feedPart(viewer, options));
  return finishFeed(draft);
}

/** Whether the replies read from the most active threads are provably the newest page. */
function repliesComplete(rows: SourceRow[], w: Window) {
  const posts = rows.filter((r) => r.kind === 'reply' || r.kind === 'answer');
  const boundary = rows.find((r) => r.kind === 'boundary')?.at ?? null;
  return boundary === null || (posts.length === w.take && posts[posts.length - 1]!.at! > boundary);
}

type ComingUpRow = {
  id: string;
  starts_at: string;
  cancelled_at: string | null;
  title_fi: string;
  title_sv: string;
  title_en: string;
  status: string;
  waitlist_position: number | null;
};

/**
 * The reader's events in the next 14 days that they signed up for, with their place in line:
 * a part of the home page's second statement (readTogether).
 */
export function comingUp(viewer: AuthUser, now = new Date()) {
  if (!can(viewer, 'events:read')) return nothing([]);
  return part(
    Prisma.sql`
    SELECT e.id, e.starts_at, e.cancelled_at, e.title_fi, e.title_sv, e.title_en, r.status,
           -- Only for the (few) events the member waits for: their place in line.
           CASE WHEN r.status = 'waitlist' AND r.waitlisted_at IS NOT NULL THEN 1 + (
             SELECT count(*)::int FROM event_rsvp w
             WHERE w.event_id = r.event_id AND w.status = 'waitlist' AND w.waitlisted_at < r.waitlisted_at
           ) END AS waitlist_position
    FROM event_rsvp r
    JOIN event e ON e.id = r.event_id
    WHERE r.user_id = ${viewer.id}::uuid AND r.status IN ('going', 'maybe', 'waitlist')
      AND e.starts_at > ${now} AND e.starts_at < ${new Date(now.getTime() + 14 * 86_400_000)}
    ORDER BY e.starts_at ASC LIMIT 10`,
    Prisma.sql`r.starts_at`,
    (rows: ComingUpRow[]) =>
      rows.map((r) => {
        const title = eventTitle(
          { titleFi: r.title_fi, titleSv: r.title_sv, titleEn: r.title_en },
          viewer.locale,
        );
        return {
          id: r.id,
          title: title.text,
          lang: title.lang,
          startsAt: new Date(r.starts_at),
          cancelled: r.cancelled_at !== null,
          status: r.status,
          waitlistPosition: r.waitlist_position,
        };
      }),
  );
}

/** "Mark all seen": the divider moves to the top. */
export async function markFeedSeen(viewer: AuthUser, at = new Date()) {
  await db.user.update({ where: { id: viewer.id }, data: { feedSeenAt: at } });
}
