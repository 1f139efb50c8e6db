import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { notFound, requireUser } from '~/auth/guards.server';
import { openNotification } from '~/domain/notifications/notifications.server';
import { safeRedirectPath } from '~/utils/http';

/** Following a notification marks it read and goes where it points. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = await openNotification(user, params.id ?? '');
  if (!url) throw notFound();
  throw redirect(safeRedirectPath(url, '/notifications'));
}
