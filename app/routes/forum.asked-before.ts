import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { notFound, requirePermission } from '~/auth/guards.server';
import { countOpened, isSuggestedPath, openedSuggestion } from '~/domain/forum/similar-questions.server';

// A similar question opened from a new question's page: counted, then shown.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'forum:use');
  const to = new URL(request.url).searchParams.get('to') ?? '';
  if (!isSuggestedPath(to)) throw notFound();
  await countOpened();
  return redirect(to, { headers: { 'Set-Cookie': await openedSuggestion.serialize('1') } });
}
