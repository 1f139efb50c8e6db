import { describe, expect, it } from 'vitest';
import { containsPattern, literalInt, pageWindow } from './sql';

describe('literalInt', () => {
  it('writes a whole number into the text, with no parameter', () => {
    const sql = literalInt(30);
    expect(sql.sql).toBe('30');
    expect(sql.values).toEqual([]);
    expect(literalInt(0).sql).toBe('0');
  });

  it('refuses anything that is not a safe integer', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, Number('1; DROP TABLE x')])
      expect(() => literalInt(bad)).toThrow(/not an integer/);
  });
});

describe('containsPattern', () => {
  it("takes LIKE's own wildcards literally", () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

describe('pageWindow', () => {
  it('writes the page size and the first page’s offset into the text', () => {
    const first = pageWindow(30, 0);
    expect(first.sql).toBe('LIMIT 30 OFFSET 0');
    expect(first.values).toEqual([]);
  });

  it('gives every later page one text, its offset a parameter', () => {
    const [second, third] = [pageWindow(30, 30), pageWindow(30, 60)];
    expect(second.sql).toBe('LIMIT 30 OFFSET ?::int');
    expect(third.sql).toBe(second.sql);
    expect([second.values, third.values]).toEqual([[30], [60]]);
  });

  it('refuses an offset that is not a whole number of rows', () => {
    for (const bad of [-30, 1.5, Number.NaN]) expect(() => pageWindow(30, bad)).toThrow(/not an offset/);
  });
});
