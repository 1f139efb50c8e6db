import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db } from '~/db.server';
import { isUniqueViolation } from '~/db/errors.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { newFeedbackCode } from '~/domain/guidance/feedback-link.server';
import { writtenIn } from '~/i18n/written-in';
import { firstFreeSlug, slugify } from '~/utils/slug';
import type { DirectoryFilter, SupportPointInput } from './schema.server';
import { districtsMatching } from './districts';
import { containsPattern, pageWindow } from '~/utils/sql';
import { part, readTogether } from '~/db/read-together.server';
import type { Result } from '~/utils/result';
import { forgetPublicRoster } from '~/domain/roster/public.server';
import { reindexSupportPoints } from './search-index.server';

// The support-point directory: where residents can get help, so that any member can refer
// them to the right place. Coordinators keep it; a point that closes is made inactive, not
// deleted, because logged sessions and events point at it.

export function supportPointHours(
  p: { hoursFi: string; hoursSv: string; hoursEn: string },
  language: string,
) {
  return writtenIn(p, 'hours', language);
}

const listSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  address: true,
  district: true,
  hoursFi: true,
  hoursSv: true,
  hoursEn: true,
  languages: true,
  appointmentNeeded: true,
  active: true,
  hostOrganisation: { select: { name: true } },
} satisfies Prisma.SupportPointSelect;

/** Places per page of the directory (the national data has 1,500). */
export const DIRECTORY_PAGE_SIZE = 50;

/** What every view of a support point shows of it (the directory, its page, the residents' page). */
export type PointFields = {
  slug: string;
  name: string;
  kind: string;
  address: string;
  district: string;
  hoursFi: string;
  hoursSv: string;
  hoursEn: string;
  languages: string[];
  appointmentNeeded: boolean;
};

export type DirectoryEntry = PointFields & { id: string; active: boolean };

/**
 * A page of the active points matching the filter (inactive ones too for those who keep the
 * directory), how many match in all, and the districts for the filter: one statement (as Prisma
 * model queries these were four, and most of the page's CPU).
 */
export async function directoryPage(filter: DirectoryFilter, includeInactive: boolean, page = 1) {
  const conditions: Prisma.Sql[] = [includeInactive ? Prisma.sql`true` : Prisma.sql`p.active`];
  if (filter.kind) conditions.push(Prisma.sql`p.kind = ${filter.kind}`);
  // A district by either of its names: an old ?district=Tölö link still finds Töölö.
  if (filter.district)
    conditions.push(
      Prisma.sql`p.district = ANY(${[filter.district, ...districtsMatching(filter.district)]}::text[])`,
    );
  if (filter.language) conditions.push(Prisma.sql`${filter.language} = ANY(p.languages)`);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const districts = districtsMatching(filter.q);
    conditions.push(Prisma.sql`(p.name ILIKE ${pattern} OR p.address ILIKE ${pattern} OR p.district ILIKE ${pattern}
      ${districts.length ? Prisma.sql`OR p.district = ANY(${districts}::text[])` : Prisma.empty})`);
  }
  const where = Prisma.join(conditions, ' AND ');
  const [points, total, districts] = await readTogether(
    part<DirectoryEntry, DirectoryEntry[]>(
      Prisma.sql`
        SELECT p.id, p.slug, p.name, p.kind, p.address, p.district, p.hours_fi AS "hoursFi", p.hours_sv AS "hoursSv",
          p.hours_en AS "hoursEn", p.languages, p.appointment_needed AS "appointmentNeeded", p.active
        FROM support_point p WHERE ${where}
        ORDER BY p.active DESC, p.name, p.id
        ${pageWindow(DIRECTORY_PAGE_SIZE, (page - 1) * DIRECTORY_PAGE_SIZE)}`,
      Prisma.sql`r.active DESC, r.name, r.id`,
      (rows) => rows,
    ),
    part<{ n: number }, number>(
      Prisma.sql`SELECT count(*)::int AS n FROM support_point p WHERE ${where}`,
      Prisma.sql`r.n`,
      (rows) => rows[0]?.n ?? 0,
    ),
    part<{ district: string }, string[]>(
      Prisma.sql`SELECT DISTINCT district FROM support_point WHERE active`,
      Prisma.sql`r.district`,
      (rows) => rows.map((r) => r.district),
    ),
  );
  return { points, total, pages: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)), districts };
}

export async function findSupportPoint(slug: string, includeInactive: boolean) {
  const point = await db.supportPoint.findUnique({
    where: { slug },
    select: {
      ...listSelect,
      hostOrganisationId: true,
      feedbackCode: true,
      accessibilityFi: true,
      accessibilitySv: true,
      accessibilityEn: true,
    },
  });
  if (!point || (!point.active && !includeInactive)) return null;
  return point;
}

type SaveResult = Result<{ slug: string }>;

/**
 * The address of a point whose slug field was left empty: made from its name, with -2, -3…
 * when another point has it, so a field nobody filled in never fails the form.
 */
async function slugFromName(name: string, id: string | null): Promise<string> {
  const base = slugify(name, 'tukipiste');
  const others = await db.supportPoint.findMany({
    where: { slug: { startsWith: base }, ...(id ? { id: { not: id } } : {}) },
    select: { slug: true },
  });
  return firstFreeSlug(base, new Set(others.map((p) => p.slug)));
}

/** Adds (no `id`) or changes a point; audited, as every change a coordinator makes for all. */
export async function saveSupportPoint(
  actor: AuthUser,
  id: string | null,
  input: SupportPointInput,
  meta: RequestMeta,
): Promise<SaveResult> {
  const slug = input.slug || (await slugFromName(input.name, id));
  if (
    input.hostOrganisationId &&
    !(await db.organisation.findUnique({ where: { id: input.hostOrganisationId }, select: { id: true } }))
  )
    return { ok: false, errors: { hostOrganisationId: { key: 'validation.invalid' } } };
  const data = {
    slug,
    name: input.name,
    kind: input.kind,
    address: input.address,
    district: input.district,
    hostOrganisationId: input.hostOrganisationId ?? null,
    hoursFi: input.hoursFi,
    hoursSv: input.hoursSv,
    hoursEn: input.hoursEn,
    accessibilityFi: input.accessibilityFi,
    accessibilitySv: input.accessibilitySv,
    accessibilityEn: input.accessibilityEn,
    languages: input.languages,
    appointmentNeeded: input.appointmentNeeded,
    active: input.active,
  };
  try {
    await db.$transaction(async (tx) => {
      const saved = id
        ? await tx.supportPoint.update({ where: { id }, data, select: { id: true } })
        : await tx.supportPoint.create({
            data: { ...data, feedbackCode: newFeedbackCode() },
            select: { id: true },
          });
      await reindexSupportPoints(tx, [saved.id]);
      await writeAudit(tx, {
        action: id ? 'support_point_update' : 'support_point_create',
        actorId: actor.id,
        targetType: 'support_point',
        targetId: saved.id,
        ip: meta.ip,
        details: { slug, active: input.active },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'support_point_slug_key'))
      return { ok: false, errors: { slug: { key: 'supportPoints:errors.slugTaken' } } };
    throw error;
  }
  forgetPublicRoster();
  return { ok: true, slug };
}
