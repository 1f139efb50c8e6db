import { z } from 'zod';
import { ROLE_KEYS } from '~/auth/roles';
import { LANGUAGES } from '~/i18n/config';
import { email, list, searchText, text } from '~/utils/forms.server';
import { ADVISE_LANGUAGES } from './advise-languages';
import { MEMBER_STATUSES } from './constants';
import { DIRECTORY_FIELDS, KNOWN_DEVICES, KNOWN_TOPICS } from '~/domain/people/constants';

// What the member administration and the member's own profile pages accept.

// Unknown filter values are ignored rather than refused: a stale bookmark still opens.
export const MemberFilterSchema = z.object({
  organisationId: z.uuid().optional().catch(undefined),
  role: z.enum(ROLE_KEYS).optional().catch(undefined),
  status: z.enum(MEMBER_STATUSES).optional().catch(undefined),
  q: searchText(100).transform((s) => s || undefined),
});

export const WithdrawInviteSchema = z.object({ intent: z.literal('withdraw-invite'), inviteId: z.string() });

export const InviteSchema = z.object({
  email: email(),
  organisationId: z.uuid({ error: 'validation.required' }),
  roles: list(z.enum(ROLE_KEYS, { error: 'validation.invalid' })).refine((roles) => roles.length > 0, {
    error: 'members:invite.errors.noRole',
  }),
  locale: z.enum(LANGUAGES, { error: 'validation.required' }),
});

export const MemberActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('deactivate') }),
  z.object({ intent: z.literal('reactivate') }),
  z.object({ intent: z.literal('give-role'), role: z.enum(ROLE_KEYS, { error: 'validation.required' }) }),
  z.object({ intent: z.literal('remove-role'), role: z.enum(ROLE_KEYS, { error: 'validation.required' }) }),
  z.object({ intent: z.literal('reset-two-factor') }),
]);

export const ProfileSchema = z.object({
  name: text({ max: 100 }),
  locale: z.enum(LANGUAGES, { error: 'validation.invalid' }),
  adviseLanguages: list(z.enum(ADVISE_LANGUAGES, { error: 'validation.invalid' })),
  supportPointIds: list(z.uuid({ error: 'validation.invalid' })).refine((ids) => ids.length <= 20, {
    error: 'profile:errors.tooManyPoints',
  }),
  // The member directory (issue 21): optional, shown as the member chooses.
  phone: z
    .string({ error: 'validation.invalid' })
    .trim()
    .max(30, { error: 'validation.tooLong' })
    .regex(/^[+0-9 ()-]*$/, { error: 'profile:errors.phone' })
    .default(''),
  knowDevices: list(z.enum(KNOWN_DEVICES as [string, ...string[]], { error: 'validation.invalid' })),
  knowTopics: list(z.enum(KNOWN_TOPICS as [string, ...string[]], { error: 'validation.invalid' })),
  directoryShows: list(z.enum(DIRECTORY_FIELDS, { error: 'validation.invalid' })),
});

export const RevokeSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('revoke'), sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal('revoke-others') }),
]);
