// readTogether (app/db/read-together.server.ts): several small reads of a page in one
// statement, each part's rows in the order it names, nothing sent for a part with nothing to ask.
import { describe, expect, it } from 'vitest';
import { Prisma } from '~/generated/prisma/client';
import { statementCount } from '~/db/adapters.server';
import { nothing, part, readTogether } from '~/db/read-together.server';

describe('readTogether', () => {
  it('answers every part from one statement, in each part’s own order, dates as text for read to convert', async () => {
    const before = statementCount();
    const [down, up, empty, skipped] = await readTogether(
      part(
        Prisma.sql`SELECT n, timestamptz '2026-12-04 10:00:00+00' + n * interval '1 day' AS at FROM generate_series(1, 5) AS n`,
        Prisma.sql`r.n DESC`,
        (rows: { n: number; at: string }[]) => rows.map((r) => ({ n: r.n, at: new Date(r.at) })),
      ),
      part(Prisma.sql`SELECT n FROM generate_series(1, 3) AS n`, Prisma.sql`r.n`, (rows: { n: number }[]) =>
        rows.map((r) => r.n),
      ),
      part(Prisma.sql`SELECT 1 AS n WHERE false`, Prisma.sql`r.n`, (rows: { n: number }[]) => rows.length),
      nothing('not asked'),
    );
    expect(statementCount() - before).toBe(1);
    expect(down.map((r) => r.n)).toEqual([5, 4, 3, 2, 1]);
    expect(down[4]!.at.toISOString()).toBe('2026-12-05T10:00:00.000Z');
    expect(up).toEqual([1, 2, 3]);
    expect(empty).toBe(0);
    expect(skipped).toBe('not asked');
  });

  it('sends nothing when no part has anything to ask', async () => {
    const before = statementCount();
    expect(await readTogether(nothing([]), nothing(1))).toEqual([[], 1]);
    expect(statementCount() - before).toBe(0);
  });
});
