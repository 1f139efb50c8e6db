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
    ...(a.audience === 'roles' ? { role: { key: { in: a.audienceRoles } } } : {}),
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

/** The same rule for one member (or a group of members sharing organisation and role). */
export function inAudience(a: Audience, member: { organisationId: string; role: string }) {
  return (
    a.audience === 'all' ||
    (a.audience === 'organisations' && a.audienceOrgIds.includes(member.organisationId)) ||
    (a.audience === 'roles' && a.audienceRoles.includes(member.role))
  );
}

/** The same rule in SQL, on a row `alias` with audience, audience_org_ids and audience_roles. */
export function inAudienceSql(alias: string, member: { organisationId: string; role: string }): Prisma.Sql {
  const t = Prisma.raw(alias);
  return Prisma.sql`(${t}.audience = 'all'
    OR (${t}.audience = 'organisations' AND ${member.organisationId}::text = ANY(${t}.audience_org_ids))
    OR (${t}.audience = 'roles' AND ${member.role}::text = ANY(${t}.audience_roles)))`;
}
