import { json } from '@remix-run/node';
import { z } from 'zod';

/** A field error as an i18n key plus values for interpolation; the page translates it. */
export type FieldError = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;
export type FormValues = Record<string, string | string[]>;
export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues };

// Characters PostgreSQL text cannot hold (NUL) or that have no business in a form field.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAKS = /[\r\n]/;

/** Single-line text: trimmed, required unless `optional`, bounded, no control characters. */
export function text({ max, min = 1 }: { max: number; min?: number }) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(min, { error: min <= 1 ? 'validation.required' : 'validation.tooShort' })
    .max(max, { error: 'validation.tooLong' })
    .refine((s) => !CONTROL_CHARS.test(s) && !LINE_BREAKS.test(s), { error: 'validation.invalidCharacters' });
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

/** Checkbox groups and multi-selects: one value arrives as a string, several as an array. */
export function list<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    values[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return values;
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  if (issue.message.startsWith('validation.') || issue.message.includes(':')) {
    const values: Record<string, number> = {};
    if ('maximum' in issue) values.max = Number(issue.maximum);
    if ('minimum' in issue) values.min = Number(issue.minimum);
    return { key: issue.message, values };
  }
  return { key: 'validation.invalid' };
}

/** Parses a form with one zod schema; failures keep what the user typed (passwords excepted). */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.infer<S>; values: FormValues } | FormFailure {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values: withoutSecrets(values) };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= toFieldError(issue);
  }
  return { ok: false, errors, values: withoutSecrets(values) };
}

function withoutSecrets(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}

/** The one way an action answers bad input: 400 with field errors and the typed values. */
export function invalid(errors: FieldErrors, values: FormValues = {}, init?: ResponseInit) {
  return json({ ok: false as const, errors, values: withoutSecrets(values) }, { status: 400, ...init });
}

export function fieldError(
  field: string,
  key: string,
  values?: Record<string, string | number>,
): FieldErrors {
  return { [field]: { key, values } };
}
