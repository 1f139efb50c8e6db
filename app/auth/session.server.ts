import { db } from '~/db.server';
import { isHttpsDeployment } from '~/env.server';
import { generateToken, hashToken } from './tokens.server';

// Sessions as lucia-auth.com describes them: a random token in the cookie, its SHA-256 in
// the database, sliding expiry, revocable one by one or all at once.
const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const RENEW_WHEN_LESS_THAN_MS = 15 * DAY_MS;
const TOUCH_EVERY_MS = 60 * 1000;

export const SESSION_COOKIE = 'tk_session';

export type SessionMeta = { userAgent: string; ip: string };

export async function createSession(userId: string, meta: SessionMeta) {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * DAY_MS);
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt,
      userAgent: meta.userAgent.slice(0, 300),
      ip: meta.ip.slice(0, 64),
    },
  });
  return { token, expiresAt };
}

// The member's own fields come with the session in the same query: one round trip per request.
export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  status: true,
  roleId: true,
  organisationId: true,
  organisation: { select: { name: true } },
} as const;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: string;
  roleId: string;
  organisationId: string;
  organisation: { name: string };
};

export type ValidatedSession = {
  id: string;
  expiresAt: Date;
  user: SessionUser;
};

export async function validateSessionToken(token: string): Promise<ValidatedSession | null> {
  const id = hashToken(token);
  const session = await db.session.findUnique({
    where: { id },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: sessionUserSelect } },
  });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.user.status !== 'active') {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  const renew = session.expiresAt.getTime() - now < RENEW_WHEN_LESS_THAN_MS;
  const touch = now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS;
  let expiresAt = session.expiresAt;
  if (renew || touch) {
    if (renew) expiresAt = new Date(now + SESSION_DAYS * DAY_MS);
    await db.session.update({ where: { id }, data: { expiresAt, lastSeenAt: new Date(now) } });
  }
  return { id, expiresAt, user: session.user };
}

export async function invalidateUserSessions(userId: string, exceptSessionId?: string) {
  await db.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get('Cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function sessionCookie(token: string, expiresAt: Date): string {
  const attributes = [
    `${SESSION_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=Lax',
    'Path=/',
    `Expires=${expiresAt.toUTCString()}`,
  ];
  if (isHttpsDeployment()) attributes.push('Secure');
  return attributes.join('; ');
}

export function clearedSessionCookie(): string {
  const attributes = [`${SESSION_COOKIE}=`, 'HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=0'];
  if (isHttpsDeployment()) attributes.push('Secure');
  return attributes.join('; ');
}
