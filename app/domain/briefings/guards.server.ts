import { notFound, requirePermission } from '~/auth/guards.server';
import { canWriteFor } from './access.server';
import { findBriefing } from './queries.server';

/**
 * The briefing at /briefings/<id> for a member of its audience, or (`writer`) for someone who may
 * write it (a contact of its e-service, a coordinator); 404 otherwise. Every briefing route starts here.
 */
export async function requireBriefing(
  request: Request,
  id: string | undefined,
  as: 'reader' | 'writer' = 'reader',
) {
  const { user } = await requirePermission(request, 'briefings:read');
  const briefing = await findBriefing(user, id ?? '');
  if (!briefing) throw notFound();
  const canWrite = await canWriteFor(user, briefing.eserviceId);
  if (as === 'writer' && !canWrite) throw notFound();
  return { user, briefing, canWrite };
}
