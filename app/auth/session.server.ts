import { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';
import { env, isHttpsDeployment } from '~/env.server';
import { generateToken, hashToken } from './tokens.server';
import { OPEN_FLAGS_SQL } from '~/domain/forum/open-flags';

// Sessions as lucia-auth.com describes them: a random token in the cookie, its SHA-256 in
// the database, revocable one by one or all at once. A session ends at the first of: its
// absolute lifetime, a spell of inactivity (shorter for coordinators and admins, whose rights
// reach everyone), the browser closing when "remember me" was not ticked (shared computers).
const HOUR_MS = 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;
const PRIVILEGED_ROLES = new Set(['coordinator', 'admin']);

export const SESSION_COOKIE = 'tk_session';
// Over https the browser guarantees a __Host- cookie is Secure, host-only and for the whole site.
const HOST_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
const cookieName = () => (isHttpsDeployment() ? HOST_SESSION_COOKIE : SESSION_COOKIE);

export type SessionMeta = { userAgent: string; ip: string };

function idleLimitMs(roleKeys: readonly string[]): number {
  const { SESSION_IDLE_HOURS, SESSION_IDLE_HOURS_PRIVILEGED } = env();
  const privileged = roleKeys.some((key) => PRIVILEGED_ROLES.has(key));
  return (privileged ? SESSION_IDLE_HOURS_PRIVILEGED : SESSION_IDLE_HOURS) * HOUR_MS;
}

export async function createSession(
  userId: string,
  meta: SessionMeta,
  options: { persistent?: boolean; method?: 'password' | 'sso' } = {},
) {
  const token = generateToken();
  const now = Date.now();
  const expiresAt = new Date(now + env().SESSION_MAX_DAYS * 24 * HOUR_MS);
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      persistent: options.persistent ?? false,
      method: options.method ?? 'password',
      userAgent: meta.userAgent.slice(0, 300),
      ip: meta.ip.slice(0, 64),
    },
  });
  return { token, expiresAt, persistent: options.persistent ?? false };
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: string;
  roles: { role: { key: string } }[];
  organisationId: string;
  organisation: { name: string };
};

export type ValidatedSession = {
  id: string;
  expiresAt: Date;
  user: SessionUser;
  /** The shell's numbers when the session was checked. */
  counts: ShellCounts;
  /** A role of theirs requires a second factor, they have none, and this is a password session. */
  mustSetUpSecondFactor: boolean;
};

/** A member's own columns as every request reads them (`u`: app_user, `o`: its organisation). */
export const MEMBER_COLUMNS = Prisma.sql`u.id AS "userId", u.email, u.name, u.locale, u.status,
  ARRAY(SELECT r.key FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS "roleKeys",
  u.organisation_id AS "organisationId", o.name AS "organisationName"`;

export type MemberRow = {
  userId: string;
  email: string;
  name: string;
  locale: string;
  status: string;
  roleKeys: string[];
  organisationId: string;
  organisationName: string;
};

export function sessionUser(row: MemberRow): SessionUser {
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    locale: row.locale,
    roles: row.roleKeys.map((key) => ({ role: { key } })),
    organisationId: row.organisationId,
    organisation: { name: row.organisationName },
  };
}

/** What the shell shows on every page besides who is logged in. */
export type ShellCounts = {
  unreadNotifications: number;
  /** Posts waiting for a moderator; null for a member whose roles may not moderate. */
  openFlags: number | null;
};

type SessionRow = MemberRow & {
  openFlags: number | null;
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  unreadNotifications: number;
  mustSetUpSecondFactor: boolean;
};

/**
 * The session and its member, role keys and organisation, and the shell's numbers (every page
 * shows them): one statement on every request. The moderation queue is counted only for a member
 * whose roles grant moderation (the grant's test does not depend on the flags: PostgreSQL tests
 * it once, before reading them).
 */
export async function validateSessionToken(token: string): Promise<ValidatedSession | null> {
  const id = hashToken(token);
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt", ${MEMBER_COLUMNS},
      (SELECT count(*)::int FROM notification n WHERE n.user_id = u.id AND n.read_at IS NULL) AS "unreadNotifications",
      CASE WHEN EXISTS (SELECT 1 FROM user_role ur JOIN role_permission rp ON rp.role_id = ur.role_id
                        JOIN permission p ON p.id = rp.permission_id
                        WHERE ur.user_id = u.id AND p.key = 'forum:moderate')
        THEN ${OPEN_FLAGS_SQL} END AS "openFlags",
      (s.method = 'password'
        AND EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id
                    WHERE ur.user_id = u.id AND r.requires_second_factor)
        AND NOT EXISTS (SELECT 1 FROM two_factor tf WHERE tf.user_id = u.id AND tf.confirmed_at IS NOT NULL)
      ) AS "mustSetUpSecondFactor"
    FROM session s
    JOIN app_user u ON u.id = s.user_id
    JOIN organisation o ON o.id = u.organisation_id
    WHERE s.id = ${id}`;
  if (!session) return null;
  const now = Date.now();
  const idle = now - session.lastSeenAt.getTime() >= idleLimitMs(session.roleKeys);
  if (session.expiresAt.getTime() <= now || idle || session.status !== 'active') {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  return {
    id,
    expiresAt: session.expiresAt,
    counts: { unreadNotifications: session.unreadNotifications, openFlags: session.openFlags },
    mustSetUpSecondFactor: session.mustSetUpSecondFactor,
    user: sessionUser(session),
  };
}

export async function invalidateUserSessions(userId: string, exceptSessionId?: string) {
  await db.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get('Cookie');
  if (!header) return null;
  const name = cookieName();
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Remembered: kept until the session's absolute end. Otherwise it ends with the browser. */
export function sessionCookie(token: string, session: { expiresAt: Date; persistent: boolean }): string {
  const attributes = [`${cookieName()}=${token}`, 'HttpOnly', 'SameSite=Lax', 'Path=/'];
  if (session.persistent) attributes.push(`Expires=${session.expiresAt.toUTCString()}`);
  if (isHttpsDeployment()) attributes.push('Secure');
  return attributes.join('; ');
}

export function clearedSessionCookie(): string {
  const attributes = [`${cookieName()}=`, 'HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=0'];
  if (isHttpsDeployment()) attributes.push('Secure');
  return attributes.join('; ');
}
