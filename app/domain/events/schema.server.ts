// Zod schemas of the events area's forms (actions only; zod stays out of reading pages).
import { z } from 'zod';
import { ROLE_KEYS } from '~/auth/roles';
import { list, optionalMultilineText, optionalText } from '~/utils/forms.server';
import { EVENT_AUDIENCES, EVENT_TYPES, PLACE_KINDS, REMINDER_CHOICES, RSVP_CHOICES } from './constants';

/** <input type="datetime-local">: a Helsinki wall-clock time. */
const localDateTime = z
  .string({ error: 'validation.required' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'events:errors.dateTime' });
const optionalLocalDateTime = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), { error: 'events:errors.dateTime' });

export const EventSchema = z.object({
  type: z.enum(EVENT_TYPES, { error: 'validation.required' }),
  titleFi: optionalText(200),
  titleSv: optionalText(200),
  titleEn: optionalText(200),
  descriptionFi: optionalMultilineText(5000),
  descriptionSv: optionalMultilineText(5000),
  descriptionEn: optionalMultilineText(5000),
  startsAt: localDateTime,
  endsAt: localDateTime,
  placeKind: z.enum(PLACE_KINDS, { error: 'validation.required' }),
  supportPointId: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  address: optionalText(300),
  joinUrl: z
    .string()
    .trim()
    .max(500, { error: 'validation.tooLong' })
    .refine((v) => v === '' || (/^https:\/\//.test(v) && URL.canParse(v)), { error: 'events:errors.joinUrl' })
    .default(''),
  capacity: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (/^\d{1,5}$/.test(v) && Number(v) >= 1), { error: 'events:errors.capacity' })
    .transform((v) => (v === '' ? null : Number(v))),
  rsvpDeadline: optionalLocalDateTime,
  audience: z.enum(EVENT_AUDIENCES, { error: 'validation.required' }),
  audienceOrgIds: list(z.uuid()),
  audienceRoles: list(z.enum(ROLE_KEYS)),
});
export type EventInput = z.infer<typeof EventSchema>;

/** A new event may repeat: every N weeks, M times in all (the first included). */
export const RepeatSchema = z.object({
  repeatWeeks: z
    .string()
    .default('')
    .refine((v) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 12), {
      error: 'events:errors.repeatWeeks',
    })
    .transform((v) => (v === '' ? null : Number(v))),
  repeatCount: z
    .string()
    .default('')
    .refine((v) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) >= 2 && Number(v) <= 26), {
      error: 'events:errors.repeatCount',
    })
    .transform((v) => (v === '' ? null : Number(v))),
});

/** Editing an occurrence of a series: only it, or it and the ones after it. */
export const ScopeSchema = z.object({ scope: z.enum(['this', 'following']).catch('this') });

export const RsvpSchema = z.object({ intent: z.literal('rsvp'), status: z.enum(RSVP_CHOICES) });
export const CancelSchema = z.object({
  intent: z.literal('cancel'),
  reason: z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .max(500, { error: 'validation.tooLong' }),
});
export const ReminderSchema = z.object({
  minutes: list(z.coerce.number().pipe(z.union(REMINDER_CHOICES.map((m) => z.literal(m))))),
});

export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .catch(undefined);

const optionalHttps = z
  .string()
  .trim()
  .max(500, { error: 'validation.tooLong' })
  .refine((v) => v === '' || (/^https:\/\//.test(v) && URL.canParse(v)), { error: 'events:errors.link' })
  .default('');

export const CheckInSchema = z.object({
  intent: z.enum(['check-in', 'undo-check-in']),
  userId: z.uuid(),
});

export const FollowUpSchema = z
  .object({
    intent: z.literal('follow-up'),
    minutesUrl: optionalHttps,
    slidesUrl: optionalHttps,
    recordingUrl: optionalHttps,
    note: optionalText(2000),
  })
  .refine((f) => f.minutesUrl || f.slidesUrl || f.recordingUrl || f.note, {
    path: ['minutesUrl'],
    error: 'events:errors.followUpEmpty',
  });

export const OrganiseSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.enum(['add-organiser', 'remove-organiser']), userId: z.uuid() }),
  z.object({ intent: z.enum(['link-material', 'unlink-material']), groupId: z.uuid() }),
]);
