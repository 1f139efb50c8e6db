import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import { db, type Tx } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import type { AuthUser } from './guards.server';
import { recheckPassword } from './password-change.server';
import { ROLE_KEYS, type RoleKey } from './roles';
import { setSecondFactorRoles } from './roles.server';
import { refuse, type Result } from '~/utils/result';
import { hitLimit } from './limits.server';
import type { RequestMeta } from './request-meta.server';
import { qrDataUrl } from '~/utils/qr.server';
import { generateToken, hashToken } from './tokens.server';

// A second factor as RFC 6238 describes it: a 6-digit code from an authenticator app, a new one
// every 30 seconds, checked with one step of clock drift either way and never accepted twice.
// Ten one-time recovery codes stand in for a lost phone (docs/decisions/022-two-factor.md).
const ISSUER = 'Tukiverkko';
const PERIOD_SECONDS = 30;
const DRIFT_STEPS = 1;
const RECOVERY_CODE_COUNT = 10;

const password = z
  .string({ error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .max(1024, { error: 'validation.tooLong' });
const code = z
  .string({ error: 'validation.required' })
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().min(1, { error: 'validation.required' }).max(64, { error: 'validation.tooLong' }));

export const TwoFactorActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('enable'), currentPassword: password, code }),
  z.object({ intent: z.literal('disable'), currentPassword: password }),
  z.object({ intent: z.literal('recovery-codes'), currentPassword: password }),
]);
export type TwoFactorAction = z.infer<typeof TwoFactorActionSchema>;

export const SecondStepSchema = z.object({ code });

type Member = Pick<AuthUser, 'id' | 'email' | 'organisationId'>;
function totpFor(secret: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** The time step a code belongs to, or null when it is no code of this key near now. */
export function matchingCounter(secret: string, typed: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(typed)) return null;
  const delta = totpFor(secret, '').validate({ token: typed, timestamp: now, window: DRIFT_STEPS });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** What a test or an authenticator app would show now (tests use it). */
export function currentCode(secret: string, now = Date.now()): string {
  return totpFor(secret, '').generate({ timestamp: now });
}

/** Recovery codes read like `k7p2m-x9q4t`: no 0/o or 1/l to mistake on paper. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function newRecoveryCode(): string {
  let chars = '';
  while (chars.length < 10) {
    const [byte] = crypto.getRandomValues(new Uint8Array(1));
    // 256 is not a multiple of 31: bytes from 248 up would favour the first letters.
    if (byte! < 248) chars += RECOVERY_ALPHABET[byte! % RECOVERY_ALPHABET.length];
  }
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
const recoveryHash = (typed: string) => hashToken(typed.toLowerCase().replace(/[\s-]/g, ''));

export type TwoFactorStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  /** One of the member's roles requires it: it cannot be turned off. */
  required: boolean;
};

export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const [factor, recoveryCodesLeft, required] = await Promise.all([
    db.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
    db.userRole.count({ where: { userId, role: { requiresSecondFactor: true } } }),
  ]);
  return {
    enabled: Boolean(factor?.confirmedAt),
    enabledAt: factor?.confirmedAt ?? null,
    recoveryCodesLeft,
    required: required > 0,
  };
}

/**
 * The key being set up, made on first view and kept until confirmed, so that reloading the page
 * does not change the QR code the member may already have scanned.
 */
export async function pendingEnrolment(user: Member) {
  const existing = await db.twoFactor.findUnique({ where: { userId: user.id } });
  if (existing?.confirmedAt) return null;
  const stored = existing ?? (await newPendingKey(user.id));
  const uri = totpFor(stored.secret, user.email).toString();
  return { secret: stored.secret, qr: await qrDataUrl(uri) };
}

/** A new key to set up; of two tabs opening the page at once, both get the first one's. */
async function newPendingKey(userId: string) {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await db.twoFactor.createMany({ data: [{ userId, secret }], skipDuplicates: true });
  return db.twoFactor.findUniqueOrThrow({ where: { userId }, select: { secret: true } });
}

async function replaceRecoveryCodes(tx: Tx, userId: string) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: recoveryHash(c) })) });
  return codes;
}

/**
 * Turning it on, turning it off, new recovery codes: each asks for the password first. Recovery
 * codes are returned once, to be shown once; only their hashes are kept.
 */
export async function changeTwoFactor(
  user: Member,
  input: TwoFactorAction,
  meta: RequestMeta,
): Promise<Result<{ recoveryCodes: string[] | null }>> {
  const refused = await recheckPassword(user.id, input.currentPassword);
  if (refused) return refused;
  const status = await twoFactorStatus(user.id);
  const audit = { actorId: user.id, organisationId: user.organisationId, ip: meta.ip };

  if (input.intent === 'enable') {
    const factor = await db.twoFactor.findUnique({ where: { userId: user.id } });
    if (!factor || factor.confirmedAt)
      return refuse('profile:twoFactor.errors.stale', { field: 'form', status: 409 });
    const counter = matchingCounter(factor.secret, input.code);
    if (counter === null) return refuse('profile:twoFactor.errors.wrongCode', { field: 'code' });
    const recoveryCodes = await db.$transaction(async (tx) => {
      await tx.twoFactor.update({
        where: { userId: user.id },
        data: { confirmedAt: new Date(), lastCounter: counter },
      });
      await writeAudit(tx, { action: 'two_factor_enabled', ...audit });
      return replaceRecoveryCodes(tx, user.id);
    });
    return { ok: true, recoveryCodes };
  }

  if (!status.enabled) return refuse('profile:twoFactor.errors.stale', { field: 'form', status: 409 });

  if (input.intent === 'recovery-codes') {
    const recoveryCodes = await db.$transaction(async (tx) => {
      await writeAudit(tx, { action: 'two_factor_recovery_codes', ...audit });
      return replaceRecoveryCodes(tx, user.id);
    });
    return { ok: true, recoveryCodes };
  }

  if (status.required) return refuse('profile:twoFactor.errors.required', { field: 'form', status: 403 });
  await db.$transaction(async (tx) => {
    await tx.twoFactor.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await writeAudit(tx, { action: 'two_factor_disabled', ...audit });
  });
  return { ok: true, recoveryCodes: null };
}

/**
 * An admin removes a member's second factor (a lost phone and no recovery codes). The member
 * sets it up again at their next login when a role of theirs requires it.
 */
export async function resetTwoFactor(
  actor: Pick<AuthUser, 'id' | 'organisationId'>,
  memberId: string,
  ip: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const member = await tx.user.findUnique({ where: { id: memberId }, select: { organisationId: true } });
    if (!member) return false;
    const { count } = await tx.twoFactor.deleteMany({ where: { userId: memberId } });
    await tx.recoveryCode.deleteMany({ where: { userId: memberId } });
    await tx.loginChallenge.deleteMany({ where: { userId: memberId } });
    await writeAudit(tx, {
      action: 'two_factor_reset',
      actorId: actor.id,
      organisationId: member.organisationId,
      targetType: 'user',
      targetId: memberId,
      ip,
      details: { hadSecondFactor: count > 0 },
    });
    return true;
  });
}

// ---- The second step of a login -------------------------------------------------------------

// A right password waits this long for its code, and allows this many wrong codes.
const CHALLENGE_MS = 5 * 60 * 1000;
const CHALLENGE_ATTEMPTS = 5;

export async function hasSecondFactor(userId: string): Promise<boolean> {
  return (await db.twoFactor.count({ where: { userId, confirmedAt: { not: null } } })) > 0;
}

/** After a right password: a challenge whose token goes into a short-lived cookie. */
export async function startSecondStep(userId: string, persistent: boolean) {
  const token = generateToken();
  const now = Date.now();
  await db.$transaction([
    db.loginChallenge.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } }),
    db.loginChallenge.create({
      data: { id: hashToken(token), userId, persistent, expiresAt: new Date(now + CHALLENGE_MS) },
    }),
  ]);
  return { token, maxAgeSeconds: CHALLENGE_MS / 1000 };
}

export type SecondStepResult =
  | { status: 'ok'; userId: string; persistent: boolean; used: 'totp' | 'recovery' }
  | { status: 'wrong' }
  | { status: 'expired' }
  | { status: 'rate_limited'; retryAfterSeconds: number };

/** The code typed after the password: a TOTP code, or one of the recovery codes (used up). */
export async function checkSecondStep(
  token: string | null,
  typed: string,
  meta: RequestMeta,
): Promise<SecondStepResult> {
  const challenge = token
    ? await db.loginChallenge.findUnique({
        where: { id: hashToken(token) },
        include: { user: { select: { organisationId: true, status: true } } },
      })
    : null;
  if (!challenge || challenge.expiresAt.getTime() <= Date.now() || challenge.user.status !== 'active')
    return { status: 'expired' };
  // Per member, whatever the number of fresh challenges: a stolen password cannot try codes at speed.
  const limit = await hitLimit('login-code', challenge.userId);
  if (!limit.allowed) return { status: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  const used = await db.$transaction(async (tx): Promise<'totp' | 'recovery' | null> => {
    const factor = await tx.twoFactor.findUnique({ where: { userId: challenge.userId } });
    if (!factor?.confirmedAt) return null;
    const counter = matchingCounter(factor.secret, typed);
    if (counter !== null) {
      // Only a later step than the last one used: a code seen over a shoulder is spent.
      const { count } = await tx.twoFactor.updateMany({
        where: { userId: challenge.userId, lastCounter: { lt: counter } },
        data: { lastCounter: counter },
      });
      return count ? 'totp' : null;
    }
    const { count } = await tx.recoveryCode.updateMany({
      where: { userId: challenge.userId, codeHash: recoveryHash(typed), usedAt: null },
      data: { usedAt: new Date() },
    });
    return count ? 'recovery' : null;
  });

  if (!used) {
    const attempts = challenge.attempts + 1;
    await writeAudit(db, {
      action: 'login_failed',
      actorId: challenge.userId,
      organisationId: challenge.user.organisationId,
      ip: meta.ip,
      details: { reason: 'wrong_second_factor' },
    });
    if (attempts >= CHALLENGE_ATTEMPTS) {
      await db.loginChallenge.deleteMany({ where: { id: challenge.id } });
      return { status: 'expired' };
    }
    await db.loginChallenge.update({ where: { id: challenge.id }, data: { attempts } });
    return { status: 'wrong' };
  }
  await db.loginChallenge.deleteMany({ where: { userId: challenge.userId } });
  return { status: 'ok', userId: challenge.userId, persistent: challenge.persistent, used };
}

// ---- Which roles require it (an admin's setting) ---------------------------------------------

export const SecondFactorPolicySchema = z.object({
  roles: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => [value ?? []].flat())
    .pipe(z.array(z.enum(ROLE_KEYS, { error: 'validation.invalid' }))),
});

/** Per role: whether it requires a second factor, and how many of its members have none yet. */
export async function secondFactorPolicy() {
  const roles = await db.role.findMany({
    select: {
      key: true,
      requiresSecondFactor: true,
      _count: {
        select: {
          members: {
            where: {
              user: {
                status: 'active',
                OR: [{ twoFactor: { is: null } }, { twoFactor: { confirmedAt: null } }],
              },
            },
          },
        },
      },
    },
  });
  const byKey = new Map(roles.map((r) => [r.key, r]));
  return ROLE_KEYS.map((key) => ({
    key,
    required: byKey.get(key)?.requiresSecondFactor ?? false,
    withoutSecondFactor: byKey.get(key)?._count.members ?? 0,
  }));
}

export async function setSecondFactorPolicy(
  actor: Pick<AuthUser, 'id' | 'organisationId'>,
  roles: readonly RoleKey[],
  ip: string,
) {
  await db.$transaction(async (tx) => {
    const before = await tx.role.findMany({ where: { requiresSecondFactor: true }, select: { key: true } });
    await setSecondFactorRoles(tx, roles);
    await writeAudit(tx, {
      action: 'two_factor_policy',
      actorId: actor.id,
      organisationId: actor.organisationId,
      ip,
      details: { before: before.map((r) => r.key), after: [...roles] },
    });
  });
}
