// With TEST_DATABASE_URL (a PostgreSQL server), migrate one template database; each test file
// then gets its own copy (CREATE DATABASE … TEMPLATE), which takes milliseconds.
// Without it, each test file runs on its own in-memory PGlite and this does nothing.
import pg from 'pg';
import { applyMigrations, withPostgresRunner } from '../../app/db/migrations.server';

export const TEMPLATE_DB = 'tukiverkko_test_template';

export function databaseUrl(base: string, name: string) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup() {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  await withPostgresRunner(databaseUrl(base, TEMPLATE_DB), (run) => applyMigrations(run));
  return async () => {
    const cleanup = new pg.Client({ connectionString: base });
    await cleanup.connect();
    const { rows } = await cleanup.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'tukiverkko_test_%'`,
    );
    for (const row of rows) await cleanup.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await cleanup.end();
  };
}
