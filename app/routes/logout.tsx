import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { redirectWithoutSession } from '~/auth/cookies.server';
import { getUser } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { invalidateSession } from '~/auth/session.server';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    await invalidateSession(user.sessionId);
    await writeAudit(db, {
      action: 'logout',
      actorId: user.id,
      organisationId: user.organisationId,
      ip: requestMeta(request, context).ip,
    });
  }
  return redirectWithoutSession('/login');
}
