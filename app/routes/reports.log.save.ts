import { json, type ActionFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth/guards.server';
import { submitEntry } from '~/domain/guidance/submit.server';
import { doneCookieFor } from '~/utils/done-cookie.server';
import { readForm } from '~/utils/forms.server';

/**
 * The guidance form's script posts here and reads JSON, so a failed or lost answer can be
 * retried without leaving the page (a page action would answer with a whole document).
 */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'guidance:log');
  const form = await readForm(request);
  const id = String(form.get('sessionId') ?? '') || null;
  const result = await submitEntry(user, form, id);
  if (result.ok) {
    // A new entry's page shows its feedback code, so the address names it; an edit says "Saved".
    if (!id) return json({ ok: true as const, id: result.id, redirectTo: `/reports/log?saved=${result.id}` });
    return json(
      { ok: true as const, id: result.id, redirectTo: `/reports/log/${result.id}` },
      { headers: { 'Set-Cookie': await doneCookieFor('reports:entry.saved') } },
    );
  }
  // Someone else's entry, or one past its 14 days, is not there for this adviser.
  const errors = result.status === 404 ? { form: { key: 'reports:errors.notEditable' } } : result.errors;
  const wait = result.retryAfterSeconds;
  return json(
    { ok: false as const, errors },
    { status: result.status ?? 400, headers: wait ? { 'Retry-After': String(wait) } : undefined },
  );
}
