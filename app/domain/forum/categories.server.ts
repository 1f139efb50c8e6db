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

type CategoryWithStats = CategoryRow & {
  threads: number;
  solved: number;
  unanswered: number;
  unread: number;
  lastActivity: Date | null;
  following: boolean;
};

/**
 * The forum's front page: every category with its counts, newest activity, unread for the viewer
 * and whether they follow it, in one statement. The counts are kept by triggers
 * (`forum_category_count`, migration 20261206130000); what is unread is asked of the threads
 * active in the unread window only, and the last activity is the top of an index.
 */
export async function categoriesWithStats(viewer: AuthUser, language: Language) {
  // Moderators also see, and count, hidden threads.
  const moderator = canModerate(viewer);
  const listed = moderator
    ? Prisma.sql`t.merged_into_id IS NULL`
    : Prisma.sql`t.merged_into_id IS NULL AND t.hidden_at IS NULL`;
  const rows = await db.$queryRaw<CategoryWithStats[]>`
    SELECT c.id, c.slug, c.name_fi AS "nameFi", c.name_sv AS "nameSv", c.name_en AS "nameEn",
      c.description_fi AS "descriptionFi", c.description_sv AS "descriptionSv",
      c.description_en AS "descriptionEn", c.position,
      coalesce(n.threads, 0)::int AS threads, coalesce(n.solved, 0)::int AS solved,
      coalesce(n.unanswered, 0)::int AS unanswered,
      coalesce(u.unread, 0)::int AS unread,
      (SELECT max(t.last_post_at) FROM forum_thread t WHERE t.category_id = c.id AND ${listed}) AS "lastActivity",
      EXISTS (SELECT 1 FROM forum_category_follow f WHERE f.category_id = c.id AND f.user_id = ${viewer.id}::uuid) AS following
    FROM forum_category c
    LEFT JOIN (
      SELECT category_id, sum(threads) AS threads, sum(solved) AS solved, sum(unanswered) AS unanswered
      FROM forum_category_count ${moderator ? Prisma.empty : Prisma.sql`WHERE NOT hidden`}
      GROUP BY category_id
    ) n ON n.category_id = c.id
    -- One pass over the threads active in the unread window, whatever the number of categories.
    LEFT JOIN (
      SELECT t.category_id, count(*) AS unread FROM forum_thread t
      WHERE ${listed} AND t.last_post_at > ${unreadSince()}
        AND NOT EXISTS (SELECT 1 FROM forum_thread_read r WHERE r.user_id = ${viewer.id}::uuid
          AND r.thread_id = t.id AND r.last_read_at >= t.last_post_at)
      GROUP BY t.category_id
    ) u ON u.category_id = c.id
    ORDER BY c.position, c.slug`;
  return rows.map((c) => ({
    ...localisedCategory(c, language),
    threads: c.threads,
    solved: c.solved,
    unanswered: c.unanswered,
    unread: c.unread,
    lastActivity: c.lastActivity,
    following: c.following,
  }));
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
