import type { Tx } from '~/db.server';
import {
  PERMISSION_KEYS,
  ROLE_GRANTS,
  ROLE_KEYS,
  SECOND_FACTOR_BY_DEFAULT,
  type PermissionKey,
  type RoleKey,
} from './roles';

/** Makes the role and permission tables match roles.ts. Idempotent; run by db:migrate, seed and tests. */
export async function syncRolesAndPermissions(tx: Tx) {
  for (const key of PERMISSION_KEYS) {
    await tx.permission.upsert({ where: { key }, create: { key }, update: {} });
  }
  const permissions = await tx.permission.findMany({ select: { id: true, key: true } });
  const permissionId = new Map(permissions.map((p) => [p.key, p.id]));
  for (const key of ROLE_KEYS) {
    // A new role starts with the default second-factor rule; an admin's later choice is kept.
    const role = await tx.role.upsert({
      where: { key },
      create: { key, requiresSecondFactor: SECOND_FACTOR_BY_DEFAULT.includes(key) },
      update: {},
      select: { id: true },
    });
    await tx.rolePermission.deleteMany({ where: { roleId: role.id } });
    await tx.rolePermission.createMany({
      data: Object.entries(ROLE_GRANTS[key]).map(([permission, scope]) => ({
        roleId: role.id,
        permissionId: permissionId.get(permission)!,
        scope,
      })),
    });
  }
}

/** Active members holding a role that grants a permission: who is told of work only they can do. */
export async function activeMemberIdsWith(tx: Tx, permission: PermissionKey): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: {
      status: 'active',
      roles: { some: { role: { permissions: { some: { permission: { key: permission } } } } } },
    },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** A new member's roles, as the nested write of `user.create` takes them. */
export async function holdingRoles(tx: Tx, keys: readonly RoleKey[], grantedById?: string) {
  const rows = await tx.role.findMany({ where: { key: { in: [...keys] } }, select: { id: true } });
  return { create: rows.map((r) => ({ roleId: r.id, grantedById })) };
}

/** Members holding a role (lists, seeds): the query builder's form. */
export function holdsRole(key: RoleKey) {
  return { roles: { some: { role: { key } } } };
}

/** The second-factor rule per role (the admin page and the demo data set it). */
export async function setSecondFactorRoles(tx: Tx, roles: readonly RoleKey[]) {
  await tx.role.updateMany({ data: { requiresSecondFactor: false } });
  if (roles.length)
    await tx.role.updateMany({ where: { key: { in: [...roles] } }, data: { requiresSecondFactor: true } });
}
