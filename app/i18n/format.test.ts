import { describe, expect, it, test } from 'vitest';
import {
  formatTime,
  formatWeekdayDate,
  helsinkiDateTime,
  helsinkiDayStart,
  helsinkiLocalInput,
  numberFormat,
} from './format';

describe('Helsinki wall-clock times', () => {
  test('winter (UTC+2) and summer (UTC+3)', () => {
    expect(helsinkiDateTime('2026-12-01T09:00').toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(helsinkiDateTime('2026-07-01T09:00').toISOString()).toBe('2026-07-01T06:00:00.000Z');
  });

  test('days that begin on either side of a daylight-saving change', () => {
    expect(helsinkiDayStart('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(helsinkiDayStart('2026-03-30').toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(helsinkiDayStart('2026-10-25', 1).toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });

  test('the datetime-local value of an instant reads back as the same instant', () => {
    for (const iso of ['2026-07-01T06:00:00.000Z', '2026-12-24T16:30:00.000Z', '2026-10-25T02:30:00.000Z']) {
      expect(helsinkiDateTime(helsinkiLocalInput(iso)).toISOString()).toBe(iso);
    }
  });

  test('03:30 on the last Sunday of October happens twice; the wall time names the first (summer time)', () => {
    // As Temporal's "compatible" disambiguation: the earlier of the two instants.
    expect(helsinkiDateTime('2026-10-25T03:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('a day of a month and a time of day', () => {
  it('write the weekday and date out in each language, the time in Helsinki', () => {
    expect(formatWeekdayDate('2026-12-01', 'fi')).toBe('tiistai 1. joulukuuta');
    expect(formatWeekdayDate('2026-12-01', 'sv')).toBe('tisdag 1 december');
    expect(formatWeekdayDate('2026-12-01', 'en')).toBe('Tuesday 1 December');
    // Winter and summer time.
    expect(formatTime('2026-12-01T08:30:00Z', 'fi')).toBe('10.30');
    expect(formatTime('2026-07-01T08:30:00Z', 'en')).toBe('11:30');
  });
});

describe('numberFormat', () => {
  it("writes numbers the language's way, and makes each format once", () => {
    // Finnish and Swedish group thousands with a (narrow) no-break space and use a decimal comma.
    expect(numberFormat('fi').format(12345.678)).toMatch(/^12\s345,678$/u);
    expect(numberFormat('sv').format(12345.678)).toMatch(/^12\s345,678$/u);
    expect(numberFormat('en').format(12345.678)).toBe('12,345.678');
    expect(numberFormat('fi', 1).format(12.34)).toBe('12,3');
    expect(numberFormat('fi')).toBe(numberFormat('fi'));
    expect(numberFormat('fi', 1)).not.toBe(numberFormat('fi'));
  });
});
