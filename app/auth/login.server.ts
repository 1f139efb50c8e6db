import { db } from '~/db.server';
import type { AuthUser } from './guards.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { verifyAgainstDummy, verifyPassword } from './password.server';
import { clearRateLimit, hitRateLimit, peekRateLimits } from './rate-limit.server';
import type { RequestMeta } from './request-meta.server';
import { createSession } from './session.server';

// Failures are counted, not logins (issue 15): 120 advisers signing in on one training day's
// Wi-Fi must all get in. Per account a handful of wrong passwords, then wait (a successful
// login or a password reset clears it); per address many more, for a library or a venue
// where everybody shares one public IP, and still a stop to someone trying password after
// password across accounts.
export const LOGIN_LIMITS = {
  account: { limit: 10, windowMs: 15 * 60 * 1000 },
  ip: { limit: 200, windowMs: 15 * 60 * 1000 },
};

export const accountLimitKey = (email: string) => `login:account:${email}`;
const ipLimitKey = (ip: string) => `login:ip:${ip}`;

export type LoginResult =
  | { status: 'ok'; token: string; expiresAt: Date; persistent: boolean; locale: string }
  | { status: 'invalid' }
  | { status: 'rate_limited'; retryAfterSeconds: number };

export async function login(
  email: string,
  password: string,
  meta: RequestMeta,
  options: { remember?: boolean } = {},
): Promise<LoginResult> {
  const spent = await peekRateLimits([
    { key: ipLimitKey(meta.ip), limit: LOGIN_LIMITS.ip.limit },
    { key: accountLimitKey(email), limit: LOGIN_LIMITS.account.limit },
  ]);
  if (!spent.allowed) {
    await writeAudit(db, { action: 'login_rate_limited', ip: meta.ip, details: { email } });
    return { status: 'rate_limited', retryAfterSeconds: spent.retryAfterSeconds };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, status: true, locale: true, organisationId: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  // A deactivated member gets the same answer as a wrong password: nothing to probe.
  if (!user || !valid || user.status !== 'active') {
    await writeAudit(db, {
      action: 'login_failed',
      actorId: user?.id,
      organisationId: user?.organisationId,
      ip: meta.ip,
      details: { email, reason: !user ? 'unknown_email' : !valid ? 'wrong_password' : 'deactivated' },
    });
    // The same counting whether or not the address belongs to anyone: nothing to probe.
    await hitRateLimit(ipLimitKey(meta.ip), LOGIN_LIMITS.ip.limit, LOGIN_LIMITS.ip.windowMs);
    await hitRateLimit(accountLimitKey(email), LOGIN_LIMITS.account.limit, LOGIN_LIMITS.account.windowMs);
    return { status: 'invalid' };
  }

  await clearRateLimit(accountLimitKey(email));
  const session = await createSession(user.id, meta, { persistent: options.remember ?? false });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await writeAudit(tx, {
      action: 'login',
      actorId: user.id,
      organisationId: user.organisationId,
      ip: meta.ip,
    });
  });
  return { status: 'ok', ...session, locale: user.locale };
}

/** Ends this one session and records it; the member's other devices stay logged in. */
export async function logout(user: Pick<AuthUser, 'id' | 'organisationId' | 'sessionId'>, ip: string) {
  await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: user.sessionId } });
    await writeAudit(tx, { action: 'logout', actorId: user.id, organisationId: user.organisationId, ip });
  });
}
