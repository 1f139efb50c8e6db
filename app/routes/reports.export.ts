import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound, requireUser } from '~/auth/guards.server';
import { eventAttendance } from '~/domain/reports/attendance.server';
import { attendanceCsv, chartCsv } from '~/domain/reports/csv.server';
import { guidanceDashboard } from '~/domain/reports/dashboard.server';
import { ReportQuerySchema } from '~/domain/reports/schema.server';
import { resolveFilter } from '~/domain/reports/scope.server';
import { contentDisposition } from '~/domain/uploads/files.server';
import { getLanguage, i18n } from '~/i18n/i18n.server';

/** One chart of the dashboards as CSV, with the same filter, scope and small-group rule. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const filter = resolveFilter(url, user);
  if (!filter) throw notFound();
  const chart = ReportQuerySchema.parse(Object.fromEntries(url.searchParams)).chart ?? 'time';
  const language = await getLanguage(request);
  const [t, tp] = await Promise.all([i18n.getFixedT(request, 'reports'), i18n.getFixedT(request, 'profile')]);
  const csv =
    chart === 'events'
      ? attendanceCsv(await eventAttendance(filter, language, 5000), language, t)
      : chartCsv(await guidanceDashboard(filter, language), chart, {
          language,
          interval: filter.interval,
          t,
          tp,
        });
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(
        'attachment',
        `tukiverkko-${chart}-${filter.from}-${filter.to}.csv`,
      ),
      'Cache-Control': 'private, no-store',
    },
  });
}
