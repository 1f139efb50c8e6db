import type { Prisma } from '~/generated/prisma/client';
import { can, type AuthUser } from '~/auth/guards.server';
import { roleRank } from '~/auth/roles';

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

type AudienceFields = { audience: string; audienceOrgIds: string[] };

/** The same rule for the shared search index, which stores it as a rank and organisations. */
export function searchAudience(material: AudienceFields) {
  return {
    minRoleRank: material.audience === 'trainers' ? roleRank('trainer') : 0,
    orgIds: material.audience === 'organisations' ? material.audienceOrgIds : [],
  };
}
