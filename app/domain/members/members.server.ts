import type { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { grantableRoles, isRoleKey, sortedRoles, type PermissionScope, type RoleKey } from '~/auth/roles';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { writeAudit } from '~/domain/audit/audit.server';
import { holdsRole } from '~/auth/roles.server';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';

export const MEMBERS_PAGE_SIZE = 50;

/** What a viewer with this scope may see of the member table. */
function visibleTo(viewer: AuthUser, scope: PermissionScope): Prisma.UserWhereInput {
  // An erased account is nobody any more: not listed, not found (ADR 027).
  return scope === 'all' ? { erasedAt: null } : { organisationId: viewer.organisationId, erasedAt: null };
}

export type MemberFilter = {
  organisationId?: string;
  role?: RoleKey;
  status?: string;
  q?: string;
  page: number;
};

export async function listMembers(viewer: AuthUser, scope: PermissionScope, filter: MemberFilter) {
  const where: Prisma.UserWhereInput = {
    AND: [
      visibleTo(viewer, scope),
      filter.organisationId ? { organisationId: filter.organisationId } : {},
      filter.role ? holdsRole(filter.role) : {},
      filter.status ? { status: filter.status } : {},
      filter.q
        ? {
            OR: [
              { name: { contains: filter.q, mode: 'insensitive' } },
              { email: { contains: filter.q, mode: 'insensitive' } },
            ],
          }
        : {},
    ],
  };
  const [members, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (filter.page - 1) * MEMBERS_PAGE_SIZE,
      take: MEMBERS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        status: true,
        lastLoginAt: true,
        roles: HELD_ROLES,
        organisation: { select: { id: true, name: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return {
    members: members.map(({ roles, ...m }) => ({ ...m, roles: roleKeys(roles) })),
    total,
    pages: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)),
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

export async function pendingInvites(viewer: AuthUser, scope: PermissionScope) {
  return db.invite.findMany({
    where: {
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      ...(scope === 'all' ? {} : { organisationId: viewer.organisationId }),
    },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true,
      email: true,
      createdAt: true,
      expiresAt: true,
      roles: true,
      organisation: { select: { name: true } },
    },
  });
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
