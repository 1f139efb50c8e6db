import { helsinkiDateTime } from '~/i18n/format';
import { addDays, isoWeekday } from '~/utils/calendar-days';

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

/** The days from `from` to `to` (both included) on which the slot happens. */
export function slotDates(rule: SlotRule, from: string, to: string): string[] {
  const first = from > rule.validFrom ? from : rule.validFrom;
  const last = rule.validUntil && rule.validUntil < to ? rule.validUntil : to;
  const skipped = new Set(rule.exceptions);
  const dates: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1))
    if (rule.weekdays.includes(isoWeekday(day)) && !skipped.has(day)) dates.push(day);
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
