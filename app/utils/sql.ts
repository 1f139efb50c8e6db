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

/**
 * A page of a list: `LIMIT` and `OFFSET` for `take` rows after `skip`. The page size is written
 * out (literalInt); so is the first page's offset, which is nearly every request. A later page's
 * offset stays a parameter: written out, each page number was a statement text of its own, and
 * someone paging through a long list would use up the process's named statements (MAX_NAMED,
 * which are never given back) for pages nobody asks for twice.
 */
export function pageWindow(take: number, skip: number): Prisma.Sql {
  if (!Number.isSafeInteger(skip) || skip < 0) throw new Error(`not an offset: ${skip}`);
  return skip === 0
    ? Prisma.sql`LIMIT ${literalInt(take)} OFFSET 0`
    : Prisma.sql`LIMIT ${literalInt(take)} OFFSET ${skip}::int`;
}
