// A small in-process cache for what many anonymous readers ask for at once and what changes
// seldom (a point's public page, the open-data feed). Each entry lives `ttlMs`; a change this
// process makes drops entries at once (`forget`), and other processes of a cluster catch up
// within `ttlMs`. Concurrent misses share one load, so a burst costs one database read.

export type ShortCache<V> = {
  get(key: string, load: () => Promise<V>): Promise<V>;
  forget(key?: string): void;
  /** How many loads ran (tests and the bench show the cache acting). */
  readonly loads: number;
};

export function shortCache<V>(ttlMs: number, maxEntries = 2_000): ShortCache<V> {
  const entries = new Map<string, { value: Promise<V>; until: number }>();
  let loads = 0;
  return {
    get(key, load) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.until > now) return hit.value;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      loads += 1;
      const value = load();
      entries.set(key, { value, until: now + ttlMs });
      // A failed load is not kept: the next reader tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    forget(key) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
    get loads() {
      return loads;
    },
  };
}
