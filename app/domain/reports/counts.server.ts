import { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';
import { ANSWER_DAYS, EDITABLE_DAYS, OLDEST_DAYS } from '~/domain/guidance/constants';
import type { ReportFilter } from './scope.server';

// Raw counts of guidance sessions, month by month: what every dashboard figure is added up
// from. A month that can no longer change is counted once and kept (`report_month_count`); the
// months that still can are counted from the rows on every request (ADR 011).

/** What is counted: each maps a key (a device, a week's Monday, a rating…) to a number. */
export const DIMENSIONS = [
  'device',
  'channel',
  'language',
  'serviceLevel',
  'outcome',
  'ageGroup',
  'supportPoint',
  'organisation',
  'eservice',
  'topic',
  'week',
  'rating',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Counts = {
  sessions: number;
  minutes: number;
  dims: Partial<Record<Dimension, Record<string, number>>>;
};

export const emptyCounts = (): Counts => ({ sessions: 0, minutes: 0, dims: {} });

export function addCounts(into: Counts, from: Counts): Counts {
  into.sessions += from.sessions;
  into.minutes += from.minutes;
  for (const [dim, keys] of Object.entries(from.dims) as [Dimension, Record<string, number>][]) {
    const target = (into.dims[dim] ??= {});
    for (const [key, n] of Object.entries(keys)) target[key] = (target[key] ?? 0) + n;
  }
  return into;
}

/**
 * Sessions dated before this many days ago can no longer change: a new entry is dated at most
 * OLDEST_DAYS back, an entry is corrected or deleted within EDITABLE_DAYS of being logged (and
 * only to a date within OLDEST_DAYS), a resident answers within ANSWER_DAYS of it.
 */
export const FROZEN_DAYS = OLDEST_DAYS + Math.max(EDITABLE_DAYS, ANSWER_DAYS) + 5;

/** Bump when what a cached month holds changes shape; old entries are then never read. */
const CACHE_VERSION = 1;

/** The cache key of the rows a filter selects (the small-group rule is applied later). */
export function cacheKey(f: ReportFilter): string | null {
  if (f.scope === 'mine') return null; // an adviser's own rows are few: always counted live
  const organisation = f.scope === 'organisation' ? f.viewerOrganisationId : (f.organisationId ?? '*');
  return `v${CACHE_VERSION}|org:${organisation}|point:${f.supportPointId ?? '*'}|eservice:${f.eserviceId ?? '*'}`;
}

/** The conditions of a filter over `guidance_session` or `resident_feedback` (same columns). */
function conditions(f: ReportFilter, alias: string, from: string, to: string): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}.${name}`);
  const parts: Prisma.Sql[] = [Prisma.sql`${col('date')} BETWEEN ${from}::date AND ${to}::date`];
  if (f.scope === 'mine') parts.push(Prisma.sql`${col('adviser_id')} = ${f.viewerId}::uuid`);
  if (f.scope === 'organisation')
    parts.push(Prisma.sql`${col('organisation_id')} = ${f.viewerOrganisationId}::uuid`);
  if (f.organisationId) parts.push(Prisma.sql`${col('organisation_id')} = ${f.organisationId}::uuid`);
  if (f.supportPointId) parts.push(Prisma.sql`${col('support_point_id')} = ${f.supportPointId}::uuid`);
  if (f.eserviceId) parts.push(Prisma.sql`${col('eservice_id')} = ${f.eserviceId}::uuid`);
  return Prisma.join(parts, ' AND ');
}

type MonthRow = {
  month: string;
  sessions: number | null;
  minutes: number | null;
  dims: Counts['dims'] | null;
};

/**
 * The counts of the rows dated `from`…`to` (inclusive), per calendar month: a scan with
 * GROUPING SETS for the columns, one over the topics, one over the residents' answers.
 */
export async function countByMonth(f: ReportFilter, from: string, to: string): Promise<Map<string, Counts>> {
  // One statement (one round trip): the columns, the topics, the answers. Each month comes back
  // as one row with its counts as JSON: an adviser's five years were ~1,000 rows of
  // (month, dimension, key), each turned into an object and a date before being added up here.
  const rows = await db.$queryRaw<MonthRow[]>`
    WITH c (month, dim, key, n, minutes) AS (
    (SELECT m.month,
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
        WHEN GROUPING(m.week) = 0 THEN 'week'
        ELSE 'total'
      END AS dim,
      COALESCE(s.device, s.channel, s.language, s.service_level::text, s.outcome, s.age_group,
               s.support_point_id::text, s.organisation_id::text, s.eservice_id::text, m.week::text) AS key,
      count(*)::int AS n,
      COALESCE(sum(s.duration_minutes), 0)::int AS minutes
    FROM guidance_session s
    CROSS JOIN LATERAL (SELECT date_trunc('month', s.date)::date AS month,
                               date_trunc('week', s.date)::date AS week) m
    WHERE ${conditions(f, 's', from, to)}
    GROUP BY GROUPING SETS (
      (m.month, s.device), (m.month, s.channel), (m.month, s.language), (m.month, s.service_level),
      (m.month, s.outcome), (m.month, s.age_group), (m.month, s.support_point_id),
      (m.month, s.organisation_id), (m.month, s.eservice_id), (m.month, m.week), (m.month)
    ))
    UNION ALL
    (SELECT date_trunc('month', s.date)::date, 'topic', t, count(*)::int, 0
    FROM guidance_session s CROSS JOIN LATERAL unnest(s.topics) AS t
    WHERE ${conditions(f, 's', from, to)}
    GROUP BY 1, t)
    UNION ALL
    (SELECT date_trunc('month', r.date)::date, 'rating', r.rating::text, count(*)::int, 0
    FROM resident_feedback r
    WHERE ${conditions(f, 'r', from, to)}
    GROUP BY 1, r.rating)),
    -- A dimension's keys of a month as one object; 'total' has one row (no key) a month.
    d AS (SELECT month, dim, json_object_agg(COALESCE(key, 'none'), n) AS items, max(n) AS n, max(minutes) AS minutes
          FROM c GROUP BY month, dim)
    SELECT month::text AS month,
      max(n) FILTER (WHERE dim = 'total') AS sessions,
      max(minutes) FILTER (WHERE dim = 'total') AS minutes,
      json_object_agg(dim, items) FILTER (WHERE dim <> 'total') AS dims
    FROM d GROUP BY month`;
  return new Map(
    rows.map((row) => [
      row.month,
      { sessions: row.sessions ?? 0, minutes: row.minutes ?? 0, dims: row.dims ?? {} },
    ]),
  );
}

export type Kept = {
  /** The kept months among those asked for, with their number of sessions. */
  sessions: Map<string, number>;
  /** The kept counts of the range's whole months, added up. */
  range: Counts;
  /** Devices per calendar year over the kept months of the trend. */
  devices: Map<number, Record<string, number>>;
};

/**
 * What is kept for `key`, in one statement so that all three parts see the same months (another
 * request may be keeping a month meanwhile; that month is then counted from the rows here).
 */
export async function readKept(
  key: string,
  months: { all: string[]; range: string[]; trend: string[] },
): Promise<Kept> {
  const kept: Kept = { sessions: new Map(), range: emptyCounts(), devices: new Map() };
  if (!months.all.length) return kept;
  const rows = await db.$queryRaw<{ part: string; label: string; dim: string; item: string; n: number }[]>`
    SELECT 'month' AS part, month::text AS label, dim, item, n FROM report_month_count
    WHERE key = ${key} AND dim = 'sessions' AND item = '' AND month = ANY(${months.all}::date[])
    UNION ALL
    SELECT 'range', '', dim, item, sum(n)::int FROM report_month_count
    WHERE key = ${key} AND month = ANY(${months.range}::date[])
    GROUP BY dim, item
    UNION ALL
    SELECT 'trend', extract(year FROM month)::text, dim, item, sum(n)::int FROM report_month_count
    WHERE key = ${key} AND dim = 'device' AND month = ANY(${months.trend}::date[])
    GROUP BY 2, dim, item`;
  for (const { part, label, dim, item, n } of rows) {
    if (part === 'month') kept.sessions.set(label, n);
    else if (part === 'trend')
      kept.devices.set(Number(label), { ...kept.devices.get(Number(label)), [item]: n });
    else if (dim === 'sessions') kept.range.sessions = n;
    else if (dim === 'minutes') kept.range.minutes = n;
    else (kept.range.dims[dim as Dimension] ??= {})[item] = n;
  }
  return kept;
}

/** Keeps months that can no longer change; two instances counting the same month agree. */
export async function keepMonths(key: string, months: Map<string, Counts>) {
  const rows = [...months].flatMap(([month, counts]) => [
    // Always written, even as 0: it marks the month as kept.
    [month, 'sessions', '', counts.sessions] as const,
    [month, 'minutes', '', counts.minutes] as const,
    ...Object.entries(counts.dims).flatMap(([dim, items]) =>
      Object.entries(items).map(([item, n]) => [month, dim, item, n] as const),
    ),
  ]);
  if (!rows.length) return;
  // One statement with arrays, however many rows: a first view of the network keeps ~10,000.
  await db.$executeRaw`
    INSERT INTO report_month_count (key, month, dim, item, n)
    SELECT ${key}, * FROM unnest(${rows.map((r) => r[0])}::date[], ${rows.map((r) => r[1])}::text[],
                                 ${rows.map((r) => r[2])}::text[], ${rows.map((r) => r[3])}::int[])
    ON CONFLICT DO NOTHING`;
}
