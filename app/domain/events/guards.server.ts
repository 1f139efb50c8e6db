import { notFound, requirePermission } from '~/auth/guards.server';
import { editable, findEvent } from './queries.server';

/**
 * The event at /events/<id> for a member of its audience, or (`organiser`) for someone who may
 * change it; 404 otherwise. Every event route starts here.
 */
export async function requireEvent(
  request: Request,
  id: string | undefined,
  as: 'reader' | 'organiser' = 'reader',
) {
  const { user } = await requirePermission(request, 'events:read');
  const event = await findEvent(user, id ?? '');
  if (!event || (as === 'organiser' && !editable(user, event))) throw notFound();
  return { user, event };
}
