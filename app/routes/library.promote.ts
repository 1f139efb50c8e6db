import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { notFound, requirePermission } from '~/auth/guards.server';
import { promoteForumPost } from '~/domain/library/materials.server';
import { isUuid } from '~/utils/ids';
import { readForm } from '~/utils/forms.server';

/** A trainer turns a forum answer into a new library draft and continues editing it there. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'library:manage');
  const postId = String((await readForm(request)).get('postId') ?? '');
  const result = isUuid(postId) ? await promoteForumPost(user, postId) : null;
  if (!result?.ok) throw notFound();
  return redirect(`/library/${result.slug}/edit?created=1`);
}

export function loader() {
  throw notFound();
}
