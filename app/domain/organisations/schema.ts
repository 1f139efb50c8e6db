import { z } from 'zod';
import { text } from '~/utils/forms';

export const ORGANISATION_KIND_VALUES = ['city_unit', 'association', 'company', 'education'] as const;

export const OrganisationSchema = z.object({
  name: text({ max: 120, min: 2 }),
  kind: z.enum(ORGANISATION_KIND_VALUES, { error: 'validation.required' }),
  active: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});
