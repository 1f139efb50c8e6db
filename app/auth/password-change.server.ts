import { z } from 'zod';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import type { AuthUser } from './guards.server';
import { newPasswordFields, passwordsMatch, passwordsMatchError } from './schemas.server';
import { passwordProblem } from './password-policy.server';
import { hashPassword, verifyPassword } from './password.server';
import { refuse, type Refusal, type Result } from '~/utils/result';
import { hitLimit, tooMany } from './limits.server';
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

/**
 * The current password asked again before a change to how the member signs in. Someone at an
 * unattended, logged-in computer must not be able to guess it: a few tries per quarter hour
 * (LIMITS['password-recheck']).
 */
export async function recheckPassword(userId: string, typed: string): Promise<Refusal | null> {
  const limit = await hitLimit('password-recheck', userId);
  if (!limit.allowed) return tooMany(limit, 'profile:security.rateLimited', 'currentPassword');
  const stored = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, typed)))
    return refuse('profile:security.wrongCurrent', { field: 'currentPassword' });
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
): Promise<Result<{ endedSessions: number }>> {
  const refused = await recheckPassword(user.id, input.currentPassword);
  if (refused) return refused;
  const problem = passwordProblem(input.password, user);
  if (problem) return refuse(problem, { field: 'password' });
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
