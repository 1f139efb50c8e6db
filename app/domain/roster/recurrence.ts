import { helsinkiDateTime } from '~/i18n/format';
import { dayDate, isoDay, isoWeekday } from '~/utils/calendar-days';

// When a slot happens. A slot repeats on its weekdays from its first day to its last (or for
// ever), except on the days listed; its times are Helsinki wall-clock times, so 10:00 stays
// 10:00 when the clocks change (the instant moves by an hour instead).

export type SlotRule = {
  weekdays: readonly number[];
  startsAt: string;
  endsAt: string;
  validFrom: string;
  validUntil: string | null;
  exceptions: readonly string[];
};

const DAY_MS = 86_400_000;

/** The days from `from` to `to` (both included) on which the slot happens. */
export function slotDates(rule: SlotRule, from: string, to: string): string[] {
  const first = from > rule.validFrom ? from : rule.validFrom;
  const last = rule.validUntil && rule.validUntil < to ? rule.validUntil : to;
  if (first > last) return [];
  const skipped = rule.exceptions.length ? new Set(rule.exceptions) : null;
  // Counted in whole days from `first`: a day's text is made only when its weekday matches
  // (a month of the network's 6,000 help times is 186,000 days to look at).
  const start = dayDate(first).getTime();
  const end = dayDate(last).getTime();
  const firstWeekday = isoWeekday(first);
  const dates: string[] = [];
  for (let ms = start, i = 0; ms <= end; ms += DAY_MS, i++) {
    if (!rule.weekdays.includes(((firstWeekday - 1 + i) % 7) + 1)) continue;
    const day = isoDay(new Date(ms));
    if (!skipped?.has(day)) dates.push(day);
  }
  return dates;
}

/** Whether the slot happens on that day. */
export function happensOn(rule: SlotRule, date: string): boolean {
  return slotDates(rule, date, date).length === 1;
}

/** The instants a slot's day begins and ends, DST included. */
export function slotTimes(rule: Pick<SlotRule, 'startsAt' | 'endsAt'>, date: string) {
  return {
    start: helsinkiDateTime(`${date}T${rule.startsAt}`),
    end: helsinkiDateTime(`${date}T${rule.endsAt}`),
  };
}

/** The columns of help_slot that make its rule (select them, then `ruleOf`). */
export const RULE_COLUMNS = {
  weekdays: true,
  startsAt: true,
  endsAt: true,
  validFrom: true,
  validUntil: true,
  exceptions: true,
} as const;

/** A slot's rule as stored: days as Dates. */
type SlotRow = {
  weekdays: number[];
  startsAt: string;
  endsAt: string;
  validFrom: Date;
  validUntil: Date | null;
  exceptions: Date[];
};

/** A stored slot's rule, with its days as "YYYY-MM-DD". */
export function ruleOf(slot: SlotRow): SlotRule {
  return {
    weekdays: slot.weekdays,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    validFrom: isoDay(slot.validFrom),
    validUntil: slot.validUntil ? isoDay(slot.validUntil) : null,
    exceptions: slot.exceptions.map(isoDay),
  };
}
