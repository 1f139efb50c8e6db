// Zod schemas of the guidance log's forms and the resident's quick feedback (actions only).
import { z } from 'zod';
import { list, optionalMultilineText, optionalText } from '~/utils/forms.server';
import {
  AGE_GROUPS,
  CHANNELS,
  DEVICES,
  MAX_DURATION_MINUTES,
  OUTCOMES,
  RATINGS,
  SESSION_LANGUAGES,
  TOPICS,
} from './constants';

const optionalUuid = z
  .uuid({ error: 'validation.invalid' })
  .optional()
  .or(z.literal('').transform(() => undefined));

export const GuidanceSchema = z
  .object({
    idempotencyKey: z.uuid({ error: 'validation.invalid' }),
    date: z.iso.date({ error: 'reports:errors.date' }),
    supportPointId: optionalUuid,
    device: z.enum(DEVICES, { error: 'reports:errors.device' }),
    topics: list(z.enum(TOPICS, { error: 'validation.invalid' })).refine((t) => t.length > 0, {
      error: 'reports:errors.topics',
    }),
    eserviceId: optionalUuid,
    channel: z.enum(CHANNELS, { error: 'reports:errors.channel' }),
    serviceLevel: z.coerce
      .number({ error: 'reports:errors.serviceLevel' })
      .int({ error: 'reports:errors.serviceLevel' })
      .min(0, { error: 'reports:errors.serviceLevel' })
      .max(3, { error: 'reports:errors.serviceLevel' }),
    // An empty field reads as 0 minutes: the same error as any other length out of range.
    durationMinutes: z.coerce
      .number({ error: 'reports:errors.duration' })
      .int({ error: 'reports:errors.duration' })
      .min(1, { error: 'reports:errors.duration' })
      .max(MAX_DURATION_MINUTES, { error: 'reports:errors.duration' }),
    language: z.enum(SESSION_LANGUAGES, { error: 'reports:errors.language' }),
    ageGroup: z
      .enum(AGE_GROUPS, { error: 'validation.invalid' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    outcome: z.enum(OUTCOMES, { error: 'reports:errors.outcome' }),
    referredTo: optionalText(200),
    note: optionalMultilineText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'referred' && !v.referredTo)
      ctx.addIssue({ code: 'custom', path: ['referredTo'], message: 'reports:errors.referredTo' });
    if (v.channel === 'support_point' && !v.supportPointId)
      ctx.addIssue({ code: 'custom', path: ['supportPointId'], message: 'reports:errors.supportPoint' });
  });
export type GuidanceInput = z.infer<typeof GuidanceSchema>;

export const ResidentFeedbackSchema = z.object({
  rating: z.coerce
    .number({ error: 'reports:resident.errors.rating' })
    .int({ error: 'reports:resident.errors.rating' })
    .min(RATINGS[0], { error: 'reports:resident.errors.rating' })
    .max(RATINGS[RATINGS.length - 1]!, { error: 'reports:resident.errors.rating' }),
  comment: optionalMultilineText(1000),
});
export type ResidentFeedbackInput = z.infer<typeof ResidentFeedbackSchema>;
