import { json } from '@remix-run/node';
import { z } from 'zod';
import { notFound } from '~/auth/guards.server';
import { CONTROL_CHARS, type FieldError, type FieldErrors, type FormFailure, type FormValues } from './forms';
import type { Message, Refusal } from './result';

// Parsing a submitted form and answering bad input: used by actions only. A .server module, so
// a page's browser bundle does not carry zod just because its action parses a form.

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);
// Text PostgreSQL cannot store: a NUL, or half of a surrogate pair (not a character at all).
// eslint-disable-next-line no-control-regex -- a NUL is what is refused
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A form failure thrown from deep inside an action: the same shape every form answers with. */
function unreadable(status: number, errors: FieldErrors): Response {
  return json({ ok: false as const, errors, values: {} }, { status });
}

/**
 * The one way an action reads its body. Something no form of ours sends (JSON, plain text, a
 * broken multipart body, text the database cannot hold) is answered 415 or 400 with a
 * translated reason, and nothing after it runs.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) throw unreadable(415, { form: { key: 'errors.unreadableForm' } });
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw unreadable(400, { form: { key: 'errors.unreadableForm' } });
  }
  for (const [key, value] of formData) {
    if (typeof value === 'string' && UNSTORABLE.test(value))
      throw unreadable(400, { [key]: { key: 'validation.invalidCharacters' } });
    if (typeof value !== 'string' && UNSTORABLE.test(value.name))
      throw unreadable(400, { [key]: { key: 'validation.invalidCharacters' } });
  }
  return formData;
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
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|secret/i.test(key)));
}

/** The one way an action answers bad input: 400 with field errors and the typed values. */
export function invalid(errors: FieldErrors, values: FormValues = {}, init?: ResponseInit) {
  return json({ ok: false as const, errors, values: withoutSecrets(values) }, { status: 400, ...init });
}

/**
 * The one way an action answers a command's refusal (app/utils/result.ts): nothing there is
 * the 404 page; anything else is the form again with the messages by their fields, what was
 * typed, the refusal's status and, for a spent limit, `Retry-After`.
 */
export function refused(result: Refusal, values: FormValues = {}) {
  if (result.status === 404) throw notFound();
  const wait = result.retryAfterSeconds;
  return invalid(result.errors, values, {
    status: result.status ?? 400,
    headers: wait ? { 'Retry-After': String(wait) } : undefined,
  });
}

/**
 * The one way an action says it worked, on the same page: `message` (an i18n key, or a key with
 * values) for the page's `<DoneNotice />`, plus whatever else the page shows next. No message
 * where the page itself shows the change where the member is looking (an event's "You are
 * coming.", its cancelled banner).
 */
export function done<T extends object = object>(message?: string | Message, extra?: T, init?: ResponseInit) {
  const said = typeof message === 'string' ? { key: message } : message;
  return json({ ok: true as const, ...(said ? { message: said } : {}), ...extra }, init);
}

/**
 * Confirm before a destructive action (issue 15): a submit of `intent` without `confirmed=yes`
 * changes nothing and answers with a request to confirm, which the page shows as a
 * `ConfirmPanel` holding what was typed. Works without JavaScript: the confirmation is a page
 * of its own, the second submit carries `confirmed=yes`.
 */
export function confirmFirst(formData: FormData, intent: string): Response | null {
  if (formData.get('confirmed') === 'yes') return null;
  const values = withoutSecrets(formValues(formData));
  delete values.intent;
  delete values.confirmed;
  return json({ ok: false as const, errors: {}, values, confirm: intent });
}

/**
 * A one-button form on a list (`intent` and the id of the row it acts on): the id, or a 404
 * for anything else, since no page of ours sends another shape.
 */
export async function readRowAction(request: Request, intent: string, idField: string): Promise<string> {
  const form = await readForm(request);
  const id = form.get(idField);
  if (form.get('intent') !== intent || typeof id !== 'string') {
    throw new Response('Not Found', { status: 404 });
  }
  return id;
}

// Field builders for the areas' schemas (schema.server.ts files).

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

/** An optional single-line field: like text(), but empty or absent is ''. */
export function optionalText(max: number) {
  return text({ max, min: 0 }).default('');
}

/** An optional textarea: like multilineText(), but empty or absent is ''. */
export function optionalMultilineText(max: number) {
  return multilineText({ max, min: 0 }).default('');
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
