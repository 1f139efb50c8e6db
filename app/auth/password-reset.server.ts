import { appOrigin } from '~/env.server';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { queueEmail } from '~/domain/mail/outbox.server';
import { passwordResetEmail } from '~/domain/mail/templates.server';
import { clearAccountLimits } from './login.server';
import { passwordProblem, type PasswordProblem } from './password-policy.server';
import { hashPassword } from './password.server';
import { hitLimit } from './limits.server';
import type { RequestMeta } from './request-meta.server';
import { createSession } from './session.server';
import { hasSecondFactor, startSecondStep } from './two-factor.server';
import { generateToken, hashToken } from './tokens.server';

const RESET_VALID_MS = 60 * 60 * 1000;

/**
 * Sends a reset link if the address belongs to an active member. The caller answers the
 * same either way, so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
  email: string,
  meta: RequestMeta,
): Promise<{ rateLimited: boolean }> {
  const byIp = await hitLimit('reset:ip', meta.ip);
  if (!byIp.allowed) return { rateLimited: true };
  // Per address a quiet limit: the page looks the same, only no more mail goes out.
  const byEmail = await hitLimit('reset:email', email);
  if (!byEmail.allowed) return { rateLimited: false };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, locale: true, status: true, organisationId: true },
  });
  if (!user || user.status !== 'active') return { rateLimited: false };

  const token = generateToken();
  const message = await passwordResetEmail(user.locale, user.email, {
    url: `${appOrigin()}/reset-password/${token}`,
  });
  await db.$transaction(async (tx) => {
    await tx.passwordReset.create({
      data: {
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt: new Date(Date.now() + RESET_VALID_MS),
      },
    });
    await queueEmail(tx, message);
    await writeAudit(tx, {
      action: 'password_reset_requested',
      actorId: user.id,
      organisationId: user.organisationId,
      ip: meta.ip,
    });
  });
  return { rateLimited: false };
}

export type ResetLinkState = 'valid' | 'expired' | 'used' | 'invalid';

async function findReset(token: string) {
  return db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { status: true, email: true, name: true } },
    },
  });
}

function stateOf(reset: Awaited<ReturnType<typeof findReset>>): ResetLinkState {
  if (!reset || reset.user.status !== 'active') return 'invalid';
  if (reset.usedAt) return 'used';
  if (reset.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'valid';
}

export async function resetLinkState(token: string): Promise<ResetLinkState> {
  return stateOf(await findReset(token));
}

/** Sets the new password, ends every other session, lifts a login lockout and logs the user in. */
export async function completePasswordReset(
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<
  | { status: Exclude<ResetLinkState, 'valid'> }
  | { status: 'weak'; problem: PasswordProblem }
  | { status: 'ok'; token: string; expiresAt: Date; persistent: boolean }
  | { status: 'second_step'; token: string; maxAgeSeconds: number }
> {
  const reset = await findReset(token);
  const state = stateOf(reset);
  if (state !== 'valid' || !reset) return { status: state === 'valid' ? 'invalid' : state };
  const problem = passwordProblem(password, reset.user);
  if (problem) return { status: 'weak', problem };
  const passwordHash = await hashPassword(password);
  const claimed = await db.$transaction(async (tx) => {
    // Claim the link first: of two simultaneous submissions only one gets here.
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count === 0) return false;
    const user = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash },
      select: { organisationId: true },
    });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await writeAudit(tx, {
      action: 'password_reset',
      actorId: reset.userId,
      organisationId: user.organisationId,
      ip: meta.ip,
    });
    return true;
  });
  if (!claimed) return { status: 'used' };
  await clearAccountLimits(reset.user.email);
  // The link proves the mailbox, not the phone: a member with a second factor still gives a code.
  if (await hasSecondFactor(reset.userId))
    return { status: 'second_step', ...(await startSecondStep(reset.userId, false)) };
  const session = await createSession(reset.userId, meta);
  return { status: 'ok', ...session };
}
