import { notFound, requirePermission } from '~/auth/guards.server';
import { findMaterial } from './queries.server';

/**
 * The material at /library/<slug> for a reader (library:read) or an editor (library:manage);
 * 404 when it does not exist or is not for them. Every material route starts here.
 */
export async function requireMaterial(
  request: Request,
  slug: string | undefined,
  permission: 'library:read' | 'library:manage' = 'library:read',
) {
  const { user } = await requirePermission(request, permission);
  const material = await findMaterial(user, slug ?? '');
  if (!material) throw notFound();
  return { user, material };
}
