import type { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { isRoleKey, type PermissionScope, type RoleKey } from '~/auth/roles';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { writeAudit } from '~/domain/audit/audit.server';

export const MEMBERS_PAGE_SIZE = 50;

/** What a viewer with this scope may see of the member table. */
function visibleTo(viewer: AuthUser, scope: PermissionScope): Prisma.UserWhereInput {
  return scope === 'all' ? {} : { organisationId: viewer.organisationId };
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
      filter.role ? { role: { key: filter.role } } : {},
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
        role: { select: { key: true } },
        organisation: { select: { id: true, name: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return { members, total, pages: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)) };
}

export async function getMember(viewer: AuthUser, scope: PermissionScope, id: string) {
  if (!isUuid(id)) return null;
  return db.user.findFirst({
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
      role: { select: { key: true, rank: true } },
      organisation: { select: { id: true, name: true } },
      supportPoints: { select: { supportPoint: { select: { name: true } } } },
      _count: { select: { sessions: true } },
    },
  });
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
      role: { select: { key: true } },
      organisation: { select: { name: true } },
    },
  });
}

export type MemberCommandResult = { ok: true } | { ok: false; key: string };

/**
 * Deactivation ends every session of the member at once; their content stays.
 * Nobody deactivates themselves or someone above their own role.
 */
export async function setMemberActive(
  actor: AuthUser,
  scope: PermissionScope,
  memberId: string,
  active: boolean,
  ip: string,
): Promise<MemberCommandResult | null> {
  const member = await getMember(actor, scope, memberId);
  if (!member) return null;
  if (member.id === actor.id) return { ok: false, key: 'members:errors.self' };
  if (member.role.rank > actor.roleRank) return { ok: false, key: 'members:errors.higherRole' };
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

export async function changeMemberRole(
  actor: AuthUser,
  memberId: string,
  role: string,
  ip: string,
): Promise<MemberCommandResult | null> {
  const member = await getMember(actor, 'all', memberId);
  if (!member) return null;
  if (!isRoleKey(role)) return { ok: false, key: 'members:errors.role' };
  // An admin demoting themselves could leave the network without an admin.
  if (member.id === actor.id) return { ok: false, key: 'members:errors.self' };
  if (member.role.key === role) return { ok: true };
  await db.$transaction(async (tx) => {
    const target = await tx.role.findUniqueOrThrow({ where: { key: role }, select: { id: true } });
    await tx.user.update({ where: { id: member.id }, data: { roleId: target.id } });
    await writeAudit(tx, {
      action: 'role_change',
      actorId: actor.id,
      targetType: 'user',
      targetId: member.id,
      organisationId: member.organisation.id,
      ip,
      details: { from: member.role.key, to: role },
    });
  });
  return { ok: true };
}
