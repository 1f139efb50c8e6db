import { Prisma } from '~/generated/prisma/client';

/** An ILIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally. */
export function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A whole number written into a statement's text rather than sent as a parameter: a LIMIT or an
 * OFFSET. With `LIMIT $1` a named statement's generic plan cannot know how many rows are wanted
 * and is costed as if a tenth of the table were, so PostgreSQL plans such a statement afresh on
 * every run (ADR 034); written out, the generic plan is chosen where it is as good. Only integers
 * the code chose; anything else throws.
 */
export function literalInt(value: number): Prisma.Sql {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return Prisma.raw(String(value));
}
