import { describe, expect, it } from 'vitest';
import { containsPattern, literalInt } from './sql';

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
