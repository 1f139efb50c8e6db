// Zod schemas of the roster's forms (actions only).
import { z } from 'zod';
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';
import { list, optionalMultilineText, optionalText, text } from '~/utils/forms.server';
import { BRING_ITEMS, SLOT_TOPICS } from './constants';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A calendar day as a date input sends it, or as a Finn writes it (6.12.2026). */
export function readDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : finnish ? [finnish[3], finnish[2], finnish[1]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day ? null : day;
}

const requiredDay = () =>
  text({ max: 20 }).transform((value, ctx) => {
    const read = readDay(value);
    if (!read) ctx.addIssue({ code: 'custom', message: 'roster:errors.date' });
    return read ?? '';
  });

const optionalDay = () =>
  optionalText(20).transform((value, ctx) => {
    if (!value) return null;
    const read = readDay(value);
    if (!read) ctx.addIssue({ code: 'custom', message: 'roster:errors.date' });
    return read;
  });

export const SlotSchema = z
  .object({
    weekdays: list(z.enum(['1', '2', '3', '4', '5', '6', '7'], { error: 'validation.invalid' }))
      .refine((days) => days.length > 0, { error: 'roster:errors.weekdays' })
      .transform((days) => [...new Set(days.map(Number))].sort()),
    startsAt: z.string().trim().regex(TIME, { error: 'roster:errors.time' }),
    endsAt: z.string().trim().regex(TIME, { error: 'roster:errors.time' }),
    validFrom: requiredDay(),
    validUntil: optionalDay(),
    // One day a line: holidays, closures.
    exceptions: optionalMultilineText(2000).transform((value, ctx) => {
      const days: string[] = [];
      for (const line of value
        .split(/[\n,;]+/)
        .map((l) => l.trim())
        .filter(Boolean)) {
        const read = readDay(line);
        if (!read) {
          ctx.addIssue({ code: 'custom', message: 'roster:errors.exception' });
          return [];
        }
        days.push(read);
      }
      return [...new Set(days)].sort();
    }),
    languages: list(z.enum(ADVISE_LANGUAGES, { error: 'validation.invalid' })).refine((l) => l.length > 0, {
      error: 'roster:errors.languages',
    }),
    topics: list(z.enum(SLOT_TOPICS, { error: 'validation.invalid' })),
    needed: z.coerce
      .number({ error: 'roster:errors.needed' })
      .int({ error: 'roster:errors.needed' })
      .min(1, { error: 'roster:errors.needed' })
      .max(20, { error: 'roster:errors.needed' }),
    organisationId: z
      .uuid({ error: 'validation.invalid' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .superRefine((slot, ctx) => {
    if (slot.startsAt && slot.endsAt && slot.endsAt <= slot.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'roster:errors.endsBeforeStart' });
    if (slot.validFrom && slot.validUntil && slot.validUntil < slot.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'roster:errors.untilBeforeFrom' });
  });
export type SlotInput = z.infer<typeof SlotSchema>;

export const SignUpSchema = z.object({
  slot: z.uuid({ error: 'validation.invalid' }),
  date: requiredDay(),
  repeat: z.enum(['once', 'weekly'], { error: 'validation.required' }),
  until: optionalDay(),
});

export const CancelShiftSchema = z.object({
  reason: optionalMultilineText(500).refine((r) => r.length > 0, { error: 'roster:errors.reason' }),
});

export const OfferShiftSchema = z.object({
  note: optionalMultilineText(500),
});

/** My shifts' row buttons: take an offered shift, take back one's own offer. */
export const ShiftRowSchema = z.object({
  intent: z.enum(['take', 'withdraw'], { error: 'validation.invalid' }),
  shiftId: z.string().min(1, { error: 'validation.invalid' }),
});

/** "Ask advisers" on the list of help times that lack them. */
export const AskSchema = z.object({
  slotId: z.string().min(1, { error: 'validation.invalid' }),
  date: requiredDay(),
});

/** A referral slip: one destination (a point, an e-service or another place written out). */
export const ReferralSchema = z
  .object({
    toKind: z.enum(['point', 'eservice', 'other'], { error: 'validation.required' }),
    toPoint: optionalText(100),
    toEservice: optionalText(100),
    toOther: optionalMultilineText(300),
    fromPoint: z
      .uuid({ error: 'validation.invalid' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    language: z.enum(['fi', 'sv', 'en'], { error: 'validation.required' }),
    bring: list(z.enum(BRING_ITEMS, { error: 'validation.invalid' })),
    bringOther: optionalText(200),
  })
  .superRefine((r, ctx) => {
    const needed = { point: 'toPoint', eservice: 'toEservice', other: 'toOther' } as const;
    const field = needed[r.toKind];
    if (!r[field])
      ctx.addIssue({ code: 'custom', path: [field], message: 'roster:referral.errors.destination' });
  });
export type ReferralInput = z.infer<typeof ReferralSchema>;
