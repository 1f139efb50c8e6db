import { SMALL_GROUP } from './constants';

/** A count as a cross-organisation view may show it: null means "fewer than 5". */
export function shown(count: number, apply: boolean): number | null {
  return apply && count > 0 && count < SMALL_GROUP ? null : count;
}
