import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import type { Language } from '~/i18n/config';
import { isUuid } from '~/utils/ids';
import { canModerate } from './access.server';
import { unreadSince } from './threads.server';
import type { z } from 'zod';
import type { CategorySchema } from './schema.server';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';
import { shortCache } from '~/utils/short-cache.server';

type CategoryRow = {
  id: string;
  slug: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  position: number;
};

export const categorySelect = {
  id: true,
  slug: true,
  nameFi: true,
  nameSv: true,
  nameEn: true,
  descriptionFi: true,
  descriptionSv: true,
  descriptionEn: true,
  position: true,
} as const;

/** A category in the reader's language (names are kept in all three). */
export function localisedCategory(c: CategoryRow, language: Language) {
  const suffix = ({ fi: 'Fi', sv: 'Sv', en: 'En' } as const)[language];
  return {
    id: c.id,
    slug: c.slug,
    name: c[`name${suffix}`],
    description: c[`description${suffix}`],
  };
}

// The category list changes a few times a year and is on every search page and new question:
// kept for half a minute (a change in this process drops it at once; other processes of a
// cluster follow within the half minute).
const allCategories = shortCache<CategoryRow[]>(30_000);

/** After a category is added or changed (and by tests that write categories directly). */
export function forgetCategories() {
  allCategories.forget();
}

export async function categoryOptions(language: Language) {
  const rows = await allCategories.get('all', () =>
    db.forumCategory.findMany({ orderBy: [{ position: 'asc' }, { slug: 'asc' }], select: categorySelect }),
  );
  return rows.map((c) => localisedCategory(c, language));
}

/** A category in the reader's language and whether they follow it: one statement. */
export async function categoryBySlug(slug: string, language: Language, viewerId: string) {
  const [c] = await db.$queryRaw<(CategoryRow & { following: boolean })[]>`
    SELECT c.id, c.slug, c.name_fi AS "nameFi", c.name_sv AS "nameSv", c.name_en AS "nameEn",
      c.description_fi AS "descriptionFi", c.description_sv AS "descriptionSv",
      c.description_en AS "descriptionEn", c.position,
      EXISTS (SELECT 1 FROM forum_category_follow f WHERE f.category_id = c.id AND f.user_id = ${viewerId}::uuid) AS following
    FROM forum_category c WHERE c.slug = ${slug}`;
  return c ? { ...localisedCategory(c, language), following: c.following } : null;
}

type CategoryStats = {
  category_id: string;
  threads: bigint;
  solved: bigint;
  unanswered: bigint;
  unread: bigint;
  last_activity: Date | null;
};

/** The forum's front page: every category with its counts, newest activity and unread for the viewer. */
export async function categoriesWithStats(viewer: AuthUser, language: Language) {
  const [categories, stats, follows] = await Promise.all([
    db.forumCategory.findMany({ orderBy: [{ position: 'asc' }, { slug: 'asc' }], select: categorySelect }),
    db.$queryRaw<CategoryStats[]>`
      SELECT t.category_id, count(*) AS threads,
        count(*) FILTER (WHERE t.accepted_post_id IS NOT NULL) AS solved,
        count(*) FILTER (WHERE t.reply_count = 0) AS unanswered,
        count(*) FILTER (WHERE t.last_post_at > ${unreadSince()}
          AND (r.last_read_at IS NULL OR r.last_read_at < t.last_post_at)) AS unread,
        max(t.last_post_at) AS last_activity
      FROM forum_thread t
      LEFT JOIN forum_thread_read r ON r.thread_id = t.id AND r.user_id = ${viewer.id}::uuid
      WHERE t.merged_into_id IS NULL ${canModerate(viewer) ? Prisma.empty : Prisma.sql`AND t.hidden_at IS NULL`}
      GROUP BY t.category_id`,
    db.forumCategoryFollow.findMany({ where: { userId: viewer.id }, select: { categoryId: true } }),
  ]);
  const byCategory = new Map(stats.map((s) => [s.category_id, s]));
  const followed = new Set(follows.map((f) => f.categoryId));
  return categories.map((c) => {
    const s = byCategory.get(c.id);
    return {
      ...localisedCategory(c, language),
      threads: Number(s?.threads ?? 0),
      solved: Number(s?.solved ?? 0),
      unanswered: Number(s?.unanswered ?? 0),
      unread: Number(s?.unread ?? 0),
      lastActivity: s?.last_activity ?? null,
      following: followed.has(c.id),
    };
  });
}

export async function categoriesForAdmin() {
  return db.forumCategory.findMany({
    orderBy: [{ position: 'asc' }, { slug: 'asc' }],
    select: categorySelect,
  });
}

type CategoryInput = z.infer<typeof CategorySchema>;

async function slugTaken(slug: string, exceptId?: string) {
  const other = await db.forumCategory.findUnique({ where: { slug }, select: { id: true } });
  return Boolean(other && other.id !== exceptId);
}

export async function createCategory(
  actor: AuthUser,
  input: CategoryInput,
  meta: RequestMeta,
): Promise<Result> {
  if (await slugTaken(input.slug)) return refuse('forum:errors.slugTaken', { field: 'slug' });
  await db.$transaction(async (tx) => {
    const created = await tx.forumCategory.create({ data: input, select: { id: true } });
    await writeAudit(tx, {
      action: 'forum_category_create',
      actorId: actor.id,
      targetType: 'forum_category',
      targetId: created.id,
      ip: meta.ip,
      details: { slug: input.slug },
    });
  });
  forgetCategories();
  return { ok: true };
}

export async function updateCategory(
  actor: AuthUser,
  id: string,
  input: CategoryInput,
  meta: RequestMeta,
): Promise<Result> {
  if (!isUuid(id)) return NOT_FOUND;
  const existing = await db.forumCategory.findUnique({ where: { id }, select: { id: true } });
  if (!existing) return NOT_FOUND;
  if (await slugTaken(input.slug, id)) return refuse('forum:errors.slugTaken', { field: 'slug' });
  await db.$transaction(async (tx) => {
    await tx.forumCategory.update({ where: { id }, data: input });
    await writeAudit(tx, {
      action: 'forum_category_update',
      actorId: actor.id,
      targetType: 'forum_category',
      targetId: id,
      ip: meta.ip,
      details: { slug: input.slug },
    });
  });
  forgetCategories();
  return { ok: true };
}

export async function setCategoryFollow(viewer: AuthUser, categoryId: string, following: boolean) {
  if (!isUuid(categoryId)) return false;
  const exists = await db.forumCategory.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!exists) return false;
  if (following) {
    await db.forumCategoryFollow.upsert({
      where: { userId_categoryId: { userId: viewer.id, categoryId } },
      create: { userId: viewer.id, categoryId },
      update: {},
    });
  } else {
    await db.forumCategoryFollow.deleteMany({ where: { userId: viewer.id, categoryId } });
  }
  return true;
}
