import { notFound, requirePermission } from '~/auth/guards.server';
import { findSupportPoint } from '~/domain/support-points/support-points.server';

/**
 * A member who may keep help times (roster:manage), at an open point; anything else is the
 * not-found page. Which slots of the point are theirs is the command's check (mayManageSlot).
 */
export async function requireSlotKeeper(request: Request, slug: string | undefined) {
  const { user } = await requirePermission(request, 'roster:manage');
  const point = await findSupportPoint(slug ?? '', false);
  if (!point) throw notFound();
  return { user, point };
}
