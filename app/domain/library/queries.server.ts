import { diffWords } from 'diff';
import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { canManageLibrary, readableSql } from './access.server';
import { MATERIALS_PER_PAGE, type VideoLink } from './constants';
import { materialFileSelect, type MaterialFile } from './files.server';
import { nothing, part, readTogether, type Part } from '~/db/read-together.server';
import type { LibraryFilter } from './schema.server';
import { pageWindow } from '~/utils/sql';

// Reading the library: lists, a material, its versions and what changed between two of them.

export type MaterialListItem = {
  slug: string;
  title: string;
  summary: string;
  language: string;
  type: string;
  level: string | null;
  status: string;
  deviceTags: string[];
  topicTags: string[];
  eserviceTags: string[];
  publishedAt: Date | null;
  viewCount: number;
  completedNumber: number | null;
  liveNumber: number;
};

/**
 * One material per group: the viewer's language when it exists, else Finnish, else any. With a
 * language filter, only that language. Raw SQL because "one per group, preferred language" is a
 * DISTINCT ON, which the query builder cannot say.
 */
export async function listMaterials(viewer: AuthUser, filter: LibraryFilter, page: number, language: string) {
  const manager = canManageLibrary(viewer);
  const where: Prisma.Sql[] = [];
  if (manager) {
    where.push(Prisma.sql`m.status = ${filter.status ?? 'published'}`);
  } else {
    where.push(Prisma.sql`m.status = 'published'`, readableSql(viewer, 'm'));
  }
  if (filter.type) where.push(Prisma.sql`m.type = ${filter.type}`);
  if (filter.level) where.push(Prisma.sql`m.level = ${filter.level}`);
  if (filter.language) where.push(Prisma.sql`m.language = ${filter.language}`);
  if (filter.device) where.push(Prisma.sql`m.device_tags @> ARRAY[${filter.device}]::text[]`);
  if (filter.tag) where.push(Prisma.sql`m.topic_tags @> ARRAY[${filter.tag}]::text[]`);
  if (filter.eservice) where.push(Prisma.sql`m.eservice_tags @> ARRAY[${filter.eservice}]::text[]`);
  const conditions = Prisma.join(where, ' AND ');
  const order =
    filter.sort === 'popular'
      ? Prisma.sql`view_count DESC, published_at DESC NULLS LAST, id`
      : filter.sort === 'title'
        ? Prisma.sql`lower(title), id`
        : Prisma.sql`published_at DESC NULLS LAST, updated_at DESC, id`;
  const offset = (page - 1) * MATERIALS_PER_PAGE;
  // One version per group, chosen with the columns the order needs and nothing else: they are
  // in the listing index (migrations 20261206120000, 20261206220000; the title for a list by
  // title is not), so the choice is read from it alone. Choosing among whole rows sorted every
  // published material's text (5,000 at national scale: 11 ms of the database's time on every
  // view of the library's front page).
  const preferred = Prisma.sql`
    SELECT DISTINCT ON (m.group_id) m.id, m.published_at, m.updated_at, m.view_count${
      filter.sort === 'title' ? Prisma.sql`, m.title` : Prisma.empty
    }
    FROM library_material m
    WHERE ${conditions}
    ORDER BY m.group_id, (m.language = ${language}) DESC, (m.language = 'fi') DESC, m.language`;
  // The page's ids and the number of groups first, the page's columns for those 24 alone; one
  // statement, which also counts when the page is past the last one.
  const rows = await db.$queryRaw<
    ({ total: bigint } & (
      | {
          id: string;
          slug: string;
          title: string;
          draft_title: string;
          summary: string;
          draft_summary: string;
          language: string;
          type: string;
          level: string | null;
          status: string;
          device_tags: string[];
          topic_tags: string[];
          eservice_tags: string[];
          published_at: Date | null;
          view_count: number;
          live_number: number;
          completed_number: number | null;
        }
      | { id: null }
    ))[]
  >`
    WITH preferred AS MATERIALIZED (${preferred}),
    page AS (
      SELECT id, row_number() OVER (ORDER BY ${order}) AS ordinal FROM (
        SELECT * FROM preferred ORDER BY ${order} ${pageWindow(MATERIALS_PER_PAGE, offset)}
      ) chosen
    )
    SELECT n.total, p.id, p.slug, p.title, p.draft_title, p.summary, p.draft_summary, p.language, p.type,
           p.level, p.status, p.device_tags, p.topic_tags, p.eservice_tags, p.published_at, p.view_count,
           p.live_number, c.version_number AS completed_number
    FROM (SELECT count(*) AS total FROM preferred) n
    LEFT JOIN page ON true
    LEFT JOIN library_material p ON p.id = page.id
    LEFT JOIN library_completion c ON c.material_id = p.id AND c.user_id = ${viewer.id}::uuid
    ORDER BY page.ordinal`;
  const total = Number(rows[0]?.total ?? 0);
  const items: MaterialListItem[] = rows.flatMap((r) =>
    r.id === null
      ? []
      : [
          {
            slug: r.slug,
            // A draft has no live title yet: trainers see the working title.
            title: r.live_number ? r.title : r.draft_title,
            summary: r.live_number ? r.summary : r.draft_summary,
            language: r.language,
            type: r.type,
            level: r.level,
            status: r.status,
            deviceTags: r.device_tags,
            topicTags: r.topic_tags,
            eserviceTags: r.eservice_tags,
            publishedAt: r.published_at,
            viewCount: r.view_count,
            completedNumber: r.completed_number,
            liveNumber: r.live_number,
          },
        ],
  );
  return { items, total, pages: Math.max(1, Math.ceil(total / MATERIALS_PER_PAGE)) };
}

let tagCache: { at: number; value: { topics: string[]; eservices: string[] } } | undefined;

/** Tags in use, for the filter lists; recounted at most once a minute. */
export async function tagOptions() {
  if (tagCache && Date.now() - tagCache.at < 60_000) return tagCache.value;
  const rows = await db.$queryRaw<{ kind: string; tag: string }[]>`
    SELECT kind, tag FROM (
      SELECT 'topic' AS kind, unnest(topic_tags) AS tag FROM library_material WHERE status = 'published'
      UNION ALL
      SELECT 'eservice', unnest(eservice_tags) FROM library_material WHERE status = 'published'
    ) t GROUP BY kind, tag ORDER BY count(*) DESC, tag LIMIT 200`;
  const value = {
    topics: rows
      .filter((r) => r.kind === 'topic')
      .map((r) => r.tag)
      .slice(0, 60)
      .sort(),
    eservices: rows
      .filter((r) => r.kind === 'eservice')
      .map((r) => r.tag)
      .slice(0, 60)
      .sort(),
  };
  tagCache = { at: Date.now(), value };
  return value;
}

export function forgetTagOptions() {
  tagCache = undefined;
}

/** A material's columns as `findMaterial` gives them (its type is FoundMaterial). */
const MATERIAL_COLUMNS = Prisma.sql`m.id, m.group_id AS "groupId", m.slug, m.language, m.status, m.title,
  m.summary, m.draft_title AS "draftTitle", m.draft_changed AS "draftChanged", m.live_number AS "liveNumber",
  m.live_version_id AS "liveVersionId", m.published_at AS "publishedAt", m.type, m.level,
  m.device_tags AS "deviceTags", m.topic_tags AS "topicTags", m.eservice_tags AS "eserviceTags",
  m.audience, m.audience_org_ids AS "audienceOrgIds", m.source_thread_id AS "sourceThreadId",
  m.source_post_id AS "sourcePostId", m.updated_at AS "updatedAt"`;

type MaterialRow = {
  id: string;
  groupId: string;
  slug: string;
  language: string;
  status: string;
  title: string;
  summary: string;
  draftTitle: string;
  draftChanged: boolean;
  liveNumber: number;
  liveVersionId: string | null;
  publishedAt: Date | null;
  type: string;
  level: string | null;
  deviceTags: string[];
  topicTags: string[];
  eserviceTags: string[];
  audience: string;
  audienceOrgIds: string[];
  sourceThreadId: string | null;
  sourcePostId: string | null;
  updatedAt: Date;
};

export type VersionView = {
  number: number;
  title: string;
  summary: string;
  bodyHtml: string;
  links: VideoLink[];
  changeNote: string;
  publishedAt: Date | null;
  publishAt: Date;
  files: MaterialFile[];
};

type VersionRow = Omit<VersionView, 'publishedAt' | 'publishAt' | 'links'> & {
  publishedAt: string | null;
  publishAt: string;
  links: VideoLink[] | null;
};

/** A version with its attachments (not the pictures in its text), in their order; `which` picks it. */
function versionPart(which: Prisma.Sql): Part<VersionView | null> {
  return part(
    Prisma.sql`
      SELECT v.number, v.title, v.summary, v.body_html AS "bodyHtml", v.links, v.change_note AS "changeNote",
        v.published_at AS "publishedAt", v.publish_at AS "publishAt",
        (SELECT coalesce(json_agg(json_build_object('id', u.id, 'fileName', coalesce(u.file_name, u.id::text),
                   'mime', u.mime, 'byteSize', u.byte_size, 'thumbnail', u.thumbnail) ORDER BY l.position), '[]'::json)
           FROM library_file_link l JOIN upload u ON u.id = l.upload_id
          WHERE l.version_id = v.id AND NOT l.inline) AS files
      FROM library_version v WHERE ${which}`,
    Prisma.sql`r.number`,
    (rows: VersionRow[]) =>
      rows[0]
        ? {
            ...rows[0],
            links: rows[0].links ?? [],
            publishedAt: rows[0].publishedAt ? new Date(rows[0].publishedAt) : null,
            publishAt: new Date(rows[0].publishAt),
          }
        : null,
  );
}

/**
 * A material as its reader sees it; null (a 404) when they may not. One raw statement: Prisma's
 * query compiler cost more CPU than the read itself (issue 12).
 */
export async function findMaterial(viewer: AuthUser, slug: string): Promise<MaterialRow | null> {
  const [material] = await db.$queryRaw<MaterialRow[]>`
    SELECT ${MATERIAL_COLUMNS} FROM library_material m WHERE m.slug = ${slug} AND ${readableSql(viewer, 'm')}`;
  return material ?? null;
}
export type FoundMaterial = MaterialRow;

/** Everything on a material's page besides the material: one statement (readTogether). */
export async function materialPage(viewer: AuthUser, material: FoundMaterial) {
  const manager = canManageLibrary(viewer);
  const id = Prisma.sql`${material.id}::uuid`;
  const [live, translations, completion, paths, pending, sourceThread] = await readTogether(
    material.liveVersionId ? versionPart(Prisma.sql`v.id = ${material.liveVersionId}::uuid`) : nothing(null),
    part(
      Prisma.sql`
        SELECT m.slug, m.language, m.status FROM library_material m
        WHERE m.group_id = ${material.groupId}::uuid AND m.id <> ${id} AND ${readableSql(viewer, 'm')}
          ${manager ? Prisma.empty : Prisma.sql`AND m.status = 'published'`}`,
      Prisma.sql`r.language`,
      (rows: { slug: string; language: string; status: string }[]) => rows,
    ),
    part(
      Prisma.sql`
        SELECT c.version_number AS "versionNumber", c.completed_at AS "completedAt" FROM library_completion c
        WHERE c.user_id = ${viewer.id}::uuid AND c.material_id = ${id}`,
      Prisma.sql`r."versionNumber"`,
      (rows: { versionNumber: number; completedAt: string }[]) =>
        rows[0] ? { versionNumber: rows[0].versionNumber, completedAt: new Date(rows[0].completedAt) } : null,
    ),
    part(
      Prisma.sql`
        SELECT p.slug, p.title_fi AS "titleFi", p.title_sv AS "titleSv", p.title_en AS "titleEn", p.position
        FROM learning_path p
        WHERE EXISTS (SELECT 1 FROM learning_path_item i WHERE i.path_id = p.id AND i.group_id = ${material.groupId}::uuid)`,
      Prisma.sql`r.position, r.slug`,
      (rows: { slug: string; titleFi: string; titleSv: string; titleEn: string }[]) =>
        rows.map(({ slug, titleFi, titleSv, titleEn }) => ({ slug, titleFi, titleSv, titleEn })),
    ),
    manager
      ? part(
          Prisma.sql`
            SELECT v.number, v.publish_at AS "publishAt" FROM library_version v
            WHERE v.material_id = ${id} AND v.published_at IS NULL LIMIT 1`,
          Prisma.sql`r.number`,
          (rows: { number: number; publishAt: string }[]) =>
            rows[0] ? { number: rows[0].number, publishAt: new Date(rows[0].publishAt) } : null,
        )
      : nothing(null),
    material.sourceThreadId
      ? part(
          Prisma.sql`SELECT t.id, t.title FROM forum_thread t WHERE t.id = ${material.sourceThreadId}::uuid`,
          Prisma.sql`r.id`,
          (rows: { id: string; title: string }[]) => rows[0] ?? null,
        )
      : nothing(null),
  );
  return {
    live,
    translations,
    completion,
    updatedSinceRead: Boolean(completion && completion.versionNumber < material.liveNumber),
    paths,
    pending,
    sourceThread,
  };
}

export async function versionHistory(viewer: AuthUser, materialId: string) {
  return db.libraryVersion.findMany({
    where: { materialId, ...(canManageLibrary(viewer) ? {} : { publishedAt: { not: null } }) },
    orderBy: { number: 'desc' },
    select: {
      number: true,
      changeNote: true,
      publishedAt: true,
      publishAt: true,
      title: true,
      createdBy: { select: { name: true } },
    },
  });
}

export async function findVersion(viewer: AuthUser, materialId: string, number: number) {
  const [version] = await readTogether(
    versionPart(
      Prisma.sql`v.material_id = ${materialId}::uuid AND v.number = ${number}::int
        ${canManageLibrary(viewer) ? Prisma.empty : Prisma.sql`AND v.published_at IS NOT NULL`}`,
    ),
  );
  return version;
}

export type DiffPart = { text: string; change: 'same' | 'added' | 'removed' };

function diffText(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((p) => ({
    text: p.value,
    change: p.added ? 'added' : p.removed ? 'removed' : 'same',
  }));
}

/** What changed in the words between two versions: title, summary, text, links and files. */
export async function compareVersions(materialId: string, a: number, b: number) {
  const versions = await db.libraryVersion.findMany({
    where: { materialId, number: { in: [a, b] } },
    select: {
      number: true,
      title: true,
      summary: true,
      bodyText: true,
      links: true,
      files: { where: { inline: false }, select: { upload: { select: { id: true, fileName: true } } } },
    },
  });
  const before = versions.find((v) => v.number === Math.min(a, b));
  const after = versions.find((v) => v.number === Math.max(a, b));
  if (!before || !after || a === b) return null;
  const names = (v: typeof before) => v.files.map((f) => f.upload.fileName ?? f.upload.id);
  const linkText = (v: typeof before) =>
    ((v.links ?? []) as VideoLink[]).map((l) => `${l.title} ${l.url}`).join('\n');
  return {
    from: before.number,
    to: after.number,
    title: diffText(before.title, after.title),
    summary: diffText(before.summary, after.summary),
    body: diffText(before.bodyText, after.bodyText),
    links: diffText(linkText(before), linkText(after)),
    filesAdded: names(after).filter((n) => !names(before).includes(n)),
    filesRemoved: names(before).filter((n) => !names(after).includes(n)),
  };
}

/** Materials per page of the missing translations (the national data has 5,000 materials). */
export const TRANSLATIONS_PAGE_SIZE = 50;

/** A page of the materials not yet in every language, most recently changed first, and how many. */
export async function missingTranslations(page = 1) {
  const rows = await db.$queryRaw<
    {
      total: number;
      group_id: string;
      ids: string[];
      languages: string[];
      slugs: string[];
      titles: string[];
    }[]
  >`
    -- The page's groups and the count first, their titles and slugs for those alone (aggregating
    -- every lacking group's texts was three quarters of the statement on the national data).
    WITH lacking AS (
      SELECT group_id, count(*) OVER ()::int AS total
      FROM library_material WHERE status <> 'archived'
      GROUP BY group_id HAVING count(*) < 3
      ORDER BY max(updated_at) DESC, group_id
      ${pageWindow(TRANSLATIONS_PAGE_SIZE, (page - 1) * TRANSLATIONS_PAGE_SIZE)}
    )
    SELECT l.total, l.group_id, array_agg(m.id::text ORDER BY m.language) AS ids,
           array_agg(m.language ORDER BY m.language) AS languages, array_agg(m.slug ORDER BY m.language) AS slugs,
           array_agg(CASE WHEN m.live_number > 0 THEN m.title ELSE m.draft_title END ORDER BY m.language) AS titles
    FROM lacking l JOIN library_material m ON m.group_id = l.group_id AND m.status <> 'archived'
    GROUP BY l.total, l.group_id
    ORDER BY max(m.updated_at) DESC, l.group_id`;
  const total = rows[0]?.total ?? 0;
  return {
    total,
    pages: Math.max(1, Math.ceil(total / TRANSLATIONS_PAGE_SIZE)),
    groups: rows.map((r) => ({
      groupId: r.group_id,
      existingIds: r.ids,
      existing: r.languages.map((language, i) => ({ language, slug: r.slugs[i]!, title: r.titles[i]! })),
      missing: (['fi', 'sv', 'en'] as const).filter((l) => !r.languages.includes(l)),
    })),
  };
}

/** The working copy, for the edit form. */
export async function materialForEdit(materialId: string) {
  return db.libraryMaterial.findUniqueOrThrow({
    where: { id: materialId },
    select: {
      id: true,
      slug: true,
      language: true,
      status: true,
      draftTitle: true,
      draftSummary: true,
      draftBody: true,
      draftLinks: true,
      draftChanged: true,
      liveNumber: true,
      type: true,
      level: true,
      deviceTags: true,
      topicTags: true,
      eserviceTags: true,
      audience: true,
      audienceOrgIds: true,
      files: {
        where: { versionId: null, inline: false },
        orderBy: { position: 'asc' },
        select: { upload: { select: materialFileSelect } },
      },
      versions: { where: { publishedAt: null }, select: { number: true, publishAt: true } },
    },
  });
}

/** The material a new translation starts from: its catalogue facts are copied. */
export async function translationSource(id: string) {
  if (!isUuid(id)) return null;
  return db.libraryMaterial.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      draftTitle: true,
      type: true,
      level: true,
      deviceTags: true,
      topicTags: true,
      eserviceTags: true,
      audience: true,
      audienceOrgIds: true,
    },
  });
}

/** The languages a material exists in (drafts included), for "add a translation". */
export async function groupLanguages(groupId: string) {
  const rows = await db.libraryMaterial.findMany({ where: { groupId }, select: { language: true } });
  return rows.map((r) => r.language);
}
