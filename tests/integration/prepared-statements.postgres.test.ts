// Named statements (app/db/prepared-statements.server.ts, ADR 034): on a PostgreSQL server a
// pooled connection parses a statement once and runs it again by name. A .postgres test: the
// embedded database has no pool and keeps nothing between statements.
import { expect, it } from 'vitest';
import { db } from '~/db.server';
import * as categoryRoute from '~/routes/forum.$slug';
import { makeCategory, makeOrganisation, makeUser } from '#tests/factories';
import { callLoader, loginAs, makeRequest } from '#tests/helpers';

type Prepared = { name: string; statement: string; runs: number };

it('parses a repeated statement once per connection and runs it by name', async () => {
  const prepared = await db.$transaction(async (tx) => {
    // A transaction holds one connection, so all of these reach the same server process.
    for (let n = 1; n <= 7; n++) {
      const [row] = await tx.$queryRaw<
        { n: number }[]
      >`SELECT ${n}::int AS n, 'prepared-statement-test' AS tag`;
      expect(row!.n).toBe(n);
    }
    return tx.$queryRaw<Prepared[]>`
      SELECT name, statement, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements
      WHERE statement LIKE '%prepared-statement-test%' AND statement NOT LIKE '%pg_prepared_statements%'`;
  });
  expect(prepared).toHaveLength(1);
  expect(prepared[0]!.name).toMatch(/^tk\d+$/);
  expect(prepared[0]!.runs).toBe(7);
});

it('prepares a statement afresh when a migration changed the columns it returns', async () => {
  await db.$executeRawUnsafe('CREATE TABLE prepared_statement_probe (a int)');
  await db.$executeRawUnsafe('INSERT INTO prepared_statement_probe VALUES (1)');
  // In transactions: a plain statement that fails costs its connection anyway (the pool closes a
  // connection whose statement failed), a transaction's connection goes back to the pool.
  const read = () =>
    db.$transaction((tx) =>
      tx.$queryRawUnsafe<Record<string, number>[]>('SELECT * FROM prepared_statement_probe'),
    );
  const readOnManyConnections = () => Promise.allSettled(Array.from({ length: 8 }, read));
  // Prepared on several pooled connections.
  for (let i = 0; i < 3; i++) await readOnManyConnections();
  await db.$executeRawUnsafe('ALTER TABLE prepared_statement_probe ADD COLUMN b int DEFAULT 2');
  // The connections that prepared it refuse it once ("cached plan must not change result type"),
  // then every connection prepares the text afresh.
  const first = await readOnManyConnections();
  for (const r of first)
    if (r.status === 'rejected') expect(String(r.reason)).toContain('must not change result type');
  await readOnManyConnections();
  const third = await readOnManyConnections();
  expect(third.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual(
    Array.from({ length: 8 }, () => [{ a: 1, b: 2 }]),
  );
});

it('plans a page of a list once: its LIMIT and OFFSET are in the text, so the generic plan is chosen', async () => {
  const orgId = (await makeOrganisation(db)).id;
  const author = await makeUser(db, { role: 'adviser', organisationId: orgId });
  const { cookie } = await loginAs('adviser', orgId);
  const category = await makeCategory(db);
  // Enough threads that planning for the values and the generic plan differ in their estimates
  // (on a few rows PostgreSQL takes the generic plan either way).
  await db.$executeRaw`
    INSERT INTO forum_thread (id, category_id, author_id, title, language, created_at, last_post_at)
    SELECT gen_random_uuid(), ${category.id}::uuid, ${author.id}::uuid, 'Ketju ' || n, 'fi',
           now() - n * interval '1 minute', now() - n * interval '1 minute'
    FROM generate_series(1, 3000) n`;
  await db.$executeRaw`ANALYZE forum_thread`;
  // One request at a time: the pool hands the same idle connection back each time.
  for (let n = 0; n < 8; n++) {
    const response = await callLoader(categoryRoute, makeRequest(`/forum/${category.slug}`, { cookie }), {
      slug: category.slug,
    });
    expect(response.status).toBe(200);
  }
  const plans = await db.$queryRaw<{ generic: number; custom: number }[]>`
    SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
    WHERE statement LIKE '%json_build_array(c.id, c.slug%' AND statement NOT LIKE '%pg_prepared_statements%'`;
  // PostgreSQL plans the first five runs for their values; then, with `LIMIT $1 OFFSET $2`, it
  // kept doing so on every run (the generic plan was costed as if a tenth of the table were
  // wanted). With the numbers written out it keeps the generic plan.
  expect(plans).toHaveLength(1);
  expect(plans[0]!.custom).toBeLessThanOrEqual(5);
  expect(plans[0]!.generic).toBeGreaterThanOrEqual(3);
});
