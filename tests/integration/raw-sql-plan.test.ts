// Raw SQL without the query compiler (patches/@prisma+client+6.19.3.patch, ADR 035): the plan of a
// $queryRaw whose values are all plain is built in JavaScript; anything else is still compiled.
import { afterEach, expect, it, vi } from 'vitest';
// @ts-expect-error the compiler's runtime ships without type declarations
import { QueryCompiler } from '@prisma/client/runtime/query_compiler_bg.postgresql.mjs';
import { db } from '~/db.server';

afterEach(() => vi.restoreAllMocks());

it('runs a raw statement with plain values without compiling it, with the same answers', async () => {
  await db.$queryRaw`SELECT 1`; // the client connects (and loads the compiler) on first use
  const compile = vi.spyOn(QueryCompiler.prototype, 'compile');
  const at = new Date('2026-01-02T03:04:05.678Z');
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${"it's"}::text AS text, ${42}::int AS whole, ${2.5}::float8 AS fraction, ${true}::boolean AS yes,
           ${null}::text AS nothing, ${at}::timestamptz AS at,
           cardinality(${['adviser', 'trainer']}::text[])::int AS roles`;
  expect(row).toEqual({
    text: "it's",
    whole: 42,
    fraction: 2.5,
    yes: true,
    nothing: null,
    at,
    roles: 2,
  });
  expect(await db.$executeRaw`SELECT 1 WHERE ${'a'} = ${'a'}`).toBeGreaterThanOrEqual(0);
  expect(compile).not.toHaveBeenCalled();
});

it('leaves lists of numbers, JSON, big integers and model queries to the compiler', async () => {
  await db.$queryRaw`SELECT 1`;
  const compile = vi.spyOn(QueryCompiler.prototype, 'compile');
  const [row] = await db.$queryRaw<{ n: number; big: bigint; doc: unknown }[]>`
    SELECT cardinality(${[1, 2]}::int[])::int AS n, ${BigInt(2) ** BigInt(60)}::bigint AS big,
           ${{ a: 1 }}::jsonb AS doc`;
  expect(row).toEqual({ n: 2, big: BigInt(2) ** BigInt(60), doc: { a: 1 } });
  expect(compile).toHaveBeenCalledTimes(1);
  await db.user.count();
  expect(compile).toHaveBeenCalledTimes(2);
});
