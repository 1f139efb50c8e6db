import { Prisma } from '~/generated/prisma/client';
import { can, type AuthUser } from '~/auth/guards.server';

// Who may see a material. One rule, used by lists, the material page, old versions, files and
// the search index (searchAudience), so an organisation-restricted material cannot leak
// through any of them.

export function canManageLibrary(viewer: AuthUser | null) {
  return can(viewer, 'library:manage');
}

/** Materials a reader may open by address: live (or archived) and meant for them. */
export function readableWhere(viewer: AuthUser): Prisma.LibraryMaterialWhereInput {
  if (canManageLibrary(viewer)) return {};
  return {
    status: { in: ['published', 'archived'] },
    OR: [{ audience: 'all' }, { audience: 'organisations', audienceOrgIds: { has: viewer.organisationId } }],
  };
}

/**
 * The same rule in SQL, for statements the query builder cannot say (the home feed, the list's
 * one-per-group); the material is `m`. A test checks that both forms pick the same materials.
 */
export function readableSql(viewer: AuthUser, m = 'm'): Prisma.Sql {
  if (canManageLibrary(viewer)) return Prisma.sql`true`;
  const t = Prisma.raw(m);
  return Prisma.sql`(${t}.status IN ('published', 'archived') AND (${t}.audience = 'all'
    OR (${t}.audience = 'organisations' AND ${viewer.organisationId}::text = ANY(${t}.audience_org_ids))))`;
}

type AudienceFields = { audience: string; audienceOrgIds: string[] };

/**
 * The search index keeps who may find a row as a number: 0 for every member, TRAINERS_ONLY for
 * what only those who manage the library see (they are the readers of trainer material).
 */
export const TRAINERS_ONLY = 1;

/** What a member may find in the search index, as that number. */
export function searchReach(viewer: AuthUser): number {
  return canManageLibrary(viewer) ? TRAINERS_ONLY : 0;
}

/** The same rule for the shared search index, which stores it as that number and organisations. */
export function searchAudience(material: AudienceFields) {
  return {
    minRoleRank: material.audience === 'trainers' ? TRAINERS_ONLY : 0,
    orgIds: material.audience === 'organisations' ? material.audienceOrgIds : [],
  };
}
