import { db } from '~/db.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate, isoDay } from '~/utils/calendar-days';
import type { PointFields } from '~/domain/support-points/support-points.server';
import { shortCache } from '~/utils/short-cache.server';
import { PUBLIC_DAYS_SHOWN } from './constants';
import { RULE_COLUMNS, ruleOf, slotDates, slotTimes } from './recurrence';

// What residents and the city's pages see of the roster (issue 17 items 4 and 6, ADR 031): a
// point's *staffed* help times — days of a slot with at least one adviser signed up — with their
// languages and topics, never who. An empty slot is not shown: a resident must not travel to a
// library where nobody is. Read by many, changed seldom: cached for a short time, and dropped at
// once when this process signs someone up, takes a cancellation or changes a slot.

export type PublicHelpTime = {
  date: string;
  startsAt: string;
  endsAt: string;
  /** ISO instants (Helsinki wall-clock made absolute, DST included). */
  start: string;
  end: string;
  languages: string[];
  topics: string[];
};

const pointSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  address: true,
  district: true,
  hoursFi: true,
  hoursSv: true,
  hoursEn: true,
  accessibilityFi: true,
  accessibilitySv: true,
  accessibilityEn: true,
  languages: true,
  appointmentNeeded: true,
  updatedAt: true,
} as const;

export type PublicPoint = PointFields & {
  accessibilityFi: string;
  accessibilitySv: string;
  accessibilityEn: string;
  helpTimes: PublicHelpTime[];
};

/** Staffed help times of the active points matching `pointIds` (all when null), per point id. */
async function staffedTimes(
  pointIds: string[] | null,
  now: Date,
  days = PUBLIC_DAYS_SHOWN,
): Promise<Map<string, PublicHelpTime[]>> {
  const today = helsinkiToday(now);
  const last = addDays(today, days - 1);
  const slots = await db.helpSlot.findMany({
    where: {
      ...(pointIds ? { supportPointId: { in: pointIds } } : { supportPoint: { active: true } }),
      validFrom: { lte: dayDate(last) },
      OR: [{ validUntil: null }, { validUntil: { gte: dayDate(today) } }],
    },
    select: {
      id: true,
      supportPointId: true,
      ...RULE_COLUMNS,
      languages: true,
      topics: true,
    },
  });
  if (!slots.length) return new Map();
  // Which slot-days have someone: one grouped count, not every shift.
  const staffed = await db.shift.groupBy({
    by: ['slotId', 'date'],
    where: {
      cancelledAt: null,
      date: { gte: dayDate(today), lte: dayDate(last) },
      ...(pointIds ? { slotId: { in: slots.map((s) => s.id) } } : {}),
    },
    _count: { _all: true },
  });
  const someone = new Set(staffed.map((s) => `${s.slotId} ${isoDay(s.date)}`));
  const byPoint = new Map<string, PublicHelpTime[]>();
  for (const slot of slots) {
    for (const date of slotDates(ruleOf(slot), today, last)) {
      if (!someone.has(`${slot.id} ${date}`)) continue;
      const { start, end } = slotTimes(slot, date);
      if (end <= now) continue;
      const list = byPoint.get(slot.supportPointId) ?? [];
      list.push({
        date,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        start: start.toISOString(),
        end: end.toISOString(),
        languages: slot.languages,
        topics: slot.topics,
      });
      byPoint.set(slot.supportPointId, list);
    }
  }
  for (const list of byPoint.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  return byPoint;
}

const CACHE_MS = 30_000;
const cache = shortCache<unknown>(CACHE_MS);

let generation = 0;

/** Drops what residents see, after a change to shifts or slots (other processes: within 30 s). */
export function forgetPublicRoster() {
  cache.forget();
  generation += 1;
}

/**
 * Changes whenever forgetPublicRoster runs: server.js keeps rendered public pages, and the
 * coverage grid its figures, per generation.
 */
export const rosterGeneration = () => generation;

/** How many times the cache had to read the database (tests and the bench). */
export const publicRosterLoads = () => cache.loads;

/** One active point as its public page shows it, or null. */
export function publicPoint(slug: string, now = new Date()): Promise<PublicPoint | null> {
  return cache.get(`point:${slug}`, async () => {
    const point = await db.supportPoint.findFirst({ where: { slug, active: true }, select: pointSelect });
    if (!point) return null;
    const { id, updatedAt: _, ...rest } = point;
    return { ...rest, helpTimes: (await staffedTimes([id], now)).get(id) ?? [] };
  }) as Promise<PublicPoint | null>;
}

/** Every active point with its staffed help times (the open-data feed), by name. */
export function publicPoints(now = new Date()): Promise<{ points: PublicPoint[]; generatedAt: string }> {
  return cache.get('all', async () => {
    const [points, times] = await Promise.all([
      db.supportPoint.findMany({ where: { active: true }, orderBy: { name: 'asc' }, select: pointSelect }),
      staffedTimes(null, now),
    ]);
    return {
      generatedAt: now.toISOString(),
      points: points.map(({ id, updatedAt: _, ...rest }) => ({ ...rest, helpTimes: times.get(id) ?? [] })),
    };
  }) as Promise<{ points: PublicPoint[]; generatedAt: string }>;
}
