import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { AttendanceTable } from '~/components/reports/attendance-table';
import { eventAttendance } from '~/domain/reports/attendance.server';
import { filterQuery } from '~/domain/reports/query';
import { resolveFilter } from '~/domain/reports/scope.server';
import { formatDate } from '~/i18n/format';
import { getLanguage } from '~/i18n/i18n.server';
import { pageTitle } from '~/utils/meta';

/** Events held in the dashboards' period and who came: an organisation's, or the network's. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'reports:read');
  const filter = resolveFilter(new URL(request.url), user)!;
  // One's own view has no attendance of others to show.
  if (filter.scope === 'mine') throw notFound();
  return json({
    query: filterQuery(filter),
    from: filter.from,
    to: filter.to,
    rows: await eventAttendance(filter, await getLanguage(request), 100),
  });
}

export default function ReportEventsPage() {
  const { query, from, to, rows } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('reports');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={`/reports?${query}`}>{t('title')}</Link>
      </p>
      <h1>{t('attendance.title')}</h1>
      <p className="lead">
        {t('attendance.period', { from: formatDate(from, i18n.language), to: formatDate(to, i18n.language) })}
      </p>
      <AttendanceTable rows={rows} csvHref={`/reports/export?${query}&chart=events`} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reports:attendance.title');
