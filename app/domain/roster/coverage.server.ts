import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { DISTRICT_KEYS } from '~/domain/support-points/districts';
import { helsinkiToday } from '~/i18n/format';
import { addDays, addMonths, monthEnd, monthStart, weekStart } from '~/utils/calendar-days';
import { slotDates, slotTimes } from './recurrence';
import { rosterGeneration } from './public.server';
import { shortCache } from '~/utils/short-cache.server';

// Coverage (issue 17 item 3, ADR 031): for each day a slot happens, how many advisers it needs,
// how many are on, and whether someone cancelled. Seen three ways — the network by area, an area
// by point, a point by slot — over a week or a month, filtered by language and topic. A
// coordinator sees every slot; an org admin the slots their organisation staffs.

/** staffed: all places taken; short: some; empty: none; cancelled: short because someone cancelled. */
export type CoverageState = 'staffed' | 'short' | 'empty' | 'cancelled';

export type Counts = Record<CoverageState, number>;
const zero = (): Counts => ({ staffed: 0, short: 0, empty: 0, cancelled: 0 });

export function stateOf(live: number, needed: number, cancelled: number): CoverageState {
  if (live >= needed) return 'staffed';
  if (cancelled > 0) return 'cancelled';
  return live > 0 ? 'short' : 'empty';
}

export type CoverageFilter = {
  from: string;
  to: string;
  district?: string;
  pointSlug?: string;
  language?: string;
  topic?: string;
};

/** One day of one slot: who is needed, who is on, who cancelled. */
export type Occurrence = {
  slotId: string;
  date: string;
  live: number;
  cancelled: number;
  needed: number;
  state: CoverageState;
  point: { id: string; slug: string; name: string; district: string };
  startsAt: string;
  endsAt: string;
  languages: string[];
};

type SlotRow = {
  id: string;
  weekdays: number[];
  starts_at: string;
  ends_at: string;
  valid_from: string;
  valid_until: string | null;
  exceptions: string[];
  languages: string[];
  needed: number;
  point_id: string;
  slug: string;
  name: string;
  district: string;
  /** "YYYY-MM-DD" → [live, cancelled], days with any shift only. */
  days: Record<string, [number, number]> | null;
};

/**
 * Every day of the matching slots in the period, with its counts: one statement — the slots the
 * member may see with their point, and each slot's shift counts by day as one JSON object (a
 * month of the whole network is 6,000 rows, not 6,000 plus 25,000).
 */
export async function occurrences(viewer: AuthUser, f: CoverageFilter): Promise<Occurrence[]> {
  const scope = viewer.permissions['roster:manage'];
  if (!scope) return [];
  const filters = [
    scope === 'all' ? Prisma.empty : Prisma.sql`AND h.organisation_id = ${viewer.organisationId}::uuid`,
    f.pointSlug ? Prisma.sql`AND p.slug = ${f.pointSlug}` : Prisma.empty,
    f.district ? Prisma.sql`AND p.district = ${f.district}` : Prisma.empty,
    f.language ? Prisma.sql`AND ${f.language} = ANY(h.languages)` : Prisma.empty,
    f.topic ? Prisma.sql`AND ${f.topic} = ANY(h.topics)` : Prisma.empty,
  ];
  const slots = await db.$queryRaw<SlotRow[]>`
    WITH slots AS (
      SELECT h.id, h.weekdays, h.starts_at, h.ends_at,
             to_char(h.valid_from, 'YYYY-MM-DD') AS valid_from,
             to_char(h.valid_until, 'YYYY-MM-DD') AS valid_until,
             ARRAY(SELECT to_char(x, 'YYYY-MM-DD') FROM unnest(h.exceptions) AS x) AS exceptions,
             h.languages, h.needed, p.id AS point_id, p.slug, p.name, p.district
      FROM help_slot h
      JOIN support_point p ON p.id = h.support_point_id
      WHERE p.active AND h.valid_from <= ${f.to}::date
        AND (h.valid_until IS NULL OR h.valid_until >= ${f.from}::date)
        ${Prisma.join(filters, ' ')}
    ), counted AS (
      SELECT slot_id, jsonb_object_agg(to_char(date, 'YYYY-MM-DD'), jsonb_build_array(live, cancelled)) AS days
      FROM (
        SELECT slot_id, date,
               count(*) FILTER (WHERE cancelled_at IS NULL)::int AS live,
               count(*) FILTER (WHERE cancelled_at IS NOT NULL)::int AS cancelled
        FROM shift
        WHERE date BETWEEN ${f.from}::date AND ${f.to}::date AND slot_id IN (SELECT id FROM slots)
        GROUP BY slot_id, date
      ) AS per_day
      GROUP BY slot_id
    )
    SELECT slots.*, counted.days FROM slots LEFT JOIN counted ON counted.slot_id = slots.id`;
  return slots.flatMap((slot) => {
    const rule = {
      weekdays: slot.weekdays,
      startsAt: slot.starts_at,
      endsAt: slot.ends_at,
      validFrom: slot.valid_from,
      validUntil: slot.valid_until,
      exceptions: slot.exceptions,
    };
    const point = { id: slot.point_id, slug: slot.slug, name: slot.name, district: slot.district };
    return slotDates(rule, f.from, f.to).map((date) => {
      const [live, cancelled] = slot.days?.[date] ?? [0, 0];
      return {
        slotId: slot.id,
        date,
        live,
        cancelled,
        needed: slot.needed,
        state: stateOf(live, slot.needed, cancelled),
        point,
        startsAt: slot.starts_at,
        endsAt: slot.ends_at,
        languages: slot.languages,
      };
    });
  });
}

export type GridRow = {
  key: string;
  /** An area's stored name, a point's name, or a slot's times. */
  label: string;
  /** Where the row leads: an area to its points, a point to its slots. */
  drill: { district?: string; pointSlug?: string } | null;
  /** Per day of the period: the counts, or null when nothing happens that day. */
  cells: (Counts | null)[];
  /** For a slot's row: its day's live/needed, per day. */
  detail?: ({ live: number; needed: number; cancelled: number } | null)[];
};

export type Grid = { level: 'network' | 'area' | 'point'; days: string[]; rows: GridRow[]; totals: Counts };

export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

// A month of the whole network is 27,000 help-time days to lay out (about 0.25 s): coordinators
// looking at the same view share it for up to 30 s, and any change to shifts or slots this
// process makes starts afresh at once (the roster's generation is in the key).
const grids = shortCache<Grid>(30_000, 200);

/** The grid for a filter: areas of the network, points of an area, or slots of a point. */
export function coverageGrid(viewer: AuthUser, f: CoverageFilter): Promise<Grid> {
  const scope = viewer.permissions['roster:manage'] === 'all' ? 'all' : `org:${viewer.organisationId}`;
  const key = [rosterGeneration(), scope, f.from, f.to, f.district, f.pointSlug, f.language, f.topic].join(
    '|',
  );
  return grids.get(key, () => layOut(viewer, f));
}

async function layOut(viewer: AuthUser, f: CoverageFilter): Promise<Grid> {
  const level = f.pointSlug ? 'point' : f.district ? 'area' : 'network';
  const days = daysOf(f.from, f.to);
  const column = new Map(days.map((d, i) => [d, i]));
  const rows = new Map<string, GridRow>();
  const totals = zero();
  for (const o of await occurrences(viewer, f)) {
    const key = level === 'network' ? o.point.district : level === 'area' ? o.point.id : o.slotId;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        label:
          level === 'network'
            ? o.point.district
            : level === 'area'
              ? o.point.name
              : `${o.startsAt}–${o.endsAt}`,
        drill:
          level === 'network'
            ? { district: o.point.district }
            : level === 'area'
              ? { pointSlug: o.point.slug }
              : null,
        cells: days.map(() => null),
        ...(level === 'point' ? { detail: days.map(() => null) } : {}),
      };
      rows.set(key, row);
    }
    const i = column.get(o.date)!;
    const cell = (row.cells[i] ??= zero());
    cell[o.state] += 1;
    totals[o.state] += 1;
    if (row.detail) row.detail[i] = { live: o.live, needed: o.needed, cancelled: o.cancelled };
  }
  const order =
    level === 'network'
      ? (a: GridRow, b: GridRow) => DISTRICT_KEYS.indexOf(a.label) - DISTRICT_KEYS.indexOf(b.label)
      : (a: GridRow, b: GridRow) => a.label.localeCompare(b.label, 'fi');
  return { level, days, rows: [...rows.values()].sort(order), totals };
}

/** A help time that lacks advisers, with the instant it begins. */
export type Gap = Occurrence & { start: Date };

// Worked out from every help time of the period (84,000 days to look at for the network's 6,000
// slots over 14 days: 0.4-0.7 s of CPU), so kept as the grid is: shared for up to 30 s, and
// worked out afresh at once after any change to shifts or slots in this process.
const gapLists = shortCache<Gap[]>(30_000, 200);

/** How many times the gaps were worked out (tests show the cache acting). */
export const gapListLoads = () => gapLists.loads;

/**
 * Help times of the next `days` days that still lack advisers, soonest first, for
 * the coordinator's "ask" list. Today's times that have begun are left out: too late to ask.
 */
export async function gaps(viewer: AuthUser, days = 14, now = new Date(), f: Partial<CoverageFilter> = {}) {
  const today = helsinkiToday(now);
  const scope = viewer.permissions['roster:manage'] === 'all' ? 'all' : `org:${viewer.organisationId}`;
  const key = [rosterGeneration(), scope, today, days, f.district, f.pointSlug, f.language, f.topic].join(
    '|',
  );
  const open = await gapLists.get(key, async () =>
    (await occurrences(viewer, { ...f, from: today, to: addDays(today, days - 1) }))
      .filter((o) => o.state !== 'staffed')
      .map((o) => ({ ...o, start: slotTimes(o, o.date).start }))
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  );
  return open.filter((o) => o.start > now).slice(0, 100);
}

export const COVERAGE_VIEWS = ['week', 'month'] as const;
export type CoverageView = (typeof COVERAGE_VIEWS)[number];

/**
 * The grid's filter from its address. Lenient, as a filter from a link should be: anything not
 * understood is left out (a bad day is today, an unknown area the whole network).
 */
export function coverageQuery(
  url: URL,
  languages: readonly string[],
  topics: readonly string[],
  today = helsinkiToday(),
) {
  const get = (name: string) => url.searchParams.get(name) ?? '';
  const view: CoverageView = get('view') === 'month' ? 'month' : 'week';
  const asked =
    /^\d{4}-\d{2}-\d{2}$/.test(get('from')) && !Number.isNaN(Date.parse(get('from'))) ? get('from') : today;
  const from = view === 'month' ? monthStart(asked) : weekStart(asked);
  const to = view === 'month' ? monthEnd(from) : addDays(from, 6);
  const district = DISTRICT_KEYS.includes(get('area')) ? get('area') : undefined;
  const pointSlug = /^[a-z0-9-]{1,100}$/.test(get('point')) ? get('point') : undefined;
  const language = languages.includes(get('language')) ? get('language') : undefined;
  const topic = topics.includes(get('topic')) ? get('topic') : undefined;
  return {
    view,
    filter: { from, to, district, pointSlug, language, topic } satisfies CoverageFilter,
    previous: view === 'month' ? addMonths(from, -1) : addDays(from, -7),
    next: view === 'month' ? addMonths(from, 1) : addDays(from, 7),
  };
}
