import type { AuthUser } from '~/auth/guards.server';
import { hitLimit, tooMany } from '~/auth/limits.server';
import { refuseAll, type Result } from '~/utils/result';
import type { FormValues } from '~/utils/forms';
import { parseForm } from '~/utils/forms.server';
import { GuidanceSchema } from './schema.server';
import { logSession, updateSession } from './sessions.server';

// One path for a submitted entry, whether the page posted it (no JavaScript) or the form's
// script did (with retries): parse, limit, save.

/** Saved, or refused; either way with what was typed, for the form to show again. */
export type Submitted = Result<{ id: string }> & { values?: FormValues };

export async function submitEntry(adviser: AuthUser, form: FormData, id: string | null): Promise<Submitted> {
  const parsed = parseForm(GuidanceSchema, form);
  if (!parsed.ok) return { ...refuseAll(parsed.errors), values: parsed.values };
  const rate = await hitLimit('guidance', adviser.id);
  if (!rate.allowed) return { ...tooMany(rate, 'reports:errors.tooMany'), values: parsed.values };
  const result = id ? await updateSession(adviser, id, parsed.data) : await logSession(adviser, parsed.data);
  return { ...result, values: parsed.values };
}
