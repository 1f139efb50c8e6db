import { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';
import type { FieldErrors } from '~/utils/forms';

/** An audience as announcements, events and briefings store it. */
export type Audience = { audience: string; audienceOrgIds: string[]; audienceRoles: string[] };

/** The active members an audience means: whom a message tells and whom its reach counts. */
export function audienceMembersWhere(a: Audience): Prisma.UserWhereInput {
  return {
    status: 'active',
    ...(a.audience === 'organisations' ? { organisationId: { in: a.audienceOrgIds } } : {}),
    ...(a.audience === 'roles' ? { roles: { some: { role: { key: { in: a.audienceRoles } } } } } : {}),
  };
}

/** An audience that names no one, or an organisation that does not exist, gets a field error. */
export async function audienceErrors(a: Audience, namespace: 'events' | 'briefings'): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (a.audience === 'organisations') {
    const found = a.audienceOrgIds.length
      ? await db.organisation.count({ where: { id: { in: a.audienceOrgIds } } })
      : 0;
    if (!found || found !== new Set(a.audienceOrgIds).size)
      errors.audienceOrgIds = { key: `${namespace}:errors.audienceOrgs` };
  }
  if (a.audience === 'roles' && !a.audienceRoles.length)
    errors.audienceRoles = { key: `${namespace}:errors.audienceRoles` };
  return errors;
}

/** A member as an audience sees them: their organisation and every role they hold. */
export type AudienceMember = { organisationId: string; roles: readonly string[] };

/** The same rule for one member (or a group of members sharing organisation and roles). */
export function inAudience(a: Audience, member: AudienceMember) {
  return (
    a.audience === 'all' ||
    (a.audience === 'organisations' && a.audienceOrgIds.includes(member.organisationId)) ||
    (a.audience === 'roles' && a.audienceRoles.some((role) => member.roles.includes(role)))
  );
}

/** The same rule in SQL, on a row `alias` with audience, audience_org_ids and audience_roles. */
export function inAudienceSql(alias: string, member: AudienceMember): Prisma.Sql {
  const t = Prisma.raw(alias);
  return Prisma.sql`(${t}.audience = 'all'
    OR (${t}.audience = 'organisations' AND ${member.organisationId}::text = ANY(${t}.audience_org_ids))
    OR (${t}.audience = 'roles' AND ${[...member.roles]}::text[] && ${t}.audience_roles))`;
}
