import { db } from '~/db.server';
import { fold, isNearMiss } from './spelling';

// What a search box's text becomes (issue 13). Each word is looked for by its stem as a prefix
// (`salasana` → 'salas':* finds salasanat, salasanalla), and, ranked below that, as other words
// the index has seen: the same word's other inflections, compounds it is part of (`viesti` →
// tekstiviesti), its parts when it is a compound (`huijausviesti` → huijaus & viesti), and, when
// no word in the index begins with it, words one slip away (`salsana` → salasana). The result is
// text for to_tsquery, which stems every alternative with each language's own stemmer.

type Term = { words: string[]; phrase: boolean; negate: boolean; or: boolean };

/** Quoted phrases, `-word` to leave out, `or` between words; the rest must all match. */
export function parseQuery(q: string): Term[] {
  const terms: Term[] = [];
  let or = false;
  for (const [, minus, quoted, plain] of q.normalize('NFC').matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    if (plain !== undefined && /^or$/i.test(plain) && terms.length) {
      or = true;
      continue;
    }
    const negate = minus === '-' || (plain?.startsWith('-') ?? false);
    const words = (quoted ?? plain ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (!words.length) continue;
    terms.push({ words, phrase: quoted !== undefined, negate, or: or && !negate });
    or = false;
  }
  return terms;
}

/** Words long enough to expand: three letters begin too many words to say anything. */
const expandable = (word: string) => letters(word) >= 4 && !/^\p{N}+$/u.test(word);

// By characters, not UTF-16 units: a letter outside the Basic Multilingual Plane is one letter.
const letters = (word: string) => [...word].length;
const cut = (word: string, from: number, to?: number) => [...word].slice(from, to).join('');

/** Two known words a long word may be made of, split after each of its 4th…(n−4)th letters. */
const splitsOf = (w: string): [string, string][] =>
  Array.from({ length: Math.max(0, letters(w) - 7) }, (_, i) => [cut(w, 0, i + 4), cut(w, i + 4)]);

const PER_KIND = 10;

type Expansion = {
  inflections: string[];
  compounds: string[];
  splits: [string, string][];
  nearMisses: string[];
};

// What the index's words say about a query word changes only as new words are written, so it
// is kept for a minute per word (per process): a search for a word searched a moment ago sends
// no words lookup. A word new to the index may take that minute to join a query's expansions.
const EXPANSION_TTL_MS = 60_000;
const EXPANSIONS_KEPT = 5_000;
const expansionCache = new Map<string, { expansion: Expansion; until: number }>();

/** The index's words for each query word: from memory, the rest in one statement. */
async function expand(words: string[], now = Date.now()): Promise<Map<string, Expansion>> {
  const found = new Map<string, Expansion>();
  for (const w of words) {
    const kept = expansionCache.get(w);
    if (kept && kept.until > now) found.set(w, kept.expansion);
  }
  const missing = words.filter((w) => !found.has(w));
  for (const [w, expansion] of await lookUp(missing)) {
    found.set(w, expansion);
    if (expansionCache.size >= EXPANSIONS_KEPT) expansionCache.delete(expansionCache.keys().next().value!);
    expansionCache.set(w, { expansion, until: now + EXPANSION_TTL_MS });
  }
  return found;
}

async function lookUp(words: string[]): Promise<Map<string, Expansion>> {
  const found = new Map<string, Expansion>();
  if (!words.length) return found;
  const parts = words.flatMap((w) => splitsOf(w).flat());
  // Folded and cut here, so the statement compares columns with constants row by row.
  const folded = words.map(fold);
  const roots = words.map((w) => fold(cut(w, 0, Math.max(4, letters(w) - 3))));
  const partsOf = words.map((w) => fold(cut(w, 0, Math.max(4, letters(w) - 2))));
  const rows = await db.$queryRaw<{ query: string | null; word: string; folded: string; sim: number }[]>`
    SELECT q.word AS query, v.word, v.folded, similarity(v.folded, q.folded) AS sim
    FROM unnest(${words}::text[], ${folded}::text[], ${roots}::text[], ${partsOf}::text[]) AS q(word, folded, root, part)
    CROSS JOIN LATERAL (
      (SELECT s.word, s.folded FROM search_word s WHERE s.folded % q.folded
        ORDER BY similarity(s.folded, q.folded) DESC LIMIT 40)
      UNION
      (SELECT s.word, s.folded FROM search_word s WHERE s.folded LIKE '%_' || q.part || '%'
        ORDER BY length(s.word) LIMIT 40)
      UNION
      (SELECT s.word, s.folded FROM search_word s WHERE s.folded LIKE q.root || '%'
        ORDER BY length(s.word) LIMIT 40)
      UNION
      (SELECT s.word, s.folded FROM search_word s WHERE s.folded LIKE q.folded || '%' LIMIT 1)
    ) v
    UNION ALL
    SELECT NULL, s.word, s.folded, 1 FROM search_word s WHERE s.word = ANY(${parts}::text[])`;
  const existing = new Set(rows.filter((r) => r.query === null).map((r) => r.word));
  for (const [i, w] of words.entries()) {
    // Most alike first: the first near miss is the one "Did you mean" offers.
    const mine = rows.filter((r) => r.query === w).sort((a, b) => b.sim - a.sim);
    // Some word in the index begins with it (ä typed as a counts): no need to guess at slips.
    const known = mine.some((r) => r.folded.startsWith(fold(w)));
    // Roots without the last letters, where Finnish inflection changes a word (pankki, pankissa).
    const [root, part] = [roots[i]!, partsOf[i]!];
    const candidates = mine.filter((r) => r.word !== w && !r.word.startsWith(w));
    found.set(w, {
      inflections: candidates
        .filter((r) => r.folded.startsWith(root))
        .slice(0, PER_KIND)
        .map((r) => r.word),
      compounds: candidates
        .filter((r) => r.folded.indexOf(part) > 0)
        .slice(0, PER_KIND)
        .map((r) => r.word),
      splits: splitsOf(w)
        .filter((pair) => pair.every((p) => existing.has(p)))
        .slice(0, 2),
      nearMisses: known
        ? []
        : candidates
            .filter((r) => isNearMiss(w, r.word))
            .slice(0, PER_KIND)
            .map((r) => r.word),
    });
  }
  return found;
}

export type CompiledQuery = {
  /** to_tsquery text for what was typed, stems as prefixes: ranks first. */
  exact: string;
  /** The same with every expansion: what is matched. */
  full: string;
  /** The query with each unknown word replaced by its nearest known word, when there is one. */
  suggestion: string | null;
};

const prefix = (word: string) => (letters(word) >= 3 ? `${word}:*` : word);

/**
 * The query as to_tsquery text, or null when it has nothing to look for. Without `expand`, only
 * the words as typed (no statement).
 */
export async function compileQuery(q: string, { expand: widen = true } = {}): Promise<CompiledQuery | null> {
  const terms = parseQuery(q);
  if (!terms.some((t) => !t.negate)) return null;
  const single = terms.filter((t) => !t.negate && !t.phrase).flatMap((t) => t.words);
  const expansions = widen
    ? await expand([...new Set(single.filter(expandable))])
    : new Map<string, Expansion>();
  const operand = (term: Term, withExpansions: boolean) => {
    if (term.phrase) return `(${term.words.join(' <-> ')})`;
    if (term.negate) return `!(${term.words.join(' & ')})`;
    return `(${term.words
      .map((w) => {
        const e = expansions.get(w);
        if (!withExpansions || !e) return prefix(w);
        const alternatives = [
          prefix(w),
          ...[...e.inflections, ...e.compounds, ...e.nearMisses].map(prefix),
          ...e.splits.map(([a, b]) => `(${prefix(a)} & ${prefix(b)})`),
        ];
        return `(${[...new Set(alternatives)].join(' | ')})`;
      })
      .join(' & ')})`;
  };
  const join = (withExpansions: boolean) =>
    terms.map((t, i) => (i === 0 ? '' : t.or ? ' | ' : ' & ') + operand(t, withExpansions)).join('');
  let suggestion: string | null = null;
  for (const [w, e] of expansions) {
    const best = e.nearMisses[0];
    if (best) suggestion = (suggestion ?? q).replace(new RegExp(escapeRegExp(w), 'iu'), best);
  }
  return { exact: join(false), full: join(true), suggestion };
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
