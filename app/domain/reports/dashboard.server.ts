import { db } from '~/db.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, addMonths, monthEnd, monthStart, weekStart } from '~/utils/calendar-days';
import { eserviceName } from '~/domain/briefings/eservices.server';
import { AGE_GROUPS, CHANNELS, DEVICES, OUTCOMES, RATINGS, TOPICS } from '~/domain/guidance/constants';
import { TOP_ROWS, type ChartKey } from './constants';
import {
  addCounts,
  cacheKey,
  countByMonth,
  emptyCounts,
  FROZEN_DAYS,
  keepMonths,
  readKept,
  type Counts,
  type Dimension,
} from './counts.server';
import { keptDashboard } from './dashboard-cache.server';
import { crossesOrganisations, type ReportFilter } from './scope.server';
import { shown } from './small-groups';

// The guidance dashboards: every figure is added up from month-by-month counts (counts.server.ts)
// over the range and the five years of the device trend. Counts are raw until here; the
// small-group rule is applied once, at the end, before anything leaves the domain.

export type ChartRow = {
  key: string;
  /** The name of a support point, e-service or organisation; other keys are translated by the page. */
  name?: string;
  /** null: a group of 1–4 in a view across organisations. */
  count: number | null;
};
export type Chart = {
  rows: ChartRow[];
  total: number | null;
  /** Rows past the first TOP_ROWS, summed, for the page. */
  rest?: { groups: number; count: number | null };
};

export type Dashboard = {
  smallGroupRule: boolean;
  sessions: number | null;
  minutes: number | null;
  answers: number | null;
  averageRating: number | null;
  charts: Record<ChartKey, Chart>;
  trend: {
    years: number[];
    devices: readonly string[];
    counts: (number | null)[][];
    totals: (number | null)[];
  };
};

/** Names of the support points, organisations and e-services in the charts, in one query. */
async function names(
  ids: { points: string[]; organisations: string[]; services: string[] },
  language: string,
) {
  if (!ids.points.length && !ids.organisations.length && !ids.services.length)
    return new Map<string, string>();
  // Raw SQL with arrays: an `in` list of hundreds of ids costs Prisma several ms of CPU (bench).
  const rows = await db.$queryRaw<{ id: string; fi: string; sv: string; en: string }[]>`
    SELECT id::text, name AS fi, '' AS sv, '' AS en FROM support_point WHERE id = ANY(${ids.points}::uuid[])
    UNION ALL
    SELECT id::text, name, '', '' FROM organisation WHERE id = ANY(${ids.organisations}::uuid[])
    UNION ALL
    SELECT id::text, name_fi, name_sv, name_en FROM eservice WHERE id = ANY(${ids.services}::uuid[])`;
  return new Map(
    rows.map((r) => [r.id, eserviceName({ nameFi: r.fi, nameSv: r.sv, nameEn: r.en }, language)]),
  );
}

/** Every week or month from `from` to `to`, so quiet ones show as zero rather than vanish. */
export function buckets(from: string, to: string, interval: 'week' | 'month'): string[] {
  const out: string[] = [];
  for (let d = interval === 'month' ? monthStart(from) : weekStart(from); d <= to;) {
    out.push(d);
    d = interval === 'month' ? addMonths(d, 1) : addDays(d, 7);
  }
  return out;
}

/**
 * The dashboard of a filter, kept for a minute where it covers more than one's own sessions
 * (dashboard-cache.server.ts). The small-group rule depends on the scope, so the scope is part of
 * what identifies a view, with the rows' filter (the cache key), the range, interval and language.
 */
export function guidanceDashboard(f: ReportFilter, language: string): Promise<Dashboard> {
  const key = cacheKey(f);
  if (!key) return countDashboard(f, language);
  return keptDashboard(`${f.scope}|${key}|${f.from}|${f.to}|${f.interval}|${language}`, () =>
    countDashboard(f, language),
  );
}

async function countDashboard(f: ReportFilter, language: string): Promise<Dashboard> {
  // Every month of the range and of the device trend (the five calendar years up to its end).
  const trendStart = `${Number(f.to.slice(0, 4)) - 4}-01-01`;
  const fromMonth = monthStart(f.from);
  const months = buckets(f.from < trendStart ? fromMonth : trendStart, f.to, 'month');
  const toMonth = monthStart(f.to);
  const frozenBefore = addDays(helsinkiToday(), -FROZEN_DAYS);
  const key = cacheKey(f);
  const keepable = key ? months.filter((m) => m !== toMonth && monthEnd(m) < frozenBefore) : [];
  const whole = (m: string) => m >= fromMonth && (f.from === fromMonth || m !== fromMonth);
  const kept = await readKept(key ?? '', {
    all: keepable,
    range: keepable.filter(whole),
    trend: keepable.filter((m) => m >= trendStart),
  });
  // The months not kept (the recent ones; on a first view, all) are counted from the rows.
  const firstMissing = months.find((m) => !kept.sessions.has(m));
  const counted = firstMissing ? await countByMonth(f, firstMissing, f.to) : new Map<string, Counts>();
  const live = new Map(
    months.filter((m) => !kept.sessions.has(m)).map((m) => [m, counted.get(m) ?? emptyCounts()]),
  );
  if (key) await keepMonths(key, new Map([...live].filter(([m]) => keepable.includes(m))));
  // A range starting mid-month: its first month is counted from `from` on.
  const head =
    f.from === fromMonth
      ? null
      : [
          ...(
            await countByMonth(f, f.from, f.to < monthEnd(fromMonth) ? f.to : monthEnd(fromMonth))
          ).values(),
        ].reduce(addCounts, emptyCounts());
  const range = kept.range;
  for (const [m, counts] of live) if (whole(m)) addCounts(range, counts);
  if (head) addCounts(range, head);
  const monthSessions = (m: string) =>
    m === fromMonth && head ? head.sessions : (kept.sessions.get(m) ?? live.get(m)?.sessions ?? 0);

  const rule = crossesOrganisations(f);
  const dim = (d: Dimension) => range.dims[d] ?? {};
  const total = shown(range.sessions, rule);

  const fixed = (d: Dimension, keys: readonly (string | number)[], withNone = false): Chart => ({
    rows: [...keys.map(String), ...(withNone ? ['none'] : [])].map((key) => ({
      key,
      count: shown(dim(d)[key] ?? 0, rule),
    })),
    total,
  });
  const ids = (d: Dimension) => Object.keys(dim(d)).filter((k) => k !== 'none');
  const nameOf = await names(
    { points: ids('supportPoint'), organisations: ids('organisation'), services: ids('eservice') },
    language,
  );
  // Places, services and organisations by count; past the first TOP_ROWS the page shows one
  // "others" row (its sum hidden too when small), the CSV every row.
  const ranked = (d: Dimension): Chart => {
    const sorted = Object.entries(dim(d))
      .map(([key, raw]) => ({ key, name: key === 'none' ? undefined : nameOf.get(key), raw }))
      .sort((a, b) => b.raw - a.raw || (a.name ?? '').localeCompare(b.name ?? ''));
    const beyond = sorted.slice(TOP_ROWS);
    return {
      rows: sorted.map(({ raw, ...row }) => ({ ...row, count: shown(raw, rule) })),
      total,
      rest: beyond.length
        ? {
            groups: beyond.length,
            count: shown(
              beyond.reduce((sum, r) => sum + r.raw, 0),
              rule,
            ),
          }
        : undefined,
    };
  };
  const ratings = dim('rating');
  const answers = Object.values(ratings).reduce((sum, n) => sum + n, 0);
  const ratingSum = Object.entries(ratings).reduce((sum, [r, n]) => sum + Number(r) * n, 0);
  const timeRows = buckets(f.from, f.to, f.interval).map((key) => ({
    key,
    count: shown(f.interval === 'week' ? (dim('week')[key] ?? 0) : monthSessions(key), rule),
  }));

  return {
    smallGroupRule: rule,
    sessions: total,
    minutes: total === null ? null : range.minutes,
    answers: shown(answers, rule),
    averageRating:
      answers && shown(answers, rule) !== null ? Math.round((ratingSum / answers) * 10) / 10 : null,
    charts: {
      time: { rows: timeRows, total },
      device: fixed('device', DEVICES),
      topic: fixed('topic', TOPICS),
      eservice: ranked('eservice'),
      supportPoint: ranked('supportPoint'),
      organisation: ranked('organisation'),
      channel: fixed('channel', CHANNELS),
      language: {
        // Ties by code: the counts' order from the database is no order.
        rows: Object.entries(dim('language'))
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .map(([key, n]) => ({ key, count: shown(n, rule) })),
        total,
      },
      serviceLevel: fixed('serviceLevel', [0, 1, 2, 3]),
      outcome: fixed('outcome', OUTCOMES),
      ageGroup: fixed('ageGroup', AGE_GROUPS, true),
      satisfaction: {
        rows: RATINGS.map((r) => ({ key: String(r), count: shown(ratings[String(r)] ?? 0, rule) })),
        total: shown(answers, rule),
      },
    },
    trend: deviceTrend(kept.devices, live, trendStart, rule),
  };
}

/**
 * Devices per calendar year for the trend chart (five years up to the range's end): the years
 * kept from earlier views, plus the months counted now; empty years left out.
 */
function deviceTrend(
  years: Map<number, Record<string, number>>,
  live: Map<string, Counts>,
  trendStart: string,
  rule: boolean,
): Dashboard['trend'] {
  for (const [month, counts] of live) {
    if (month < trendStart || !counts.sessions) continue;
    const year = Number(month.slice(0, 4));
    const devices = years.get(year) ?? {};
    for (const [device, n] of Object.entries(counts.dims.device ?? {}))
      devices[device] = (devices[device] ?? 0) + n;
    years.set(year, devices);
  }
  for (const [year, devices] of years) if (!Object.values(devices).some((n) => n > 0)) years.delete(year);
  const yearList = [...years.keys()].sort();
  const yearTotals = yearList.map((y) => DEVICES.reduce((sum, d) => sum + (years.get(y)![d] ?? 0), 0));
  return {
    years: yearList,
    devices: DEVICES,
    counts: yearList.map((y, i) =>
      shown(yearTotals[i]!, rule) === null
        ? DEVICES.map(() => null)
        : DEVICES.map((d) => shown(years.get(y)![d] ?? 0, rule)),
    ),
    totals: yearTotals.map((n) => shown(n, rule)),
  };
}

/** The dashboard as the page shows it: the first TOP_ROWS places, services and organisations (the rest summed). */
export function forPage(dashboard: Dashboard): Dashboard {
  const charts = { ...dashboard.charts };
  for (const key of ['eservice', 'supportPoint', 'organisation'] as const)
    charts[key] = { ...charts[key], rows: charts[key].rows.slice(0, TOP_ROWS) };
  return { ...dashboard, charts };
}
