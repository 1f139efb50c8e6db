import type { PGlite } from '@electric-sql/pglite';
import { PrismaClient, type Prisma } from '~/generated/prisma/client';
import { openPGlite, runtimeAdapter } from '~/db/adapters.server';
import { resolveDatabaseTarget } from '~/db/database-url.server';
import { databaseSettings } from '~/env.server';

function createClient() {
  const target = resolveDatabaseTarget();
  const pglite = target.kind === 'pglite' ? openPGlite(target.dataDir) : undefined;
  const client = new PrismaClient({
    adapter: runtimeAdapter(target, pglite),
    // Prisma gives a transaction 2 s to get its connection. The embedded database has one, so a
    // burst (50 sign-ups for a popular training at once) queues behind it; on a busy machine 2 s
    // was too short (seen in CI). Wait as long as a statement may take instead.
    transactionOptions: { maxWait: databaseSettings().DATABASE_STATEMENT_TIMEOUT_MS },
  });
  return { client, pglite, target };
}

// One client per process; kept on globalThis so dev rebuilds do not open a second PGlite
// on the same folder.
const globalForDb = globalThis as unknown as { __tukiverkkoDb?: ReturnType<typeof createClient> };
const instance = (globalForDb.__tukiverkkoDb ??= createClient());

export const db = instance.client;
/** The embedded database, when that is what runs (tests apply migrations through it). */
export const embeddedDatabase: PGlite | undefined = instance.pglite;

export type Db = typeof db;

/** A client inside `db.$transaction(async (tx) => …)`; domain commands accept either. */
export type Tx = Prisma.TransactionClient;
