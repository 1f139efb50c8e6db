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
// Support points and e-services joined the search index after they existed (issue 13): a
// database from before gets their rows once; later saves keep them current.
const { indexUnindexedSupportPoints } = await import('~/domain/support-points/search-index.server');
const { indexUnindexedEServices } = await import('~/domain/briefings/eservice-index.server');
const indexed = await db.$transaction(
  async (tx) => (await indexUnindexedSupportPoints(tx)) + (await indexUnindexedEServices(tx)),
  { timeout: 300_000 },
);
if (indexed) console.log(`Added ${indexed} support point(s) and e-service(s) to the search index.`);
await db.$disconnect();
console.log(
  applied.length
    ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
    : 'Database is up to date.',
);
