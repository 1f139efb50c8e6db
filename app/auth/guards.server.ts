import { redirect } from '@remix-run/node';
import { db } from '~/db.server';
import { readSessionToken, validateSessionToken } from './session.server';
import { isRoleKey, type PermissionKey, type PermissionScope, type RoleKey } from './roles';

export type AuthUser = {
  id: string;
  email: string;
  name: string;
  locale: string;
  role: RoleKey;
  roleRank: number;
  organisationId: string;
  organisationName: string;
  sessionId: string;
  sessionExpiresAt: Date;
  permissions: Partial<Record<PermissionKey, PermissionScope>>;
};

// One lookup per Request, however many guards a loader calls.
const resolved = new WeakMap<Request, Promise<AuthUser | null>>();

export function getUser(request: Request): Promise<AuthUser | null> {
  let pending = resolved.get(request);
  if (!pending) {
    pending = loadUser(request);
    resolved.set(request, pending);
  }
  return pending;
}

async function loadUser(request: Request): Promise<AuthUser | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      organisationId: true,
      organisation: { select: { name: true } },
      role: {
        select: { key: true, rank: true, permissions: { select: { scope: true, permission: { select: { key: true } } } } },
      },
    },
  });
  if (!user || !isRoleKey(user.role.key)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    role: user.role.key,
    roleRank: user.role.rank,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    sessionId: session.id,
    sessionExpiresAt: session.expiresAt,
    permissions: Object.fromEntries(
      user.role.permissions.map((rp) => [rp.permission.key, rp.scope as PermissionScope]),
    ) as AuthUser['permissions'],
  };
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const target = url.pathname + url.search;
  const query = target === '/' ? '' : `?${new URLSearchParams({ redirectTo: target })}`;
  return redirect(`/login${query}`);
}

export async function requireUser(request: Request): Promise<AuthUser> {
  const user = await getUser(request);
  if (!user) throw loginRedirect(request);
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
