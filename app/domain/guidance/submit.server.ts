import type { AuthUser } from '~/auth/guards.server';
import { hitRateLimit } from '~/auth/rate-limit.server';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { parseForm } from '~/utils/forms.server';
import { GuidanceSchema } from './schema.server';
import { logSession, updateSession } from './sessions.server';

// One path for a submitted entry, whether the page posted it (no JavaScript) or the form's
// script did (with retries): parse, limit, save.

export type Submitted =
  { ok: true; id: string } | { ok: false; status: 400 | 404 | 429; errors: FieldErrors; values: FormValues };

/** Far above what a person logs (one every ten seconds), far below what a runaway script sends. */
const LIMIT = { hits: 60, windowMs: 10 * 60_000 };

export async function submitEntry(adviser: AuthUser, form: FormData, id: string | null): Promise<Submitted> {
  const parsed = parseForm(GuidanceSchema, form);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values: parsed.values };
  const rate = await hitRateLimit(`guidance:${adviser.id}`, LIMIT.hits, LIMIT.windowMs);
  if (!rate.allowed) {
    return {
      ok: false,
      status: 429,
      errors: { form: { key: 'reports:errors.tooMany', values: { seconds: rate.retryAfterSeconds } } },
      values: parsed.values,
    };
  }
  const result = id ? await updateSession(adviser, id, parsed.data) : await logSession(adviser, parsed.data);
  if (!result) return { ok: false, status: 404, errors: {}, values: parsed.values };
  if (!result.ok) return { ok: false, status: 400, errors: result.errors, values: parsed.values };
  return { ok: true, id: result.id };
}
