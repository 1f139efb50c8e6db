// The database's own upkeep (issue 18 item 7): foreign keys have indexes, and a migration is
// recorded in its own transaction.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPGlite } from '~/db/adapters.server';
import { applyMigrations, pgliteRunner } from '~/db/migrations.server';
import { db } from '~/db.server';

describe('the schema', () => {
  it('has an index starting with every single-column foreign key', async () => {
    const unindexed = await db.$queryRaw<{ tbl: string; col: string }[]>`
      SELECT c.conrelid::regclass::text AS tbl, a.attname::text AS col
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1
        AND c.connamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
      ORDER BY 1, 2`;
    expect(unindexed.map((u) => `${u.tbl}.${u.col}`)).toEqual([]);
  });
});

describe('the migration runner', () => {
  it('records a migration in the migration’s own transaction: a failed record leaves nothing applied', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tukiverkko-migrations-'));
    const write = (name: string, sql: string) => {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
    };
    write('001_first', 'CREATE TABLE first_table (id int);');
    write('002_second', 'CREATE TABLE second_table (id int);');
    const pg = openPGlite(undefined);
    try {
      const run = pgliteRunner(pg);
      expect(await applyMigrations(run, dir)).toEqual(['001_first', '002_second']);
      // Re-running applies nothing.
      expect(await applyMigrations(run, dir)).toEqual([]);

      // The bookkeeping refuses the next record (as a crash between the two steps would lose it):
      // the migration's own change must be gone with it.
      await run.exec(
        `ALTER TABLE "_prisma_migrations" ADD CONSTRAINT no_third CHECK (migration_name <> '003_third')`,
      );
      write('003_third', 'CREATE TABLE third_table (id int);');
      await expect(applyMigrations(run, dir)).rejects.toThrow(/003_third failed/);
      const tables = await run.query<{ table_name: string }>(
        `SELECT table_name::text AS table_name FROM information_schema.tables
         WHERE table_name IN ('first_table', 'second_table', 'third_table')`,
      );
      expect(tables.map((t) => t.table_name).sort()).toEqual(['first_table', 'second_table']);

      // Once the record can be written, it applies, once.
      await run.exec(`ALTER TABLE "_prisma_migrations" DROP CONSTRAINT no_third`);
      expect(await applyMigrations(run, dir)).toEqual(['003_third']);
      const recorded = await run.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(recorded.map((r) => r.migration_name)).toEqual(['001_first', '002_second', '003_third']);
    } finally {
      await pg.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
