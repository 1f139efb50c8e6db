import { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';

// Several small reads of one page in one round trip (ADR 017): every statement costs a socket
// write, a parse and a plan, however few rows it returns. A part is a query whose rows come
// back as one JSON array, in the order it names (an aggregate does not promise a subquery's
// order); its `read` turns the rows into what the caller uses. JSON has no dates: they arrive
// as text and `read` makes them dates again.

export type Part<T> = { sql: Prisma.Sql | null; read: (rows: never[]) => T };

/** A part from a query and the order of its rows (columns of the query's result, as `r.x`). */
export function part<Row, T>(query: Prisma.Sql, orderBy: Prisma.Sql, read: (rows: Row[]) => T): Part<T> {
  return {
    sql: Prisma.sql`SELECT coalesce(json_agg(r ORDER BY ${orderBy}), '[]'::json) FROM (${query}) r`,
    read,
  };
}

/** A part with nothing to ask (e.g. the member may not see the area): no SQL at all. */
export function nothing<T>(value: T): Part<T> {
  return { sql: null, read: () => value };
}

type Results<P extends readonly Part<unknown>[]> = { [K in keyof P]: P[K] extends Part<infer T> ? T : never };

/** Runs the parts as one statement: `SELECT (part 1) AS p0, (part 2) AS p1, …`. */
export async function readTogether<P extends readonly Part<unknown>[]>(...parts: P): Promise<Results<P>> {
  const asked = parts.flatMap((p) => (p.sql ? [p.sql] : []));
  const [row] = asked.length
    ? await db.$queryRaw<Record<string, never[]>[]>`SELECT ${Prisma.join(
        asked.map((sql, i) => Prisma.sql`(${sql}) AS ${Prisma.raw(`p${i}`)}`),
      )}`
    : [{}];
  let i = 0;
  return parts.map((p) => p.read(p.sql ? (row![`p${i++}`] ?? []) : [])) as Results<P>;
}
