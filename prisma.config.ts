import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { openPGlite, pgliteMigrationAdapter, postgresMigrationAdapter } from './app/db/adapters.server';
import { resolveDatabaseTarget } from './app/db/database-url.server';

// The CLI (migrate, generate) talks to the database through the same driver adapters as the
// app; see docs/decisions/002-prisma-6-js-engine.md. prisma.config.ts disables .env loading.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const target = resolveDatabaseTarget();
    if (target.kind === 'postgres') return postgresMigrationAdapter(target.connectionString);
    return pgliteMigrationAdapter(openPGlite(target.dataDir));
  },
});
