import { csvFile } from '~/utils/csv';
import { formatDateTime } from '~/i18n/format';
import type { AttendanceRow } from './attendance.server';
import type { ChartKey } from './constants';
import type { Dashboard } from './dashboard.server';
import { rowLabel, type LabelContext } from './labels';

// A dashboard chart as CSV: every row (the page shows the first fifteen places), the same
// labels as the page, "<5" where the small-group rule hides a count.

const cell = (n: number | null) => (n === null ? '<5' : String(n));
const percent = (n: number | null, total: number | null) =>
  n === null || total === null || total === 0 ? '' : ((n / total) * 100).toFixed(1);

export function chartCsv(dashboard: Dashboard, chart: ChartKey | 'trend', ctx: LabelContext): string {
  const { t } = ctx;
  if (chart === 'trend') {
    const { years, devices, counts, totals } = dashboard.trend;
    const rows = years.flatMap((year, i) =>
      devices.map((device, j) => [
        String(year),
        t(`devices.${device}`),
        cell(counts[i]![j]!),
        percent(counts[i]![j]!, totals[i]!),
      ]),
    );
    return csvFile([
      [t('trend.year'), t('form.device'), t('charts.count'), t('charts.sharePercent')],
      ...rows,
    ]);
  }
  const { rows, total } = dashboard.charts[chart];
  return csvFile([
    [t('charts.group'), t('charts.count'), t('charts.sharePercent')],
    ...rows.map((row) => [rowLabel(chart, row, ctx), cell(row.count), percent(row.count, total)]),
  ]);
}

export function attendanceCsv(rows: AttendanceRow[], language: string, t: LabelContext['t']): string {
  return csvFile([
    ['event', 'startsAt', 'going', 'attended', 'noShows', 'walkIns'].map((h) => t(`attendance.${h}`)),
    ...rows.map((r) => [
      r.title,
      formatDateTime(r.startsAt, language),
      String(r.going),
      String(r.attended),
      String(r.noShows),
      String(r.walkIns),
    ]),
  ]);
}
