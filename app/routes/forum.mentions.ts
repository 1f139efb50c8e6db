import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth/guards.server';
import { mentionCandidates } from '~/domain/forum/mentions.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'forum:use');
  const q = new URL(request.url).searchParams.get('q') ?? '';
  return json({ members: await mentionCandidates(q) }, { headers: { 'Cache-Control': 'private, no-store' } });
}
