import type { ActionFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth/guards.server';
import { imageUploadAction } from '~/domain/uploads/image-upload.server';

/** Pictures placed in a forum post: any logged-in member may see them. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  return imageUploadAction(request, user, 'forum');
}
