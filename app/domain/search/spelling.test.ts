import { describe, expect, it } from 'vitest';
import { editDistance, fold, isNearMiss } from './spelling';

describe('near misses', () => {
  it('count a swap of neighbours as one slip', () => {
    expect(editDistance('huijuas', 'huijaus')).toBe(1);
    expect(editDistance('kirjatso', 'kirjasto')).toBe(1);
    expect(editDistance('salsana', 'salasana')).toBe(1);
    expect(editDistance('salsna', 'salasana')).toBe(2);
  });

  it('take a word with an inflection after it, and letters typed without dots', () => {
    expect(isNearMiss('salsana', 'salasanalla')).toBe(true);
    expect(isNearMiss('tekstivesti', 'tekstiviestin')).toBe(true);
    expect(isNearMiss('sahkoposti', 'sähköpostia')).toBe(true);
    expect(fold('LÖSENORD')).toBe('losenord');
  });

  it('refuse two slips, other words and very short words', () => {
    expect(isNearMiss('salsna', 'salasana')).toBe(false);
    expect(isNearMiss('huijaus', 'hoitaja')).toBe(false);
    expect(isNearMiss('kla', 'kela')).toBe(false);
  });
});
