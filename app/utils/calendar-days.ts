// Calendar days as 'YYYY-MM-DD' (a date input, a `@db.Date` column): arithmetic in UTC, where
// every day has 24 hours, so daylight-saving changes cannot shift a date. Which day it is in
// Helsinki is `helsinkiToday()` in i18n/format.ts.

/** The day as the Date a `@db.Date` column stores (midnight UTC). */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A `@db.Date` column's value (midnight UTC) as the day it is. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  return dayDate(day).getUTCDay() || 7;
}

export function addDays(day: string, days: number): string {
  const d = dayDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** The first day of the day's month. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `months` after (or before, when negative) the day's month. */
export function addMonths(day: string, months: number): string {
  const d = dayDate(monthStart(day));
  d.setUTCMonth(d.getUTCMonth() + months);
  return isoDay(d);
}

/** The last day of the day's month. */
export function monthEnd(day: string): string {
  return addDays(addMonths(day, 1), -1);
}

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  return addDays(day, -((dayDate(day).getUTCDay() + 6) % 7));
}
