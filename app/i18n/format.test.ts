import { describe, expect, test } from 'vitest';
import { helsinkiDateTime, helsinkiDayStart, helsinkiLocalInput } from './format';

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
