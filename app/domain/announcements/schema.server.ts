import { z } from 'zod';
import { ROLE_KEYS } from '~/auth/roles';
import { LANGUAGES } from '~/i18n/config';
import { list, text } from '~/utils/forms.server';

const audience = {
  audience: z.enum(['all', 'organisations', 'roles'], { error: 'validation.required' }),
  audienceOrgIds: list(z.uuid()),
  audienceRoles: list(z.enum(ROLE_KEYS)),
};

export const AnnouncementSchema = z
  .object({
    title: text({ max: 200 }),
    body: z
      .string()
      .trim()
      .min(1, { error: 'validation.required' })
      .max(5000, { error: 'validation.tooLong' }),
    language: z.enum(LANGUAGES, { error: 'validation.required' }),
    ...audience,
  })
  .refine((a) => a.audience !== 'organisations' || a.audienceOrgIds.length > 0, {
    path: ['audienceOrgIds'],
    error: 'events:errors.audienceOrgs',
    when: (payload) => z.object(audience).safeParse(payload.value).success,
  })
  .refine((a) => a.audience !== 'roles' || a.audienceRoles.length > 0, {
    path: ['audienceRoles'],
    error: 'events:errors.audienceRoles',
    when: (payload) => z.object(audience).safeParse(payload.value).success,
  });
