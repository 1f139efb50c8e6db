import { z } from 'zod';
import { hitLimit, tooMany } from '~/auth/limits.server';
import type { Result } from '~/utils/result';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db } from '~/db.server';
import { appOrigin } from '~/env.server';
import { queueEmail } from '~/domain/mail/outbox.server';
import { accessibilityFeedbackEmail } from '~/domain/mail/templates.server';
import { multilineText, searchText } from '~/utils/forms.server';
import { holdsRole } from '~/auth/roles.server';

/** Who reads accessibility feedback and answers it within 14 days (Act 306/2019, section 15). */
const ANSWERED_BY = 'coordinator';

export const AccessibilityFeedbackSchema = z.object({
  message: multilineText({ max: 4000 }),
  // Optional: an answer needs an address, but feedback without one is still worth reading.
  contact: z
    .string()
    .trim()
    .max(254, { error: 'validation.tooLong' })
    .refine((s) => s === '' || z.email().safeParse(s).success, { error: 'validation.email' })
    .optional()
    .default(''),
  page: searchText(300).optional().default(''),
});
export type AccessibilityFeedback = z.infer<typeof AccessibilityFeedbackSchema>;

/**
 * Sends the feedback to every active coordinator, each in their own language, through the mail
 * queue (queued in the same transaction, so it survives an SMTP outage). Refused, with the
 * wait, when the sender's address has sent too much in the last hour.
 */
export async function sendAccessibilityFeedback(
  feedback: AccessibilityFeedback,
  meta: RequestMeta,
): Promise<Result<{ recipients: number }>> {
  // Anyone may write, logged in or not: a limit per address keeps the coordinators' inboxes usable.
  const limit = await hitLimit('accessibility-feedback', meta.ip);
  if (!limit.allowed) return tooMany(limit, 'accessibility:rateLimited');
  return db.$transaction(async (tx) => {
    const coordinators = await tx.user.findMany({
      where: { status: 'active', ...holdsRole(ANSWERED_BY) },
      select: { email: true, locale: true },
    });
    for (const c of coordinators) {
      await queueEmail(
        tx,
        await accessibilityFeedbackEmail(c.locale, c.email, { ...feedback, origin: appOrigin() }),
      );
    }
    return { ok: true as const, recipients: coordinators.length };
  });
}
