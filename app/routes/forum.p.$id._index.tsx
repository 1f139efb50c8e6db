import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { notFound, requirePermission } from '~/auth/guards.server';
import { locatePost } from '~/domain/forum/threads.server';

/** A post's permanent address: it stays right when the thread grows pages or is merged. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const location = await locatePost(user, params.id ?? '');
  if (!location) throw notFound();
  const page = location.page > 1 ? `?page=${location.page}` : '';
  throw redirect(`/forum/t/${location.threadId}${page}#post-${location.postId}`);
}
