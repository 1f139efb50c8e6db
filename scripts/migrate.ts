// Applies committed migrations to DATABASE_URL: the PGlite folder by default, or a PostgreSQL server.
import fs from 'node:fs';
import { openPGlite } from '~/db/adapters.server';
import { resolveDatabaseTarget } from '~/db/database-url.server';
import { applyMigrations, pgliteRunner, withPostgresRunner } from '~/db/migrations.server';

const target = resolveDatabaseTarget();
let applied: string[];
if (target.kind === 'postgres') {
  applied = await withPostgresRunner(target.connectionString, applyMigrations);
} else {
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  const db = openPGlite(target.dataDir);
  try {
    applied = await applyMigrations(pgliteRunner(db));
  } finally {
    await db.close();
  }
}
// The role and permission tables follow app/auth/roles.ts: a deploy that changes the grants
// needs nothing but this command.
const { db } = await import('~/db.server');
const { syncRolesAndPermissions } = await import('~/auth/roles.server');
await db.$transaction((tx) => syncRolesAndPermissions(tx));
await db.$disconnect();
console.log(
  applied.length
    ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
    : 'Database is up to date.',
);
