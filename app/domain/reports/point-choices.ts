// The support points the dashboards' filter offers (the guidance log form uses the same limit
// for its own list: entryChoices). The network has ~150 places and the select lists them all; at
// thousands (the national data set has 1,500) a select is unusable on a phone and was most of a
// 290 KB page, so it then lists the busiest places of the view and the chosen one. Any other place
// is a tap away from its page in the support point directory, which finds places by name,
// district and kind and links to each one's figures.

/** Up to this many active support points, the filter lists them all. */
export const POINT_LIST_MAX = 300;

type Point = { id: string; name: string };

/**
 * The filter's places, from the places `listed` (in name order) of the network's `active` ones:
 * all of them, or for a large network the busiest of the view and the chosen one.
 * `dashboardPoints` reads only those a large network's filter will list.
 */

export function pointChoices(
  listed: Point[],
  active: number,
  busiest: string[],
  chosen: string | undefined,
): { points: Point[]; shortened: boolean } {
  if (active <= POINT_LIST_MAX) return { points: listed, shortened: false };
  const wanted = new Set([...busiest, ...(chosen ? [chosen] : [])]);
  // `listed` is in name order already.
  return { points: listed.filter((p) => wanted.has(p.id)), shortened: true };
}
