// Zod schema of the support-point form (actions only).
import { z } from 'zod';
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';
import { list, optionalMultilineText, searchText, text } from '~/utils/forms.server';
import { SUPPORT_POINT_KINDS } from './constants';
import { DISTRICT_KEYS } from './districts';

export const SupportPointSchema = z.object({
  name: text({ max: 120 }),
  slug: z
    .string()
    .trim()
    .max(60, { error: 'validation.tooLong' })
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, { error: 'supportPoints:errors.slug' })
    .default(''),
  kind: z.enum(SUPPORT_POINT_KINDS, { error: 'validation.required' }),
  address: text({ max: 200 }),
  district: z.enum(DISTRICT_KEYS as [string, ...string[]], { error: 'validation.required' }),
  hostOrganisationId: z
    .uuid({ error: 'validation.invalid' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  hoursFi: optionalMultilineText(500),
  hoursSv: optionalMultilineText(500),
  hoursEn: optionalMultilineText(500),
  accessibilityFi: optionalMultilineText(500),
  accessibilitySv: optionalMultilineText(500),
  accessibilityEn: optionalMultilineText(500),
  languages: list(z.enum(ADVISE_LANGUAGES, { error: 'validation.invalid' })),
  appointmentNeeded: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
  active: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
});
export type SupportPointInput = z.infer<typeof SupportPointSchema>;

export const DirectoryFilterSchema = z.object({
  q: searchText(100),
  kind: z.enum(SUPPORT_POINT_KINDS).optional().catch(undefined),
  district: searchText(80),
  language: z.enum(ADVISE_LANGUAGES).optional().catch(undefined),
});
export type DirectoryFilter = z.infer<typeof DirectoryFilterSchema>;
