import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db, type Tx } from '~/db.server';
import { helsinkiDayStart } from '~/i18n/format';
import { SEARCH_CANDIDATES, SEARCH_PAGE_SIZE, type SearchQuery } from './schema.server';
import { containsPattern } from '~/utils/sql';
import { compileQuery, parseQuery, type CompiledQuery } from './query.server';
import { DIRECTORY_KINDS, type SearchKind } from './kinds';
import { searchReach } from '~/domain/library/access.server';

const SUGGESTIONS = 6;
/** How many of the newest matches suggestions are chosen from. */
const SUGGESTION_CANDIDATES = 50;

/** How many directory entries (support points, e-services) one search looks at besides. */
const DIRECTORY_CANDIDATES = 50;

/**
 * Written out, not a parameter, and in the form of the partial index on directory entries' text
 * (migration 20261204150000): a named statement's generic plan cannot use that index for a
 * parameter, and without it every search tested the text of all 4,500 entries (≈ 1.5–2.5 ms).
 */
const DIRECTORY_ONLY = Prisma.raw(`d.kind IN (${DIRECTORY_KINDS.map((k) => `'${k}'`).join(', ')})`);

/**
 * A directory entry's text as that index holds it (an expression no other index has): on the
 * plain column PostgreSQL preferred the whole index for a Finnish compound part (13 ms a search
 * instead of 0.02 ms; migration 20261204220000).
 */
const DIRECTORY_TEXT = Prisma.raw(`(d.tsv || ''::tsvector)`);

const COLUMNS = Prisma.sql`d.id, d.tsv, d.language, d.published_at, d.min_role_rank, d.org_ids, d.group_id, d.flags`;

// The shared search index. An area (forum now; library and briefings later) writes one row
// per findable thing in the transaction that changes it, and says who may find it; the
// search page asks one question of one table. The stemmer is chosen per row by its language
// (a generated column), and the query is stemmed the same way for each row, so `kirjastossa`
// finds a Finnish post about a `kirjasto` and `bankkoder` a Swedish one about a `bankkod`.

export type SearchDocumentInput = {
  kind: string;
  sourceId: string;
  groupId?: string | null;
  containerId?: string | null;
  language: string;
  title?: string;
  body: string;
  context?: string;
  url: string;
  authorId?: string | null;
  flags?: string[];
  minRoleRank?: number;
  orgIds?: string[];
  publishedAt: Date;
};

function row(doc: SearchDocumentInput) {
  return {
    groupId: doc.groupId ?? null,
    containerId: doc.containerId ?? null,
    language: doc.language,
    title: doc.title ?? '',
    body: doc.body,
    context: doc.context ?? '',
    url: doc.url,
    authorId: doc.authorId ?? null,
    flags: doc.flags ?? [],
    minRoleRank: doc.minRoleRank ?? 0,
    orgIds: doc.orgIds ?? [],
    publishedAt: doc.publishedAt,
  };
}

export async function indexDocument(tx: Tx, doc: SearchDocumentInput) {
  const data = row(doc);
  await tx.searchDocument.upsert({
    where: { kind_sourceId_language: { kind: doc.kind, sourceId: doc.sourceId, language: doc.language } },
    create: { kind: doc.kind, sourceId: doc.sourceId, ...data },
    update: data,
    select: { id: true }, // never read back `tsv`: the client cannot decode a tsvector
  });
}

/** Many documents not yet in the index (e.g. a group just cleared), in one insert. */
export async function indexNewDocuments(tx: Tx, docs: SearchDocumentInput[]) {
  // In slices: Prisma splits a larger insert at the parameter limit and sends the parts at once
  // on the transaction's one connection, which the pg driver warns is deprecated.
  for (let i = 0; i < docs.length; i += INSERT_SLICE) {
    await tx.searchDocument.createMany({
      data: docs
        .slice(i, i + INSERT_SLICE)
        .map((doc) => ({ kind: doc.kind, sourceId: doc.sourceId, ...row(doc) })),
    });
  }
}

/** Rows per insert: 1,000 × 14 columns stays under PostgreSQL's 32,767 parameters. */
const INSERT_SLICE = 1_000;

export async function removeDocument(tx: Tx, kind: string, sourceId: string) {
  await tx.searchDocument.deleteMany({ where: { kind, sourceId } });
}

export type SnippetPart = { text: string; hit: boolean };

export type SearchHit = {
  kind: string;
  url: string;
  title: string;
  context: string;
  language: string;
  snippet: SnippetPart[];
  flags: string[];
  publishedAt: Date;
  authorName: string | null;
};

// ts_headline marks matches with these; they are split into parts before anything is rendered,
// so the page shows <mark> elements without ever treating a post's text as HTML.
const HIGHLIGHT_START = '\u0002';
const HIGHLIGHT_END = '\u0003';

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of snippet.split(HIGHLIGHT_START).entries()) {
    const [hit, rest] = i === 0 ? [null, chunk] : (chunk.split(HIGHLIGHT_END) as [string, string?]);
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

const CONFIGS = { fi: 'finnish', sv: 'swedish', en: 'english' } as const;

/** A compiled query (query.server.ts) stemmed the way each row was: for ranking and snippets. */
function tsQuery(text: string) {
  return Prisma.sql`CASE d.language WHEN 'sv' THEN to_tsquery('swedish', ${text})
    WHEN 'en' THEN to_tsquery('english', ${text}) ELSE to_tsquery('finnish', ${text}) END`;
}

/**
 * The match itself, one branch per language with a constant query each: a tsquery that
 * depends on the row cannot use the GIN index, three constant ones can (a BitmapOr).
 */
function tsMatch(text: string, language?: string, vector = Prisma.raw('d.tsv')) {
  const branches = Object.entries(CONFIGS)
    .filter(([lang]) => !language || lang === language)
    .map(([lang, config]) => {
      const query = Prisma.sql`to_tsquery(${Prisma.raw(`'${config}'`)}, ${text})`;
      // querytree 'T': nothing to look for (only stop words); match nothing, not everything.
      return Prisma.sql`(d.language = ${lang} AND querytree(${query}) <> 'T' AND ${vector} @@ ${query})`;
    });
  return Prisma.sql`(${Prisma.join(branches, ' OR ')})`;
}

/** Answers marked right rank above others that match as well. */
const TRUSTED_FLAGS = ['solved', 'verified'];

export type SearchResult = { hits: SearchHit[]; total: number; more: boolean; pages: number };

export async function search(
  viewer: AuthUser,
  query: SearchQuery,
  page: number,
): Promise<SearchResult & { suggestion: string | null }> {
  const compiled = query.q ? await compileQuery(query.q) : null;
  if (!compiled) return { hits: [], total: 0, more: false, pages: 1, suggestion: null };
  const result = await searchCompiled(viewer, query, compiled, page);
  // "Did you mean …?" when a word as typed is in nothing indexed (what was found came from its
  // near misses), and only when the suggested words themselves (no expansions) find something
  // this reader may see: the index's words include words of things they may not, which must
  // never show.
  let suggestion: string | null = null;
  if (compiled.suggestion) {
    const other = await compileQuery(compiled.suggestion);
    if (other && (await anyVisibleMatch(viewer, query, other.exact))) suggestion = compiled.suggestion;
  }
  return { ...result, suggestion };
}

/** The rows of the index this member may find. */
function visibleTo(viewer: AuthUser) {
  return Prisma.sql`d.min_role_rank <= ${searchReach(viewer)}
    AND (cardinality(d.org_ids) = 0 OR ${viewer.organisationId}::uuid = ANY(d.org_ids))`;
}

/** The search page's filters besides the words. */
function filtersOf(query: SearchQuery): Prisma.Sql[] {
  const filters: Prisma.Sql[] = [];
  if (query.kind) filters.push(Prisma.sql`d.kind = ${query.kind}`);
  if (query.container) filters.push(Prisma.sql`d.container_id = ${query.container}::uuid`);
  if (query.flag) filters.push(Prisma.sql`${query.flag} = ANY(d.flags)`);
  if (query.author) {
    const pattern = containsPattern(query.author);
    filters.push(Prisma.sql`d.author_id IN (SELECT id FROM app_user WHERE name ILIKE ${pattern})`);
  }
  if (query.from) filters.push(Prisma.sql`d.published_at >= ${helsinkiDayStart(query.from)}`);
  if (query.to) filters.push(Prisma.sql`d.published_at < ${helsinkiDayStart(query.to, 1)}`);
  return filters;
}

/**
 * Whether anything this member may open, under the page's filters, holds these words: asked
 * before "Did you mean …?" is offered. One EXISTS, stopping at the first such row; it was a
 * second search with its window, ranking and counts (a quarter of a misspelt search's cost).
 */
async function anyVisibleMatch(viewer: AuthUser, query: SearchQuery, text: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM search_document d
      WHERE ${Prisma.join([tsMatch(text, query.language), visibleTo(viewer), ...filtersOf(query)], ' AND ')}
    ) AS found`;
  return Boolean(row?.found);
}

async function searchCompiled(
  viewer: AuthUser,
  query: SearchQuery,
  compiled: CompiledQuery,
  page: number,
  { pageSize = SEARCH_PAGE_SIZE, snippets = true, window = SEARCH_CANDIDATES } = {},
): Promise<SearchResult> {
  const match = tsQuery(compiled.full);
  const snippet = snippets
    ? Prisma.sql`ts_headline(
        CASE d.language WHEN 'sv' THEN 'swedish'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'finnish'::regconfig END,
        d.body, ${match},
        ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}
      )`
    : Prisma.sql`''`;
  // Who may see a row is applied apart from what was asked: the planner cannot estimate the
  // audience test, and with it in the same WHERE it sorts every match instead of walking the
  // newest ones (250 ms instead of 10 ms for a common word on 400,000 rows).
  const visible = visibleTo(viewer);
  const filters = filtersOf(query);
  const where = Prisma.join([tsMatch(compiled.full, query.language), ...filters], ' AND ');
  const directoryWhere = Prisma.join(
    [tsMatch(compiled.full, query.language, DIRECTORY_TEXT), DIRECTORY_ONLY, ...filters],
    ' AND ',
  );

  // A common word matches a large part of a national forum (a quarter of 400,000 posts in the
  // benchmark). Counting or ranking all of it costs tens of milliseconds, so only the newest
  // CANDIDATES matches are looked at, ranked and counted, in one statement; the page says
  // "more than …" when there were more. The audience test stays outside the candidates (see above).
  type Row = { candidates: number; visible: number } & (
    (Omit<SearchHit, 'snippet'> & { snippet: string }) | { [K in keyof SearchHit]: null }
  );
  // The LIMITs stay parameters (not literalInt): the best plan depends on the words (the newest
  // rows walked for a common word, the text index for a rare one), and a generic plan would be
  // one of them for every word (ADR 034).
  const rows = await db.$queryRaw<Row[]>`
    WITH candidates AS MATERIALIZED (
      SELECT ${COLUMNS}
      FROM search_document d
      WHERE ${where}
      ORDER BY d.published_at DESC LIMIT ${window + 1}
    ),
    -- Support points and e-services are found however old they are: a few thousand rows,
    -- read through their own text index (DIRECTORY_TEXT).
    directory AS MATERIALIZED (
      SELECT ${COLUMNS}
      FROM search_document d
      WHERE ${directoryWhere}
        -- Only when the newest matches filled the window: otherwise they are all in it already
        -- (checked once, before the scan).
        AND (SELECT count(*) FROM candidates) > ${window}
      LIMIT ${DIRECTORY_CANDIDATES}
    ),
    seen AS MATERIALIZED (
      SELECT d.* FROM (
        (SELECT * FROM candidates ORDER BY published_at DESC LIMIT ${window})
        UNION ALL
        SELECT * FROM directory WHERE id NOT IN (SELECT id FROM candidates)
      ) d
      WHERE ${visible}
    ),
    -- One entry per thread (or material, event…): its best-matching post stands for it. What
    -- was typed ranks above what its expansions found; right answers above others.
    best AS (
      SELECT DISTINCT ON (coalesce(d.group_id, d.id)) d.id, d.published_at,
        ts_rank_cd(d.tsv, ${tsQuery(compiled.exact)}) + 0.25 * ts_rank(d.tsv, ${match})
          + CASE WHEN d.flags && ${TRUSTED_FLAGS}::text[] THEN 0.05 ELSE 0 END AS rank
      FROM seen d
      ORDER BY coalesce(d.group_id, d.id), rank DESC, d.published_at DESC
    ),
    ranked AS (
      SELECT * FROM best ORDER BY rank DESC, published_at DESC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT c.candidates, c.visible, d.kind, d.url, d.title, d.context, d.language, d.flags,
      d.published_at AS "publishedAt", u.name AS "authorName", ${snippet} AS snippet
    FROM (SELECT (SELECT count(*)::int FROM candidates) AS candidates, (SELECT count(*)::int FROM best) AS visible) c
    LEFT JOIN ranked ON true
    LEFT JOIN search_document d ON d.id = ranked.id
    LEFT JOIN app_user u ON u.id = d.author_id
    ORDER BY ranked.rank DESC, ranked.published_at DESC`;
  const total = rows[0]?.visible ?? 0;
  const hits: SearchHit[] = rows.flatMap(({ candidates: _c, visible: _v, ...r }) =>
    r.kind === null ? [] : [{ ...r, snippet: snippetParts(r.snippet) }],
  );
  return {
    hits,
    total,
    more: (rows[0]?.candidates ?? 0) > window,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export type Suggestion = { kind: string; url: string; title: string };

const toSuggestion = (h: SearchHit): Suggestion => ({
  kind: h.kind,
  url: h.url,
  title: h.title || h.context,
});

/**
 * What the search box offers while typing: the last word may be half typed (stems match as
 * prefixes). The same audience rules as the search page; no snippets.
 */
export async function suggest(viewer: AuthUser, q: string, kind?: SearchKind): Promise<Suggestion[]> {
  // Asked at every pause in typing, so kept light: the words as typed (stems as prefixes, which
  // already finds the rest of a half-typed word), without the index's inflections, compounds
  // and near misses (the search page has those), and the best of the newest matches only.
  const compiled = await compileQuery(q, { expand: false });
  if (!compiled) return [];
  const { hits } = await searchCompiled(viewer, { q, kind, author: undefined }, compiled, 1, {
    pageSize: SUGGESTIONS,
    snippets: false,
    window: SUGGESTION_CANDIDATES,
  });
  return hits.map(toSuggestion);
}

/**
 * Questions like a title being written (issue 21): the five threads sharing most of its words,
 * solved ones first among them, and up to three library materials. Any word may match; the
 * more a thread shares, the higher it ranks.
 */
export async function similarQuestions(viewer: AuthUser, title: string): Promise<Suggestion[]> {
  const text = parseQuery(title)
    .flatMap((t) => (t.negate ? [] : t.words))
    .join(' or ');
  const compiled = await compileQuery(text);
  if (!compiled) return [];
  const query = { q: text, author: undefined };
  const [threads, materials] = await Promise.all([
    searchCompiled(viewer, { ...query, kind: 'forum_post' }, compiled, 1, { pageSize: 5, snippets: false }),
    searchCompiled(viewer, { ...query, kind: 'library_material' }, compiled, 1, {
      pageSize: 3,
      snippets: false,
    }),
  ]);
  const solvedFirst = [...threads.hits].sort(
    (a, b) => Number(b.flags.includes('solved')) - Number(a.flags.includes('solved')),
  );
  return [...solvedFirst, ...materials.hits].map(toSuggestion);
}
