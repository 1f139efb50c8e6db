// Roles and what each adds beyond the role below it (DESIGN.md, "Who uses it"). This is the
// source the database's role/permission tables are seeded from; guards read the tables.
export const ROLE_KEYS = ['adviser', 'trainer', 'eservice_rep', 'org_admin', 'coordinator', 'admin'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export const PERMISSION_KEYS = [
  'member:read',
  'member:invite',
  'member:deactivate',
  'member:change-role',
  'organisation:manage',
  'audit:read',
  'outbox:read',
  'forum:use',
  'forum:accept-any',
  'forum:verify',
  'forum:moderate',
  'forum:manage-categories',
  'library:read',
  'library:manage',
  'events:read',
  'events:create-training',
  'events:manage',
  'announcements:manage',
  'briefings:read',
  'briefings:write',
  'briefings:manage',
  'eservices:manage',
  'guidance:log',
  'reports:read',
  'support-points:read',
  'support-points:manage',
] as const;
export type PermissionKey = (typeof PERMISSION_KEYS)[number];

/** "organisation": only the user's own organisation; "all": every organisation. */
export type PermissionScope = 'organisation' | 'all';

type Grants = Partial<Record<PermissionKey, PermissionScope>>;

const ADDED_BY_ROLE: Record<RoleKey, Grants> = {
  // Every member logs their own guidance sessions and sees their own figures.
  adviser: {
    'forum:use': 'all',
    'library:read': 'all',
    'events:read': 'all',
    'briefings:read': 'all',
    'guidance:log': 'all',
    'support-points:read': 'all',
  },
  trainer: {
    'forum:accept-any': 'all',
    'forum:verify': 'all',
    'library:manage': 'all',
    'events:create-training': 'all',
  },
  // Only for the e-services they are a contact of (checked with the e-service).
  eservice_rep: { 'briefings:write': 'all' },
  org_admin: {
    'member:read': 'organisation',
    'member:invite': 'organisation',
    'member:deactivate': 'organisation',
    'reports:read': 'organisation',
  },
  coordinator: {
    'member:read': 'all',
    'member:invite': 'all',
    'member:deactivate': 'all',
    'forum:moderate': 'all',
    'forum:manage-categories': 'all',
    'events:manage': 'all',
    'announcements:manage': 'all',
    'briefings:manage': 'all',
    'eservices:manage': 'all',
    'reports:read': 'all',
    'support-points:manage': 'all',
  },
  admin: {
    'member:change-role': 'all',
    'organisation:manage': 'all',
    'audit:read': 'all',
    'outbox:read': 'all',
  },
};

export function roleRank(role: RoleKey): number {
  return (ROLE_KEYS.indexOf(role) + 1) * 10;
}

/** Every grant a role has, its own and those of the roles below it; wider scopes win. */
export function grantsOf(role: RoleKey): Grants {
  const grants: Grants = {};
  for (const key of ROLE_KEYS.slice(0, ROLE_KEYS.indexOf(role) + 1)) {
    for (const [permission, scope] of Object.entries(ADDED_BY_ROLE[key]) as [
      PermissionKey,
      PermissionScope,
    ][]) {
      if (grants[permission] !== 'all') grants[permission] = scope;
    }
  }
  return grants;
}

export function isRoleKey(value: unknown): value is RoleKey {
  return typeof value === 'string' && (ROLE_KEYS as readonly string[]).includes(value);
}
