import { redirect } from '@remix-run/node';
import { db } from '~/db.server';
import { oncePerRequest } from '~/utils/request-scope.server';
import {
  MEMBER_COLUMNS,
  readSessionToken,
  sessionUser,
  validateSessionToken,
  type MemberRow,
  type SessionUser,
  type ShellCounts,
} from './session.server';
import {
  isRoleKey,
  sortedRoles,
  unionOfGrants,
  type PermissionKey,
  type PermissionScope,
  type RoleKey,
} from './roles';

export type AuthUser = {
  id: string;
  email: string;
  name: string;
  locale: string;
  /** One or more, in their fixed order; permissions are the union of their grants. */
  roles: RoleKey[];
  organisationId: string;
  organisationName: string;
  sessionId: string;
  sessionExpiresAt: Date;
  permissions: Partial<Record<PermissionKey, PermissionScope>>;
  /** Signed in with a password, holding a role that requires a second factor, without one yet. */
  mustSetUpSecondFactor: boolean;
};

/** Who is logged in: looked up once per HTTP request, however many loaders and guards ask. */
export async function getUser(request: Request): Promise<AuthUser | null> {
  return (await checkedSession(request)).user;
}

/**
 * The shell's numbers (the bell's; the moderation queue's, for moderators) as counted with the
 * session check, or null when they may be out of date: a POST runs its action (which may mark
 * notifications read or resolve reports) between the check and the page.
 */
export async function shellCountsAtSessionCheck(request: Request): Promise<ShellCounts | null> {
  return request.method === 'GET' ? (await checkedSession(request)).counts : null;
}

function checkedSession(request: Request) {
  return oncePerRequest(request, 'session', () => loadSession(request));
}

async function loadSession(request: Request): Promise<{ user: AuthUser | null; counts: ShellCounts }> {
  const token = readSessionToken(request);
  const session = token ? await validateSessionToken(token) : null;
  if (!session) return { user: null, counts: { unreadNotifications: 0, openFlags: null } };
  const user = await authUser(session.user, { id: session.id, expiresAt: session.expiresAt });
  return {
    // Until then no right reaches a page that asks getUser alone, either.
    user:
      user && session.mustSetUpSecondFactor
        ? { ...user, permissions: {}, mustSetUpSecondFactor: true }
        : user,
    counts: session.counts,
  };
}

/** The member and their roles' grants as every guard sees them; null without a known role. */
async function authUser(
  user: SessionUser,
  session: { id: string; expiresAt: Date },
): Promise<AuthUser | null> {
  const grants = await grantsByRole();
  const roles = sortedRoles(user.roles.map((r) => r.role.key));
  if (!roles.length) return null;
  // As the tables say it (written from roles.ts by db:migrate and seed).
  const permissions = unionOfGrants(roles.map((role) => grants.get(role) ?? {}));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    roles,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    sessionId: session.id,
    sessionExpiresAt: session.expiresAt,
    permissions,
    mustSetUpSecondFactor: false,
  };
}

/**
 * A member as the permission checks see them, without a request: for work done on their behalf
 * away from a browser (a calendar feed, demo data). Null when deactivated or unknown.
 */
export async function memberById(id: string): Promise<AuthUser | null> {
  // Raw, as the session check reads them: Prisma compiled the query and its two relations
  // (roles, organisation) on every calendar feed request.
  const [row] = await db.$queryRaw<MemberRow[]>`
    SELECT ${MEMBER_COLUMNS} FROM app_user u JOIN organisation o ON o.id = u.organisation_id
    WHERE u.id = ${id}::uuid`;
  if (!row || row.status !== 'active') return null;
  return authUser(sessionUser(row), { id: '', expiresAt: new Date(0) });
}

// Six roles and their grants, read on every request: kept in memory for a short while.
// Grants change only when roles.ts changes (a deploy), so a minute of staleness is harmless.
const ROLE_CACHE_MS = 60_000;
let roleCache: { at: number; roles: Promise<Map<RoleKey, AuthUser['permissions']>> } | undefined;

function grantsByRole(): Promise<Map<RoleKey, AuthUser['permissions']>> {
  if (!roleCache || Date.now() - roleCache.at > ROLE_CACHE_MS) {
    const roles = db.role
      .findMany({
        select: {
          key: true,
          permissions: { select: { scope: true, permission: { select: { key: true } } } },
        },
      })
      .then(
        (rows) =>
          new Map(
            rows
              .filter((r): r is typeof r & { key: RoleKey } => isRoleKey(r.key))
              .map((r) => [
                r.key,
                Object.fromEntries(
                  r.permissions.map((rp) => [rp.permission.key, rp.scope as PermissionScope]),
                ) as AuthUser['permissions'],
              ]),
          ),
      );
    roleCache = { at: Date.now(), roles };
    roles.catch(() => (roleCache = undefined));
  }
  return roleCache.roles;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const target = url.pathname + url.search;
  const query = target === '/' ? '' : `?${new URLSearchParams({ redirectTo: target })}`;
  return redirect(`/login${query}`);
}

/** Where a member who must set up a second factor first may go meanwhile. */
export const SECOND_FACTOR_SETUP = '/profile/security/two-factor';
const OPEN_BEFORE_SETUP = new Set([SECOND_FACTOR_SETUP, '/logout']);

export async function requireUser(request: Request): Promise<AuthUser> {
  const user = await getUser(request);
  if (!user) throw loginRedirect(request);
  // A coordinator's or admin's rights wait until the second factor is set up (issue 15).
  if (user.mustSetUpSecondFactor && !OPEN_BEFORE_SETUP.has(new URL(request.url).pathname))
    throw redirect(SECOND_FACTOR_SETUP);
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect('/');
}

export function notFound(): Response {
  return new Response('Not found', { status: 404, statusText: 'Not Found' });
}

/**
 * The user, and how far the permission reaches. A missing permission answers 404: pages a
 * user may not use are pages that, for them, do not exist.
 */
export async function requirePermission(
  request: Request,
  permission: PermissionKey,
): Promise<{ user: AuthUser; scope: PermissionScope }> {
  const user = await requireUser(request);
  const scope = user.permissions[permission];
  if (!scope) throw notFound();
  return { user, scope };
}

export function can(user: AuthUser | null, permission: PermissionKey): boolean {
  return Boolean(user?.permissions[permission]);
}
