// Zod schemas of the e-service catalogue's and the briefings' forms (actions only).
import { z } from 'zod';
import { ROLE_KEYS } from '~/auth/roles';
import { LANGUAGES } from '~/i18n/config';
import { list, multilineText, optionalMultilineText, optionalText, text } from '~/utils/forms.server';
import { BRIEFING_AUDIENCES, ESERVICE_STATUSES } from './constants';

const optionalHttps = z
  .string()
  .trim()
  .max(500, { error: 'validation.tooLong' })
  .refine((v) => v === '' || (/^https:\/\//.test(v) && URL.canParse(v)), { error: 'briefings:errors.link' })
  .default('');

export const EServiceSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'briefings:errors.slug' })
    .max(60, { error: 'validation.tooLong' }),
  nameFi: text({ max: 120 }),
  nameSv: optionalText(120),
  nameEn: optionalText(120),
  helpFi: optionalMultilineText(3000),
  helpSv: optionalMultilineText(3000),
  helpEn: optionalMultilineText(3000),
  owner: optionalText(200),
  status: z.enum(ESERVICE_STATUSES, { error: 'validation.required' }),
  launchDate: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
      error: 'briefings:errors.date',
    }),
  publicUrl: optionalHttps,
  /** Contact people by e-mail address, one per line or separated by commas. */
  contacts: z
    .string()
    .default('')
    .transform((raw) => [
      ...new Set(
        raw
          .split(/[\s,;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ]),
});
export type EServiceInput = z.infer<typeof EServiceSchema>;

const audienceFields = {
  audience: z.enum(BRIEFING_AUDIENCES, { error: 'validation.required' }),
  audienceOrgIds: list(z.uuid()),
  audienceRoles: list(z.enum(ROLE_KEYS)),
};

export const BriefingSchema = z.object({
  eserviceId: z.uuid({ error: 'briefings:errors.eservice' }),
  language: z.enum(LANGUAGES, { error: 'validation.required' }),
  title: text({ max: 200 }),
  forWhom: optionalMultilineText(500),
  body: z.string().max(2_000_000, { error: 'briefings:errors.bodyTooLong' }).optional(),
  bodyText: z.string().max(2_000_000, { error: 'briefings:errors.bodyTooLong' }).optional(),
  knownProblems: optionalMultilineText(5000),
  adviceToResidents: optionalMultilineText(5000),
  /** <input type="datetime-local">: a Helsinki wall-clock time. */
  launchAt: z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'briefings:errors.launchAt' }),
  eventId: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ...audienceFields,
});
export type BriefingInput = z.infer<typeof BriefingSchema>;

export const PublishSchema = z.object({ changeNote: optionalText(300) });

export const QuestionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('ask'), question: multilineText({ max: 2000 }) }),
  z.object({ intent: z.literal('answer'), questionId: z.uuid(), answer: multilineText({ max: 3000 }) }),
  z.object({ intent: z.literal('faq'), questionId: z.uuid(), inFaq: z.enum(['true', 'false']) }),
]);
