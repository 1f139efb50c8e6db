import { TIME_ZONE } from './config';

const LOCALE_TAG: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

// Building an Intl.DateTimeFormat costs far more than using one (it was 7 % of a library page's
// server time in the bench): one per language, made once.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

const STYLES = {
  dateTime: { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' },
  // A calendar date (a launch day) is stored as midnight UTC and shown as that day.
  date: { timeZone: 'UTC', dateStyle: 'medium' },
  // A calendar date with its weekday, written out: "tiistai 1. joulukuuta" (a month's days on a phone).
  weekdayDate: { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' },
  time: { timeZone: TIME_ZONE, timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function cachedFormat(language: string, style: keyof typeof STYLES) {
  const tag = LOCALE_TAG[language] ?? 'fi-FI';
  const key = `${tag}:${style}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, STYLES[style]);
    dateTimeFormats.set(key, format);
  }
  return format;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Numbers in the language's way (1 234,5 in Finnish), with at most `fractionDigits` decimals:
 * one format per language and precision, made once (a dashboard made one per chart, and its
 * figures were 6 % of the page's server CPU in a profile).
 */
export function numberFormat(language: string, fractionDigits = 3): Intl.NumberFormat {
  const tag = LOCALE_TAG[language] ?? 'fi-FI';
  const key = `${tag}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: fractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatDateTime(value: Date | string, language: string): string {
  return cachedFormat(language, 'dateTime').format(new Date(value));
}

/** A calendar date (a `@db.Date` column), in the language's format. */
export function formatDate(value: Date | string, language: string): string {
  return cachedFormat(language, 'date').format(new Date(value));
}

/** A calendar date (midnight UTC) with its weekday, written out. */
export function formatWeekdayDate(value: Date | string, language: string): string {
  return cachedFormat(language, 'weekdayDate').format(new Date(value));
}

/** The time of day of an instant in Helsinki ("14.30" in Finnish). */
export function formatTime(value: Date | string, language: string): string {
  return cachedFormat(language, 'time').format(new Date(value));
}

/** Minutes Helsinki is ahead of UTC at an instant (120 or 180). */
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

// Helsinki's offset changes only on a whole hour: one Intl call per hour, not per instant (the
// roster's grid of a month asks for tens of thousands of instants). Bounded, as a server lives long.
const offsetByHour = new Map<number, number>();

function helsinkiOffsetMinutes(instant: number): number {
  const hour = Math.floor(instant / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offset = offsetAt(hour * 3_600_000);
    offsetByHour.set(hour, offset);
  }
  return offset;
}

function offsetAt(instant: number): number {
  const parts = wallClock.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asIfUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asIfUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant a Helsinki wall-clock time names ("2026-03-29T03:30"), DST included. */
export function helsinkiDateTime(local: string): Date {
  let instant = instantOf.get(local);
  if (instant === undefined) {
    if (instantOf.size >= 100_000) instantOf.clear();
    instant = wallToInstant(local);
    instantOf.set(local, instant);
  }
  return new Date(instant);
}

// The same few wall-clock times recur (every help time at 10:00 on a day): each is worked out once.
const instantOf = new Map<string, number>();

function wallToInstant(local: string): number {
  const [date, time = '00:00'] = local.split('T') as [string, string?];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  // Temporal's "compatible" rule, which RFC 5545 also uses: a wall time that happens twice (the
  // October change) is the first of the two; one that never happens (March) is read with the
  // offset from before the change, so 03:30 becomes 04:30 summer time.
  const day = 86_400_000;
  const before = wall - helsinkiOffsetMinutes(wall - day) * 60_000;
  const after = wall - helsinkiOffsetMinutes(wall + day) * 60_000;
  const fits = (instant: number) => instant + helsinkiOffsetMinutes(instant) * 60_000 === wall;
  const candidates = [before, after].filter(fits);
  return candidates.length ? Math.min(...candidates) : before;
}

/** The instant a calendar day (YYYY-MM-DD, plus `addDays`) begins in Helsinki, DST included. */
export function helsinkiDayStart(date: string, addDays = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d + addDays)).toISOString().slice(0, 10);
  return helsinkiDateTime(`${day}T00:00`);
}

/** The next time the clock in Helsinki shows `hour`:00 (for the daily jobs). */
export function nextHelsinkiHour(hour: number, now = new Date()): Date {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(now);
  const todayAt = new Date(helsinkiDayStart(today).getTime() + hour * 3600_000);
  return todayAt > now ? todayAt : new Date(helsinkiDayStart(today, 1).getTime() + hour * 3600_000);
}

/** "2026-12-01T09:00:00" in Helsinki for an instant. */
export function helsinkiWallClock(value: Date | string): string {
  const instant = new Date(value).getTime();
  return new Date(instant + helsinkiOffsetMinutes(instant) * 60_000).toISOString().slice(0, 19);
}

/** "2026-12-01T09:00" in Helsinki for an instant: the value of a datetime-local input. */
export function helsinkiLocalInput(value: Date | string): string {
  return helsinkiWallClock(value).slice(0, 16);
}

/** Today's date in Helsinki, YYYY-MM-DD. */
export function helsinkiToday(now = new Date()): string {
  return helsinkiWallClock(now).slice(0, 10);
}
