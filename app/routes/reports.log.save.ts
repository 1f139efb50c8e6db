import { json, type ActionFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth/guards.server';
import { submitEntry } from '~/domain/guidance/submit.server';
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
    return json({
      ok: true as const,
      id: result.id,
      redirectTo: id ? `/reports/log/${result.id}?saved=1` : `/reports/log?saved=${result.id}`,
    });
  }
  // Someone else's entry, or one past its 14 days, is not there for this adviser.
  const errors = result.status === 404 ? { form: { key: 'reports:errors.notEditable' } } : result.errors;
  return json({ ok: false as const, errors }, { status: result.status });
}
