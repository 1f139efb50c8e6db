// How near a typed word is to a word the index has seen (issue 13): one wrong, missing, extra
// or swapped letter, and letters typed without their dots on a phone keyboard (ä → a).

const FOLDS: Record<string, string> = { ä: 'a', å: 'a', ö: 'o', é: 'e', ü: 'u' };

/** Lower case without the dots and accents a phone keyboard leaves out; the same as search_fold() in SQL. */
export function fold(word: string): string {
  return word.toLowerCase().replace(/[äåöéü]/g, (c) => FOLDS[c]!);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(typed: string, known: string): number {
  const a = [...typed];
  const b = [...known];
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Whether `known` is what `typed` meant, give or take one slip: the typed word against the
 * known word's beginning (it may go on with an inflection, `salsana` → `salasanalla`).
 */
export function isNearMiss(typed: string, known: string): boolean {
  const a = fold(typed);
  const b = [...fold(known)];
  const n = [...a].length;
  if (n < 4) return false;
  for (let k = n - 1; k <= n + 1; k++) {
    if (k > b.length) break;
    if (editDistance(a, b.slice(0, k).join('')) <= 1) return true;
  }
  return false;
}
