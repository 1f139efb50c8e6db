import type { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db } from '~/db.server';
import { isUniqueViolation } from '~/db/errors.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { materialsForGroups, type GroupMaterial } from './groups.server';
import type { PathSchema } from './schema.server';
import type { z } from 'zod';
import type { Result } from '~/utils/result';
import { containsPattern } from '~/utils/sql';

// Learning paths: an ordered list of materials (by group, so each reader gets their language).
// Progress is the reader's "done" marks; a mark on an older version counts as done but shows
// "updated since you read it".

type PathInput = z.infer<typeof PathSchema>;

export function pathTitle(path: { titleFi: string; titleSv: string; titleEn: string }, language: string) {
  return language === 'sv' ? path.titleSv : language === 'en' ? path.titleEn : path.titleFi;
}
export function pathDescription(
  path: { descriptionFi: string; descriptionSv: string; descriptionEn: string },
  language: string,
) {
  return language === 'sv' ? path.descriptionSv : language === 'en' ? path.descriptionEn : path.descriptionFi;
}

export type PathStep = GroupMaterial;

const pathSelect = {
  id: true,
  slug: true,
  titleFi: true,
  titleSv: true,
  titleEn: true,
  descriptionFi: true,
  descriptionSv: true,
  descriptionEn: true,
  items: { orderBy: { position: 'asc' }, select: { groupId: true } },
} satisfies Prisma.LearningPathSelect;

export async function listPaths(viewer: AuthUser, language: string) {
  const paths = await db.learningPath.findMany({
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: pathSelect,
  });
  const steps = await materialsForGroups(
    viewer,
    [...new Set(paths.flatMap((p) => p.items.map((i) => i.groupId)))],
    language,
  );
  return paths.map((p) => {
    const mine = p.items.map((i) => steps.get(i.groupId)).filter((s): s is PathStep => Boolean(s));
    return {
      slug: p.slug,
      title: pathTitle(p, language),
      description: pathDescription(p, language),
      total: mine.length,
      done: mine.filter((s) => s.state !== 'todo').length,
      updated: mine.filter((s) => s.state === 'updated').length,
    };
  });
}

export async function findPath(slug: string) {
  return db.learningPath.findUnique({
    where: { slug },
    select: pathSelect,
  });
}
export type FoundPath = NonNullable<Awaited<ReturnType<typeof findPath>>>;

export async function pathSteps(viewer: AuthUser, path: FoundPath, language: string) {
  const steps = await materialsForGroups(
    viewer,
    path.items.map((i) => i.groupId),
    language,
  );
  return path.items.map((i) => steps.get(i.groupId)).filter((s): s is PathStep => Boolean(s));
}

/** Up to this many materials the "add a material" list offers every one (as the place lists do). */
export const ADDABLE_LIST_MAX = 300;
/** How many materials a title search offers. */
const ADDABLE_FOUND_MAX = 50;

/**
 * The published materials not yet on the path, one per group, in the reader's language where
 * written. A large library (the national data has 5,000: a select of them made the page 490 KB)
 * offers those whose title in any language contains `find` instead; `shortened` says so.
 */
export async function addableMaterials(path: FoundPath, language: string, find: string) {
  const onPath = path.items.map((i) => i.groupId);
  const rows = await db.$queryRaw<
    { addable: number; group_id: string | null; title: string | null; language: string | null }[]
  >`
    WITH addable AS (
      SELECT DISTINCT ON (group_id) group_id, title, language FROM library_material
      WHERE status = 'published' AND NOT (group_id = ANY(${onPath}::uuid[]))
      ORDER BY group_id, (language = ${language}) DESC, (language = 'fi') DESC
    ),
    counted AS (SELECT count(*)::int AS addable FROM addable)
    SELECT c.addable, a.group_id, a.title, a.language
    FROM counted c
    LEFT JOIN LATERAL (
      SELECT * FROM addable a
      WHERE c.addable <= ${ADDABLE_LIST_MAX}::int
        OR (${find} <> '' AND a.group_id IN (SELECT group_id FROM library_material
          WHERE status = 'published' AND title ILIKE ${containsPattern(find)}))
      ORDER BY a.title
      LIMIT CASE WHEN c.addable <= ${ADDABLE_LIST_MAX}::int THEN c.addable ELSE ${ADDABLE_FOUND_MAX}::int END
    ) a ON true`;
  const materials = rows
    .flatMap((r) => (r.group_id ? [{ groupId: r.group_id, title: r.title!, language: r.language! }] : []))
    .sort((a, b) => a.title.localeCompare(b.title, language));
  return { materials, shortened: (rows[0]?.addable ?? 0) > ADDABLE_LIST_MAX };
}

/** Per path: how many members started it (one step done) and finished it (every step). */
export async function pathStats(path: FoundPath) {
  const groupIds = path.items.map((i) => i.groupId);
  if (!groupIds.length) return { started: 0, finished: 0 };
  const [row] = await db.$queryRaw<{ started: bigint; finished: bigint }[]>`
    SELECT count(*) AS started, count(*) FILTER (WHERE groups = ${groupIds.length}::int) AS finished
    FROM (
      SELECT c.user_id, count(DISTINCT m.group_id)::int AS groups
      FROM library_completion c JOIN library_material m ON m.id = c.material_id
      WHERE m.group_id = ANY(${groupIds}::uuid[])
      GROUP BY c.user_id
    ) per_user`;
  return { started: Number(row?.started ?? 0), finished: Number(row?.finished ?? 0) };
}

type PathResult = Result<{ slug: string }>;

export async function savePath(
  actor: AuthUser,
  pathId: string | null,
  input: PathInput,
  meta: RequestMeta,
): Promise<PathResult> {
  try {
    return await db.$transaction(async (tx) => {
      const data = { ...input };
      const path = pathId
        ? await tx.learningPath.update({ where: { id: pathId }, data, select: { id: true, slug: true } })
        : await tx.learningPath.create({
            data: { ...data, createdById: actor.id, position: await tx.learningPath.count() },
            select: { id: true, slug: true },
          });
      await writeAudit(tx, {
        action: pathId ? 'library_path_update' : 'library_path_create',
        actorId: actor.id,
        targetType: 'learning_path',
        targetId: path.id,
        ip: meta.ip,
        details: { slug: path.slug },
      });
      return { ok: true as const, slug: path.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, errors: { slug: { key: 'library:errors.slugTaken' } } };
    }
    throw error;
  }
}

export async function changePathItems(
  path: FoundPath,
  change: { intent: 'add-item' | 'remove-item' | 'move-item'; groupId: string; direction?: 'up' | 'down' },
) {
  const order = path.items.map((i) => i.groupId);
  const at = order.indexOf(change.groupId);
  if (change.intent === 'add-item') {
    const exists = await db.libraryGroup.findUnique({ where: { id: change.groupId }, select: { id: true } });
    if (!exists || at >= 0) return false;
    order.push(change.groupId);
  } else if (at < 0) {
    return false;
  } else if (change.intent === 'remove-item') {
    order.splice(at, 1);
  } else {
    const to = change.direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return true;
    [order[at], order[to]] = [order[to]!, order[at]!];
  }
  await db.$transaction(async (tx) => {
    await tx.learningPathItem.deleteMany({ where: { pathId: path.id } });
    await tx.learningPathItem.createMany({
      data: order.map((groupId, position) => ({ pathId: path.id, groupId, position })),
    });
  });
  return true;
}
