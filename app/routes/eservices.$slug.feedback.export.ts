import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound, requirePermission } from '~/auth/guards.server';
import { canWriteFor } from '~/domain/briefings/access.server';
import { eserviceBySlug } from '~/domain/briefings/eservices.server';
import { feedbackCsv } from '~/domain/feedback/queries.server';
import { contentDisposition } from '~/domain/uploads/files.server';
import { getLanguage, i18n } from '~/i18n/i18n.server';

/** Every report of the e-service as CSV, for the owner to take to their team. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'briefings:read');
  const service = await eserviceBySlug(params.slug ?? '');
  if (!service || !(await canWriteFor(user, service.id))) throw notFound();
  const t = await i18n.getFixedT(request, 'feedback');
  const csv = await feedbackCsv(
    service.id,
    await getLanguage(request),
    [
      'reported',
      'status',
      'whatHappened',
      'step',
      'device',
      'os',
      'frequency',
      'severity',
      'seen',
      'organisation',
    ].map((h) => t(`csv.${h}`)),
    (kind, value) =>
      t(
        `${kind === 'device' ? 'devices' : kind === 'frequency' ? 'frequencies' : kind === 'severity' ? 'severities' : 'statuses'}.${value}`,
      ),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', `${service.slug}-palaute.csv`),
    },
  });
}
