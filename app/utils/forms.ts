import { z } from 'zod';

/** A field error as an i18n key plus values for interpolation; the page translates it. */
export type FieldError = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;
export type FormValues = Record<string, string | string[]>;
export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues };

// Characters PostgreSQL text cannot hold (NUL) or that have no business in a form field.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAKS = /[\r\n]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Single-line text: trimmed, required unless `optional`, bounded, no control characters. */
export function text({ max, min = 1 }: { max: number; min?: number }) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(min, { error: min <= 1 ? 'validation.required' : 'validation.tooShort' })
    .max(max, { error: 'validation.tooLong' })
    .refine((s) => !CONTROL_CHARS.test(s) && !LINE_BREAKS.test(s), { error: 'validation.invalidCharacters' });
}

/** What a textarea holds: like text(), but line breaks and tabs are kept (CRLF read as LF). */
export function multilineText({ max, min = 1 }: { max: number; min?: number }) {
  return z
    .string({ error: 'validation.required' })
    .transform((s) => s.replace(/\r\n?/g, '\n'))
    .pipe(
      z
        .string()
        .trim()
        .min(min, { error: min <= 1 ? 'validation.required' : 'validation.tooShort' })
        .max(max, { error: 'validation.tooLong' })
        .refine((s) => !CONTROL_CHARS.test(s), { error: 'validation.invalidCharacters' }),
    );
}

export function email() {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'validation.required' })
    .max(254, { error: 'validation.tooLong' })
    .pipe(z.email({ error: 'validation.email' }));
}

/**
 * What someone typed into a search box: control characters (a NUL, which PostgreSQL text
 * cannot hold) dropped, trimmed, cut to `max`; never an error, a search box has no wrong input.
 */
export function searchText(max = 100) {
  return z
    .string()
    .transform((s) =>
      // Cut by characters, not UTF-16 units, and drop halves of a pair: the database takes only whole ones.
      Array.from(s.replace(new RegExp(CONTROL_CHARS.source, 'g'), '').replace(LONE_SURROGATE, '').trim())
        .slice(0, max)
        .join('')
        .trim(),
    )
    .catch('');
}

/** Checkbox groups and multi-selects: one value arrives as a string, several as an array. */
export function list<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/**
 * Free tags typed as "banking, strong identification": lower-cased, trimmed, without repeats,
 * at most 10 of at most 40 characters; the errors come from the area's namespace.
 */
export function tagList(namespace: 'forum' | 'library') {
  return z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((t) => t.trim().toLowerCase())
            .filter(Boolean)
        : [],
    z
      .array(z.string().max(40, { error: `${namespace}:errors.tagTooLong` }))
      .max(10, { error: `${namespace}:errors.tooManyTags` })
      .transform((tags) => [...new Set(tags)]),
  );
}

export function fieldError(
  field: string,
  key: string,
  values?: Record<string, string | number>,
): FieldErrors {
  return { [field]: { key, values } };
}
