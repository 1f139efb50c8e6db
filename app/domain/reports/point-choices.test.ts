import { describe, expect, it } from 'vitest';
import { POINT_LIST_MAX, pointChoices } from './point-choices';

const points = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Place ${String(i).padStart(5, '0')}` }));

describe("the dashboards' support point filter", () => {
  it('lists every place of a network of the usual size', () => {
    const all = points(POINT_LIST_MAX);
    expect(pointChoices(all, all.length, ['p3'], 'p7')).toEqual({ points: all, shortened: false });
  });

  it("lists a large network's busiest places of the view and the chosen one, in name order", () => {
    const all = points(POINT_LIST_MAX + 1);
    const { points: listed, shortened } = pointChoices(all, all.length, ['p200', 'p5', 'p17'], 'p250');
    expect(shortened).toBe(true);
    expect(listed.map((p) => p.id)).toEqual(['p5', 'p17', 'p200', 'p250']);
    expect(pointChoices(all, all.length, [], undefined).points).toEqual([]);
  });
});
