import { z } from 'zod';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import type { FieldErrors } from '~/utils/forms';
import type { AuthUser } from './guards.server';
import { newPasswordFields, passwordsMatch, passwordsMatchError } from './schemas.server';
import { passwordProblem } from './password-policy.server';
import { hashPassword, verifyPassword } from './password.server';
import { hitRateLimit } from './rate-limit.server';
import type { RequestMeta } from './request-meta.server';

export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'validation.required' })
      .min(1, { error: 'validation.required' })
      .max(1024, { error: 'validation.tooLong' }),
    ...newPasswordFields,
  })
  .refine(passwordsMatch, passwordsMatchError);

// Someone at an unattended, logged-in computer must not be able to guess the current password:
// changing it, or the second factor, asks for it, five tries per 15 minutes between them.
const RECHECK_LIMIT = { limit: 5, windowMs: 15 * 60 * 1000 };

/** The current password asked again before a change to how the member signs in. */
export async function recheckPassword(
  userId: string,
  typed: string,
): Promise<{ ok: false; errors: FieldErrors; status: number } | null> {
  const limit = await hitRateLimit(`password-recheck:${userId}`, RECHECK_LIMIT.limit, RECHECK_LIMIT.windowMs);
  if (!limit.allowed)
    return {
      ok: false,
      status: 429,
      errors: {
        currentPassword: {
          key: 'profile:security.rateLimited',
          values: { minutes: Math.ceil(limit.retryAfterSeconds / 60) },
        },
      },
    };
  const stored = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, typed)))
    return { ok: false, status: 400, errors: { currentPassword: { key: 'profile:security.wrongCurrent' } } };
  return null;
}

/**
 * A logged-in member sets a new password: the current one first, the same rules as every new
 * password, then every other session of theirs ends (a device someone else holds is logged out).
 */
export async function changePassword(
  user: Pick<AuthUser, 'id' | 'email' | 'name' | 'organisationId' | 'sessionId'>,
  input: z.infer<typeof ChangePasswordSchema>,
  meta: RequestMeta,
): Promise<{ ok: true; endedSessions: number } | { ok: false; errors: FieldErrors; status: number }> {
  const refused = await recheckPassword(user.id, input.currentPassword);
  if (refused) return refused;
  const problem = passwordProblem(input.password, user);
  if (problem) return { ok: false, status: 400, errors: { password: { key: problem } } };
  const passwordHash = await hashPassword(input.password);
  const endedSessions = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({
      where: { userId: user.id, id: { not: user.sessionId } },
    });
    await writeAudit(tx, {
      action: 'password_changed',
      actorId: user.id,
      organisationId: user.organisationId,
      ip: meta.ip,
      details: { endedSessions: count },
    });
    return count;
  });
  return { ok: true, endedSessions };
}
