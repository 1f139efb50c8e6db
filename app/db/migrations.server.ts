import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The two things migrating needs from a connection. */
export type SqlRunner = {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
};

export const MIGRATIONS_DIR = path.resolve('prisma/migrations');

// Same bookkeeping table as `prisma migrate deploy`, so the Prisma CLI (status, dev) and this
// migrator agree about what has been applied. See docs/decisions/003-own-migration-runner.md.
const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function pendingMigrationFiles(dir = MIGRATIONS_DIR) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies, in order and each in its own transaction, the migrations not yet applied. */
export async function applyMigrations(run: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> {
  await run.exec(BOOKKEEPING);
  const done = await run.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(done.map((row) => [row.migration_name, row.checksum]));
  const ran: string[] = [];
  for (const migration of pendingMigrationFiles(dir)) {
    const previous = applied.get(migration.name);
    if (previous) {
      if (previous !== migration.checksum) {
        console.warn(`Migration ${migration.name} was edited after it was applied; it is not applied again.`);
      }
      continue;
    }
    // Recorded in the migration's own transaction: a crash can leave it applied and recorded, or
    // neither, never applied but unrecorded (which the next start would try, and fail, to redo).
    const record = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES (${literal(randomUUID())}, ${literal(migration.checksum)}, ${literal(migration.name)}, now(), 1)`;
    await run.exec(`BEGIN;\n${migration.sql}\n;\n${record};\nCOMMIT;`).catch(async (error: unknown) => {
      await run.exec('ROLLBACK').catch(() => {});
      throw new Error(
        `Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    ran.push(migration.name);
  }
  return ran;
}

/** A text as an SQL string literal (the runner's scripts take no parameters). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
  };
}

/** Runs `fn` with a PostgreSQL connection that holds an advisory lock: two instances never migrate at once. */
export async function withPostgresRunner<T>(connectionString: string, fn: (run: SqlRunner) => Promise<T>) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const LOCK = 72_707_001; // any constant shared by every instance of this app
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK]);
    return await fn({
      query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
      exec: async (script) => {
        await client.query(script);
      },
    });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]).catch(() => {});
    await client.end();
  }
}
