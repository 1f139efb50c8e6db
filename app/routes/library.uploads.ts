import type { ActionFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth/guards.server';
import { imageUploadAction } from '~/domain/uploads/image-upload.server';

/** Pictures placed in a material's text: kept with the library's permission rules. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'library:manage');
  return imageUploadAction(request, user, 'library');
}
