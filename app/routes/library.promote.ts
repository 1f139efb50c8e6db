import { type ActionFunctionArgs } from '@remix-run/node';
import { notFound, requirePermission } from '~/auth/guards.server';
import { promoteForumPost } from '~/domain/library/materials.server';
import { isUuid } from '~/utils/ids';
import { readForm, refused } from '~/utils/forms.server';
import { redirectDone } from '~/utils/done-cookie.server';

/** A trainer turns a forum answer into a new library draft and continues editing it there. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'library:manage');
  const postId = String((await readForm(request)).get('postId') ?? '');
  if (!isUuid(postId)) throw notFound();
  const result = await promoteForumPost(user, postId);
  if (!result.ok) return refused(result);
  return redirectDone(`/library/${result.slug}/edit`, 'library:edit.created');
}

export function loader() {
  throw notFound();
}
