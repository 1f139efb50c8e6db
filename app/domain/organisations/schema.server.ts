import { z } from 'zod';
import { text } from '~/utils/forms.server';
import { ORGANISATION_KIND_VALUES } from './constants';

export const OrganisationSchema = z.object({
  name: text({ max: 120, min: 2 }),
  kind: z.enum(ORGANISATION_KIND_VALUES, { error: 'validation.required' }),
  active: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});
