// Zod schemas of the field-feedback forms (actions only).
import { z } from 'zod';
import { multilineText, optionalMultilineText, optionalText } from '~/utils/forms.server';
import { FEEDBACK_DEVICES, FEEDBACK_STATUSES, FREQUENCIES, SEVERITIES } from './constants';

export const FeedbackSchema = z.object({
  whatHappened: multilineText({ max: 3000 }),
  step: optionalText(300),
  device: z.enum(FEEDBACK_DEVICES, { error: 'feedback:errors.device' }),
  os: optionalText(100),
  frequency: z.enum(FREQUENCIES, { error: 'feedback:errors.frequency' }),
  severity: z.enum(SEVERITIES, { error: 'feedback:errors.severity' }),
  briefingId: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type FeedbackInput = z.infer<typeof FeedbackSchema>;

export const RespondSchema = z.object({
  intent: z.literal('respond'),
  body: optionalMultilineText(3000),
  status: z.enum(FEEDBACK_STATUSES, { error: 'validation.invalid' }),
});
export type RespondInput = z.infer<typeof RespondSchema>;

export const QueueSchema = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional().catch(undefined),
  sort: z.enum(['newest', 'top']).catch('newest'),
});
