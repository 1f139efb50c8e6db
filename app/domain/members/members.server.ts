import { Prisma } from '~/generated/prisma/client';
import { nothing, part, readTogether } from '~/db/read-together.server';
import { containsPattern, pageWindow } from '~/utils/sql';
import { activeOrganisationsPart } from '~/domain/organisations/organisations.server';
import type { AuthUser } from '~/auth/guards.server';
import { grantableRoles, isRoleKey, sortedRoles, type PermissionScope, type RoleKey } from '~/auth/roles';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { writeAudit } from '~/domain/audit/audit.server';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';

export const MEMBERS_PAGE_SIZE = 50;

/** What a viewer with this scope may see of the member table. */
export function visibleTo(viewer: AuthUser, scope: PermissionScope): Prisma.UserWhereInput {
  // An erased account is nobody any more: not listed, not found (ADR 027).
  return scope === 'all' ? { erasedAt: null } : { organisationId: viewer.organisationId, erasedAt: null };
}

/** The same rule in SQL, on a member row `u` (a test checks that both pick the same members). */
export function visibleToSql(viewer: AuthUser, scope: PermissionScope, u = 'u'): Prisma.Sql {
  const t = Prisma.raw(u);
  return scope === 'all'
    ? Prisma.sql`${t}.erased_at IS NULL`
    : Prisma.sql`(${t}.erased_at IS NULL AND ${t}.organisation_id = ${viewer.organisationId}::uuid)`;
}

export type MemberFilter = {
  organisationId?: string;
  role?: RoleKey;
  status?: string;
  q?: string;
  page: number;
};

type MemberRow = {
  id: string;
  name: string;
  email: string;
  status: string;
  lastLoginAt: string | null;
  roles: string[];
  organisation: { id: string; name: string };
};
type InviteRow = {
  id: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  roles: string[];
  organisation: { name: string };
};

/**
 * The member list for those who manage members: a page of members (name order) with roles and
 * organisation, how many match, the invitations not yet used and, for those who see every
 * organisation, the organisations to filter by: one statement (as Prisma queries, eight).
 */
export async function membersPage(viewer: AuthUser, scope: PermissionScope, filter: MemberFilter) {
  const conditions = [visibleToSql(viewer, scope, 'u')];
  if (filter.organisationId) conditions.push(Prisma.sql`u.organisation_id = ${filter.organisationId}::uuid`);
  if (filter.role)
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id
      WHERE ur.user_id = u.id AND r.key = ${filter.role})`);
  if (filter.status) conditions.push(Prisma.sql`u.status = ${filter.status}`);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(Prisma.sql`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  const where = Prisma.join(conditions, ' AND ');
  const [members, total, invites, organisations] = await readTogether(
    part<MemberRow, MemberRow[]>(
      Prisma.sql`
        SELECT u.id, u.name, u.email, u.status, u.last_login_at AS "lastLoginAt",
          ARRAY(SELECT r.key FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles,
          json_build_object('id', o.id, 'name', o.name) AS organisation
        FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE ${where}
        ORDER BY u.name, u.id
        ${pageWindow(MEMBERS_PAGE_SIZE, (filter.page - 1) * MEMBERS_PAGE_SIZE)}`,
      Prisma.sql`r.name, r.id`,
      (rows) => rows,
    ),
    part<{ n: number }, number>(
      Prisma.sql`SELECT count(*)::int AS n FROM app_user u WHERE ${where}`,
      Prisma.sql`r.n`,
      (rows) => rows[0]?.n ?? 0,
    ),
    part<InviteRow, InviteRow[]>(
      Prisma.sql`
        SELECT i.id, i.email, i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.roles,
          json_build_object('name', o.name) AS organisation
        FROM invite i JOIN organisation o ON o.id = i.organisation_id
        WHERE i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ${new Date()}
          ${scope === 'all' ? Prisma.empty : Prisma.sql`AND i.organisation_id = ${viewer.organisationId}::uuid`}
        ORDER BY i.created_at DESC, i.id
        LIMIT 100`,
      Prisma.sql`r."createdAt" DESC, r.id`,
      (rows) => rows,
    ),
    scope === 'all' ? activeOrganisationsPart() : nothing([] as { id: string; name: string }[]),
  );
  return {
    members: members.map((m) => ({
      ...m,
      lastLoginAt: m.lastLoginAt === null ? null : new Date(m.lastLoginAt),
      roles: sortedRoles(m.roles),
    })),
    total,
    pages: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)),
    invites: invites.map((i) => ({
      ...i,
      createdAt: new Date(i.createdAt),
      expiresAt: new Date(i.expiresAt),
    })),
    organisations,
  };
}

const HELD_ROLES = { select: { role: { select: { key: true } } } } as const;
const roleKeys = (held: { role: { key: string } }[]) => sortedRoles(held.map((r) => r.role.key));

export async function getMember(viewer: AuthUser, scope: PermissionScope, id: string) {
  if (!isUuid(id)) return null;
  const member = await db.user.findFirst({
    where: { AND: [{ id }, visibleTo(viewer, scope)] },
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      locale: true,
      adviseLanguages: true,
      createdAt: true,
      lastLoginAt: true,
      deactivatedAt: true,
      erasureRequestedAt: true,
      roles: HELD_ROLES,
      organisation: { select: { id: true, name: true } },
      supportPoints: { select: { supportPoint: { select: { name: true } } } },
      _count: { select: { sessions: true } },
      twoFactor: { select: { confirmedAt: true } },
    },
  });
  if (!member) return null;
  const { twoFactor, ...rest } = member;
  return { ...rest, roles: roleKeys(member.roles), hasSecondFactor: Boolean(twoFactor?.confirmedAt) };
}

/**
 * Whether an actor may deactivate a member or change their roles: only a member whose every
 * role the actor could give (an org admin manages advisers and trainers, a coordinator
 * everyone but admins), and never themselves.
 */
export function managesMember(actor: AuthUser, member: { id: string; roles: readonly RoleKey[] }) {
  const grantable = grantableRoles(actor.roles);
  return member.id !== actor.id && member.roles.every((role) => grantable.includes(role));
}

/**
 * Deactivation ends every session of the member at once; their content stays. Nobody
 * deactivates themselves or a member holding a role they could not give.
 */
export async function setMemberActive(
  actor: AuthUser,
  scope: PermissionScope,
  memberId: string,
  active: boolean,
  ip: string,
): Promise<Result> {
  const member = await getMember(actor, scope, memberId);
  if (!member) return NOT_FOUND;
  if (member.id === actor.id) return refuse('members:errors.self');
  if (!managesMember(actor, member)) return refuse('members:errors.higherRole');
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: member.id },
      data: { status: active ? 'active' : 'deactivated', deactivatedAt: active ? null : new Date() },
    });
    if (!active) await tx.session.deleteMany({ where: { userId: member.id } });
    await writeAudit(tx, {
      action: active ? 'reactivate' : 'deactivate',
      actorId: actor.id,
      targetType: 'user',
      targetId: member.id,
      organisationId: member.organisation.id,
      ip,
    });
  });
  return { ok: true };
}

/**
 * Gives a member a role or takes one away, audited. The actor must be able to give that role
 * (grantableRoles) and to manage the member; an org admin only in their own organisation (the
 * scope of the member lookup). A member keeps at least one role, and nobody changes their own.
 */
export async function changeMemberRoles(
  actor: AuthUser,
  scope: PermissionScope,
  memberId: string,
  change: { give: true; role: string } | { give: false; role: string },
  ip: string,
): Promise<Result> {
  const member = await getMember(actor, scope, memberId);
  if (!member) return NOT_FOUND;
  const role = change.role;
  if (!isRoleKey(role) || !grantableRoles(actor.roles).includes(role)) return refuse('members:errors.role');
  // An admin taking away their own role could leave the network without one.
  if (member.id === actor.id) return refuse('members:errors.self');
  if (!managesMember(actor, member)) return refuse('members:errors.higherRole');
  const holds = member.roles.includes(role);
  if (change.give === holds) return { ok: true };
  if (!change.give && member.roles.length === 1) return refuse('members:errors.lastRole');
  await db.$transaction(async (tx) => {
    const target = await tx.role.findUniqueOrThrow({ where: { key: role }, select: { id: true } });
    if (change.give) {
      await tx.userRole.create({ data: { userId: member.id, roleId: target.id, grantedById: actor.id } });
    } else {
      await tx.userRole.delete({ where: { userId_roleId: { userId: member.id, roleId: target.id } } });
    }
    await writeAudit(tx, {
      action: change.give ? 'role_granted' : 'role_removed',
      actorId: actor.id,
      targetType: 'user',
      targetId: member.id,
      organisationId: member.organisation.id,
      ip,
      details: { role, before: member.roles },
    });
  });
  return { ok: true };
}
