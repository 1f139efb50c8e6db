import { db } from '~/db.server';
import type { AuthUser } from './guards.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { verifyAgainstDummy, verifyPassword } from './password.server';
import { hitLimit, limitKey, LIMITS } from './limits.server';
import { clearRateLimit, extendRateLimit, hitRateLimit, peekRateLimits } from './rate-limit.server';
import type { RequestMeta } from './request-meta.server';
import { createSession } from './session.server';
import { checkSecondStep, hasSecondFactor, startSecondStep } from './two-factor.server';

// Failures are counted, not logins (issue 15): 120 advisers signing in on one training day's
// Wi-Fi must all get in. Per account a handful of wrong passwords, then wait (a successful
// login or a password reset clears it); per address many more, for a library or a venue
// where everybody shares one public IP, and still a stop to someone trying password after
// password across accounts. An account that is stopped again and again waits longer each time
// (15 min, 30, 1 h, … at most a day) until a login or a password reset clears it.
// The numbers: LIMITS['login:account'] and LIMITS['login:ip'] in limits.server.ts.
// How many stops in a row the growing wait remembers, and for how long.
const LOCKOUTS = { windowMs: 24 * 60 * 60 * 1000, longestMs: 24 * 60 * 60 * 1000 };

export const accountLimitKey = (email: string) => limitKey('login:account', email);
const lockoutKey = (email: string) => `login:lockouts:${email}`;

/** A failure that used up the account's limit starts a wait that doubles with each stop. */
async function growTheWait(email: string) {
  const { windowMs, longestMs } = LOCKOUTS;
  const stops = await hitRateLimit(lockoutKey(email), Number.MAX_SAFE_INTEGER, windowMs);
  const waitMs = Math.min(LIMITS['login:account'].windowMs * 2 ** (stops.hits - 1), longestMs);
  await extendRateLimit(accountLimitKey(email), new Date(Date.now() + waitMs));
}

/** A login or a password reset: the account starts afresh. */
export async function clearAccountLimits(email: string) {
  await clearRateLimit(accountLimitKey(email));
  await clearRateLimit(lockoutKey(email));
}
const ipLimitKey = (ip: string) => limitKey('login:ip', ip);

export type LoginResult =
  | { status: 'ok'; token: string; expiresAt: Date; persistent: boolean; locale: string }
  | { status: 'invalid' }
  | { status: 'rate_limited'; retryAfterSeconds: number }
  /** The password was right; the code from the member's authenticator comes next. */
  | { status: 'second_step'; token: string; maxAgeSeconds: number };

export async function login(
  email: string,
  password: string,
  meta: RequestMeta,
  options: { remember?: boolean } = {},
): Promise<LoginResult> {
  const spent = await peekRateLimits([
    { key: ipLimitKey(meta.ip), limit: LIMITS['login:ip'].hits },
    { key: accountLimitKey(email), limit: LIMITS['login:account'].hits },
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
    await hitLimit('login:ip', meta.ip);
    const account = await hitLimit('login:account', email);
    if (account.hits === LIMITS['login:account'].hits) await growTheWait(email);
    return { status: 'invalid' };
  }

  // The account's failure count stays until the second step is passed too.
  if (await hasSecondFactor(user.id)) {
    return { status: 'second_step', ...(await startSecondStep(user.id, options.remember ?? false)) };
  }
  return beginSession(user.id, meta, { persistent: options.remember ?? false });
}

/** The code after the password: a session when it is right, a fresh start when it is spent. */
export async function loginSecondStep(
  challengeToken: string | null,
  code: string,
  meta: RequestMeta,
): Promise<LoginResult | { status: 'wrong' } | { status: 'expired' }> {
  const checked = await checkSecondStep(challengeToken, code, meta);
  if (checked.status !== 'ok') return checked;
  return beginSession(checked.userId, meta, { persistent: checked.persistent, secondFactor: checked.used });
}

/**
 * A member who has shown who they are: the account's failure count is cleared, the login is
 * recorded with how it was made, and a session begins.
 */
export async function beginSession(
  userId: string,
  meta: RequestMeta,
  options: { persistent: boolean; method?: 'password' | 'sso'; secondFactor?: 'totp' | 'recovery' },
): Promise<Extract<LoginResult, { status: 'ok' }>> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, locale: true, organisationId: true },
  });
  await clearAccountLimits(user.email);
  const session = await createSession(userId, meta, {
    persistent: options.persistent,
    method: options.method,
  });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
    await writeAudit(tx, {
      action: 'login',
      actorId: userId,
      organisationId: user.organisationId,
      ip: meta.ip,
      details: {
        method: options.method ?? 'password',
        ...(options.secondFactor ? { secondFactor: options.secondFactor } : {}),
      },
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
