import { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';
import { eserviceName } from '~/domain/briefings/eservices.server';
import { AGE_GROUPS, CHANNELS, DEVICES, OUTCOMES, RATINGS, TOPICS } from '~/domain/guidance/constants';
import { TOP_ROWS, type ChartKey } from './constants';
import { crossesOrganisations, type ReportFilter } from './scope.server';
import { shown } from './small-groups';

// The guidance dashboards: every figure is a GROUP BY over the session rows the filter selects
// (one scan with GROUPING SETS for the columns, one for the topics, one for the residents'
// answers, one for the device trend). Counts come back raw; the small-group rule is applied
// here, once, before anything leaves the domain.

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

/** The conditions of a filter over `guidance_session` or `resident_feedback` (same columns). */
function conditions(f: ReportFilter, alias: string, { dates = true } = {}): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}.${name}`);
  const parts: Prisma.Sql[] = [];
  if (f.scope === 'mine') parts.push(Prisma.sql`${col('adviser_id')} = ${f.viewerId}::uuid`);
  if (f.scope === 'organisation')
    parts.push(Prisma.sql`${col('organisation_id')} = ${f.viewerOrganisationId}::uuid`);
  if (f.organisationId) parts.push(Prisma.sql`${col('organisation_id')} = ${f.organisationId}::uuid`);
  if (f.supportPointId) parts.push(Prisma.sql`${col('support_point_id')} = ${f.supportPointId}::uuid`);
  if (f.eserviceId) parts.push(Prisma.sql`${col('eservice_id')} = ${f.eserviceId}::uuid`);
  if (dates) parts.push(Prisma.sql`${col('date')} BETWEEN ${f.from}::date AND ${f.to}::date`);
  return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

type Grouped = { dim: string; key: string | null; n: number; minutes: number };

async function groupedColumns(f: ReportFilter) {
  return db.$queryRaw<Grouped[]>`
    SELECT
      CASE
        WHEN GROUPING(s.device) = 0 THEN 'device'
        WHEN GROUPING(s.channel) = 0 THEN 'channel'
        WHEN GROUPING(s.language) = 0 THEN 'language'
        WHEN GROUPING(s.service_level) = 0 THEN 'serviceLevel'
        WHEN GROUPING(s.outcome) = 0 THEN 'outcome'
        WHEN GROUPING(s.age_group) = 0 THEN 'ageGroup'
        WHEN GROUPING(s.support_point_id) = 0 THEN 'supportPoint'
        WHEN GROUPING(s.organisation_id) = 0 THEN 'organisation'
        WHEN GROUPING(s.eservice_id) = 0 THEN 'eservice'
        WHEN GROUPING(b.bucket) = 0 THEN 'time'
        ELSE 'total'
      END AS dim,
      COALESCE(s.device, s.channel, s.language, s.service_level::text, s.outcome, s.age_group,
               s.support_point_id::text, s.organisation_id::text, s.eservice_id::text, b.bucket::text) AS key,
      count(*)::int AS n,
      COALESCE(sum(s.duration_minutes), 0)::int AS minutes
    FROM guidance_session s
    CROSS JOIN LATERAL (SELECT date_trunc(${f.interval}, s.date)::date AS bucket) b
    WHERE ${conditions(f, 's')}
    GROUP BY GROUPING SETS (
      (s.device), (s.channel), (s.language), (s.service_level), (s.outcome), (s.age_group),
      (s.support_point_id), (s.organisation_id), (s.eservice_id), (b.bucket), ()
    )`;
}

async function topicCounts(f: ReportFilter) {
  return db.$queryRaw<{ key: string; n: number }[]>`
    SELECT t AS key, count(*)::int AS n
    FROM guidance_session s CROSS JOIN LATERAL unnest(s.topics) AS t
    WHERE ${conditions(f, 's')}
    GROUP BY t`;
}

async function ratingCounts(f: ReportFilter) {
  return db.$queryRaw<{ rating: number; n: number }[]>`
    SELECT r.rating, count(*)::int AS n FROM resident_feedback r
    WHERE ${conditions(f, 'r')}
    GROUP BY r.rating`;
}

/** Devices per year over the five years up to the range's end, with the other filters. */
async function deviceYears(f: ReportFilter) {
  const firstYear = Number(f.to.slice(0, 4)) - 4;
  return db.$queryRaw<{ year: number; device: string; n: number }[]>`
    SELECT extract(year FROM s.date)::int AS year, s.device, count(*)::int AS n
    FROM guidance_session s
    WHERE ${conditions(f, 's', { dates: false })}
      AND s.date BETWEEN make_date(${firstYear}::int, 1, 1) AND ${f.to}::date
    GROUP BY 1, 2`;
}

async function names(
  ids: { points: string[]; organisations: string[]; services: string[] },
  language: string,
) {
  const [points, organisations, services] = await Promise.all([
    ids.points.length
      ? db.supportPoint.findMany({ where: { id: { in: ids.points } }, select: { id: true, name: true } })
      : [],
    ids.organisations.length
      ? db.organisation.findMany({
          where: { id: { in: ids.organisations } },
          select: { id: true, name: true },
        })
      : [],
    ids.services.length
      ? db.eService.findMany({
          where: { id: { in: ids.services } },
          select: { id: true, nameFi: true, nameSv: true, nameEn: true },
        })
      : [],
  ]);
  return new Map<string, string>([
    ...points.map((p) => [p.id, p.name] as const),
    ...organisations.map((o) => [o.id, o.name] as const),
    ...services.map((s) => [s.id, eserviceName(s, language)] as const),
  ]);
}

/** Every week or month from `from` to `to`, so quiet ones show as zero rather than vanish. */
export function buckets(from: string, to: string, interval: 'week' | 'month'): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  if (interval === 'month') start.setUTCDate(1);
  else start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const end = new Date(`${to}T00:00:00Z`);
  const out: string[] = [];
  for (const d = start; d <= end;) {
    out.push(d.toISOString().slice(0, 10));
    if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 7);
  }
  return out;
}

export async function guidanceDashboard(f: ReportFilter, language: string): Promise<Dashboard> {
  const [grouped, topics, ratings, years] = await Promise.all([
    groupedColumns(f),
    topicCounts(f),
    ratingCounts(f),
    deviceYears(f),
  ]);
  const rule = crossesOrganisations(f);
  const byDim = new Map<string, Grouped[]>();
  for (const row of grouped) byDim.set(row.dim, [...(byDim.get(row.dim) ?? []), row]);
  const total = byDim.get('total')?.[0] ?? { n: 0, minutes: 0 };
  const counted = (dim: string) => new Map((byDim.get(dim) ?? []).map((r) => [r.key ?? 'none', r.n]));

  const fixed = (dim: string, keys: readonly (string | number)[], withNone = false): Chart => {
    const counts = counted(dim);
    const rows = [...keys.map(String), ...(withNone ? ['none'] : [])].map((key) => ({
      key,
      count: shown(counts.get(key) ?? 0, rule),
    }));
    return { rows, total: shown(total.n, rule) };
  };
  const ids = (dim: string) =>
    (byDim.get(dim) ?? []).map((r) => r.key).filter((k): k is string => Boolean(k));
  const nameOf = await names(
    { points: ids('supportPoint'), organisations: ids('organisation'), services: ids('eservice') },
    language,
  );
  // Places, services and organisations by count; past the first TOP_ROWS the page shows one
  // "others" row (its sum hidden too when small), the CSV every row.
  const ranked = (dim: string): Chart => {
    const sorted = (byDim.get(dim) ?? [])
      .map((r) => ({ key: r.key ?? 'none', name: r.key ? nameOf.get(r.key) : undefined, raw: r.n }))
      .sort((a, b) => b.raw - a.raw || (a.name ?? '').localeCompare(b.name ?? ''));
    const beyond = sorted.slice(TOP_ROWS);
    return {
      rows: sorted.map(({ raw, ...row }) => ({ ...row, count: shown(raw, rule) })),
      total: shown(total.n, rule),
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
  const devices = DEVICES;
  const topicCount = new Map(topics.map((t) => [t.key, t.n]));
  const ratingCount = new Map(ratings.map((r) => [String(r.rating), r.n]));
  const answers = ratings.reduce((sum, r) => sum + r.n, 0);
  const ratingSum = ratings.reduce((sum, r) => sum + r.rating * r.n, 0);
  const timeCounts = counted('time');

  const yearList = [...new Set(years.map((y) => y.year))].sort();
  const yearCell = new Map(years.map((y) => [`${y.year}:${y.device}`, y.n]));
  const yearTotals = yearList.map((y) =>
    devices.reduce((sum, d) => sum + (yearCell.get(`${y}:${d}`) ?? 0), 0),
  );

  return {
    smallGroupRule: rule,
    sessions: shown(total.n, rule),
    minutes: shown(total.n, rule) === null ? null : total.minutes,
    answers: shown(answers, rule),
    averageRating:
      answers && shown(answers, rule) !== null ? Math.round((ratingSum / answers) * 10) / 10 : null,
    charts: {
      time: {
        rows: buckets(f.from, f.to, f.interval).map((key) => ({
          key,
          count: shown(timeCounts.get(key) ?? 0, rule),
        })),
        total: shown(total.n, rule),
      },
      device: fixed('device', DEVICES),
      topic: {
        rows: TOPICS.map((key) => ({ key, count: shown(topicCount.get(key) ?? 0, rule) })),
        total: shown(total.n, rule),
      },
      eservice: ranked('eservice'),
      supportPoint: ranked('supportPoint'),
      organisation: ranked('organisation'),
      channel: fixed('channel', CHANNELS),
      language: {
        rows: [...counted('language').entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([key, n]) => ({ key, count: shown(n, rule) })),
        total: shown(total.n, rule),
      },
      serviceLevel: fixed('serviceLevel', [0, 1, 2, 3]),
      outcome: fixed('outcome', OUTCOMES),
      ageGroup: fixed('ageGroup', AGE_GROUPS, true),
      satisfaction: {
        rows: RATINGS.map((r) => ({ key: String(r), count: shown(ratingCount.get(String(r)) ?? 0, rule) })),
        total: shown(answers, rule),
      },
    },
    trend: {
      years: yearList,
      devices,
      counts: yearList.map((y, i) =>
        shown(yearTotals[i]!, rule) === null
          ? devices.map(() => null)
          : devices.map((d) => shown(yearCell.get(`${y}:${d}`) ?? 0, rule)),
      ),
      totals: yearTotals.map((n) => shown(n, rule)),
    },
  };
}

/** Sessions that touched an e-service, network-wide, under the small-group rule (its page). */
export async function sessionsForEService(eserviceId: string, since: Date) {
  const n = await db.guidanceSession.count({ where: { eserviceId, date: { gte: since } } });
  return shown(n, true);
}

/** Sessions logged at a support point, network-wide, under the small-group rule (its page). */
export async function sessionsAtSupportPoint(supportPointId: string, since: Date) {
  const n = await db.guidanceSession.count({ where: { supportPointId, date: { gte: since } } });
  return shown(n, true);
}
