import type { ActionFunctionArgs } from '@remix-run/node';
import { notFound, requirePermission } from '~/auth/guards.server';
import { writableEServiceIds } from '~/domain/briefings/access.server';
import { imageUploadAction } from '~/domain/uploads/image-upload.server';

/** Screenshots placed in a briefing: served only to those who may read a briefing showing them. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'briefings:read');
  const writable = await writableEServiceIds(user);
  if (writable !== 'all' && writable.length === 0) throw notFound();
  return imageUploadAction(request, user, 'briefing');
}
