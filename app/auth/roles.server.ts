import type { Tx } from '~/db.server';
import { PERMISSION_KEYS, ROLE_KEYS, grantsOf, roleRank, type PermissionKey } from './roles';

/** Makes the role and permission tables match roles.ts. Idempotent; run by setup, seed and tests. */
export async function syncRolesAndPermissions(tx: Tx) {
  for (const key of PERMISSION_KEYS) {
    await tx.permission.upsert({ where: { key }, create: { key }, update: {} });
  }
  const permissions = await tx.permission.findMany({ select: { id: true, key: true } });
  const permissionId = new Map(permissions.map((p) => [p.key, p.id]));
  // Ranks are unique: move them out of the way first so reordering never collides.
  await tx.role.updateMany({ data: { rank: { increment: 1000 } } });
  for (const key of ROLE_KEYS) {
    const role = await tx.role.upsert({
      where: { key },
      create: { key, rank: roleRank(key) },
      update: { rank: roleRank(key) },
      select: { id: true },
    });
    await tx.rolePermission.deleteMany({ where: { roleId: role.id } });
    await tx.rolePermission.createMany({
      data: Object.entries(grantsOf(key)).map(([permission, scope]) => ({
        roleId: role.id,
        permissionId: permissionId.get(permission)!,
        scope,
      })),
    });
  }
}

/** Active members whose role grants a permission: who is told of work only they can do. */
export async function activeMemberIdsWith(tx: Tx, permission: PermissionKey): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { status: 'active', role: { permissions: { some: { permission: { key: permission } } } } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
