import { TIME_ZONE } from './config';

const LOCALE_TAG: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatDateTime(value: Date | string, language: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[language] ?? 'fi-FI', {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}

/** The instant a calendar day (YYYY-MM-DD, plus `addDays`) begins in Helsinki, DST included. */
export function helsinkiDayStart(date: string, addDays = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + addDays);
  // Helsinki is UTC+2 or +3: read the offset at that moment and step back by it.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMidnight));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asIfUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(utcMidnight - (asIfUtc - utcMidnight));
}
