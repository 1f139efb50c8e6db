// Roles and what each grants (DESIGN.md, "Who uses it"). A member holds one or more roles and
// may do what any of them grants, with the widest scope; no role inherits another's
// (docs/decisions/021-roles-that-combine.md). This is the source the database's role and
// permission tables are written from (npm run db:migrate, seed, tests); guards read the tables.
export const ROLE_KEYS = ['adviser', 'trainer', 'eservice_rep', 'org_admin', 'coordinator', 'admin'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export const PERMISSION_KEYS = [
  'member:read',
  'member:invite',
  'member:deactivate',
  'member:change-role',
  // Erasing an account (ADR 027): a member's request or a long-deactivated account.
  'member:erase',
  'organisation:manage',
  'security:manage',
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
  // The roster (ADR 030): help slots at points, and signing up for shifts in them.
  'roster:manage',
  'roster:sign-up',
] as const;
export type PermissionKey = (typeof PERMISSION_KEYS)[number];

/** "organisation": only the user's own organisation; "all": every organisation. */
export type PermissionScope = 'organisation' | 'all';

export type Grants = Partial<Record<PermissionKey, PermissionScope>>;

/** What every member may read, whatever their roles. */
const MEMBER: Grants = {
  'forum:use': 'all',
  'library:read': 'all',
  'events:read': 'all',
  'briefings:read': 'all',
  'support-points:read': 'all',
};

/** Trainers' rights; coordinators, who look after the forum and library, have them too. */
const TRAINING: Grants = {
  'forum:accept-any': 'all',
  'forum:verify': 'all',
  'library:manage': 'all',
  'events:create-training': 'all',
};

export const ROLE_GRANTS: Record<RoleKey, Grants> = {
  // Logs the guidance sessions they give and sees their own figures.
  adviser: { ...MEMBER, 'guidance:log': 'all', 'roster:sign-up': 'all' },
  trainer: { ...MEMBER, ...TRAINING },
  // Only for the e-services they are a contact of (checked with the e-service).
  eservice_rep: { ...MEMBER, 'briefings:write': 'all' },
  // Their own organisation's members: invite, deactivate, give the adviser and trainer roles.
  org_admin: {
    ...MEMBER,
    'member:read': 'organisation',
    'member:invite': 'organisation',
    'member:deactivate': 'organisation',
    'member:change-role': 'organisation',
    'member:erase': 'organisation',
    'reports:read': 'organisation',
    // The slots their organisation staffs.
    'roster:manage': 'organisation',
  },
  coordinator: {
    ...MEMBER,
    ...TRAINING,
    'member:read': 'all',
    'member:invite': 'all',
    'member:deactivate': 'all',
    'member:change-role': 'all',
    'forum:moderate': 'all',
    'forum:manage-categories': 'all',
    'events:manage': 'all',
    'announcements:manage': 'all',
    'briefings:write': 'all',
    'briefings:manage': 'all',
    'eservices:manage': 'all',
    'reports:read': 'all',
    'support-points:manage': 'all',
    'roster:manage': 'all',
  },
  // The installation: organisations, the audit log, the mail outbox, every role.
  admin: {
    ...MEMBER,
    'member:read': 'all',
    'member:change-role': 'all',
    'organisation:manage': 'all',
    // Which roles need a second factor; resetting a member's lost one.
    'security:manage': 'all',
    'member:erase': 'all',
    'audit:read': 'all',
    'outbox:read': 'all',
  },
};

/**
 * Roles whose members sign in with a second factor on a new installation (an admin can change
 * it; the demo data turns it off so the demo accounts stay one-step).
 */
export const SECOND_FACTOR_BY_DEFAULT: readonly RoleKey[] = ['coordinator', 'admin'];

/** The union of several grant sets; a wider scope wins. */
export function unionOfGrants(sets: readonly Grants[]): Grants {
  const grants: Grants = {};
  for (const set of sets) {
    for (const [permission, scope] of Object.entries(set) as [PermissionKey, PermissionScope][]) {
      if (grants[permission] !== 'all') grants[permission] = scope;
    }
  }
  return grants;
}

/** What members holding these roles may do, as roles.ts says it. */
export function grantsOfRoles(roles: readonly RoleKey[]): Grants {
  return unionOfGrants(roles.map((role) => ROLE_GRANTS[role]));
}

/**
 * The roles a member with these roles may give or take away: admins any, coordinators all but
 * admin, org admins adviser and trainer (in their own organisation: the caller checks that).
 */
export function grantableRoles(roles: readonly RoleKey[]): RoleKey[] {
  if (roles.includes('admin')) return [...ROLE_KEYS];
  if (roles.includes('coordinator')) return ROLE_KEYS.filter((r) => r !== 'admin');
  if (roles.includes('org_admin')) return ['adviser', 'trainer'];
  return [];
}

/** The one role named beside a member's name (a post, a list): the most particular they hold. */
export function shownRole(roles: readonly string[]): RoleKey {
  return [...ROLE_KEYS].reverse().find((r) => roles.includes(r)) ?? 'adviser';
}

/** Roles in their fixed order, unknown keys dropped. */
export function sortedRoles(roles: readonly string[]): RoleKey[] {
  return ROLE_KEYS.filter((r) => roles.includes(r));
}

export function isRoleKey(value: unknown): value is RoleKey {
  return typeof value === 'string' && (ROLE_KEYS as readonly string[]).includes(value);
}
