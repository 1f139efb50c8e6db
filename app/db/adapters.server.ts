// Relative imports: prisma.config.ts loads this module outside the app's path aliases.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { databaseSettings } from '../env.server';
import {
  assertDatabaseUp,
  isDatabaseUnavailable,
  noteDatabaseError,
  registerEmbeddedMemory,
  registerPool,
  registerProbe,
} from './availability.server';
import type { DatabaseTarget } from './database-url.server';
import { nameStatements } from './prepared-statements.server';

type SqlAdapter = Awaited<ReturnType<PrismaPGlite['connect']>>;

// pg_trgm: search's compound parts and typos (issue 13); the PostgreSQL server ships it too.
const EXTENSIONS = { pg_trgm };

export function openPGlite(dataDir: string | undefined): PGlite {
  return new PGlite({ ...(dataDir ? { dataDir } : {}), extensions: EXTENSIONS });
}

/**
 * pglite-prisma-adapter 0.6 sends every statement through the extended protocol, which
 * refuses multi-statement SQL, and its executeScript does not await. The schema engine
 * (migrate dev's shadow database, migrate deploy) sends whole migration files, so route
 * argument-less statements through PGlite's exec and await it.
 */
function scriptSafePGlite(adapter: SqlAdapter, client: PGlite): SqlAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  return Object.assign(adapter, {
    executeRaw: async (query: Parameters<SqlAdapter['executeRaw']>[0]) => {
      if (query.args.length === 0) {
        await client.exec(query.sql);
        return 0;
      }
      return executeRaw(query);
    },
    executeScript: async (script: string) => {
      await client.exec(script);
    },
  });
}

export function pgliteMigrationAdapter(client: PGlite) {
  const factory = new PrismaPGlite(client);
  return Object.assign(factory, {
    connect: async () => scriptSafePGlite(await new PrismaPGlite(client).connect(), client),
    connectToShadowDb: async () => {
      const shadow = new PGlite({ extensions: EXTENSIONS });
      return scriptSafePGlite(await new PrismaPGlite(shadow).connect(), shadow);
    },
  });
}

// Catalog types the schema engine reads (prisma/orm#27403) that adapter-pg 6.19 cannot map.
const CATALOG_TYPES_AS_TEXT = new Set([
  19 /* name */, 1003 /* name[] */, 28 /* xid */, 194 /* pg_node_tree */,
]);
const TEXT_OID = 25;

/**
 * adapter-pg 6.19 as the migration adapter: map catalog types to text, run migration
 * files whole (its executeScript splits on every ";", which breaks function bodies), and
 * give the shadow database a connection string that actually points at it.
 */
export function postgresMigrationAdapter(connectionString: string) {
  const patch = <T>(adapter: T): T => {
    const io = adapter as unknown as {
      performIO: (q: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;
      executeScript: (s: string) => Promise<void>;
      client: { query: (s: string) => Promise<unknown> };
    };
    const performIO = io.performIO.bind(adapter);
    io.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result.fields) {
        if (CATALOG_TYPES_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      }
      return result;
    };
    io.executeScript = async (script) => {
      await io.client.query(script);
    };
    return adapter;
  };
  const factory = new PrismaPg({ connectionString });
  return Object.assign(factory, {
    connect: async () => patch(await new PrismaPg({ connectionString }).connect()),
    connectToShadowDb: async () => {
      const admin = patch(await new PrismaPg({ connectionString }).connect());
      const database = `tukiverkko_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadowUrl = new URL(connectionString);
      shadowUrl.pathname = `/${database}`;
      const shadow = patch(await new PrismaPg({ connectionString: shadowUrl.toString() }).connect());
      const dispose = shadow.dispose.bind(shadow);
      return Object.assign(shadow, {
        dispose: async () => {
          await dispose();
          await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          await admin.dispose();
        },
      });
    },
  });
}

// PGlite runs in this thread and answers through promises alone, so a request that sends many
// statements never lets the event loop turn: other connections, timers and (in tests) the test
// runner's messages wait until it is done (issue 22: a test file starved its worker for a
// minute). Before a statement, give the loop a turn if it has not had one for a while.
const TURN_EVERY_MS = 20;
let lastTurn = performance.now();

async function turnIfDue() {
  if (performance.now() - lastTurn < TURN_EVERY_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastTurn = performance.now();
}

type Queryable = Pick<SqlAdapter, 'queryRaw' | 'executeRaw'>;
function turning<T extends Queryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  return Object.assign(queryable, {
    queryRaw: async (query: Parameters<SqlAdapter['queryRaw']>[0]) => {
      await turnIfDue();
      return queryRaw(query);
    },
    executeRaw: async (query: Parameters<SqlAdapter['executeRaw']>[0]) => {
      await turnIfDue();
      return executeRaw(query);
    },
  });
}

function turningPGlite(client: PGlite) {
  const factory = new PrismaPGlite(client);
  const connect = factory.connect.bind(factory);
  return Object.assign(factory, {
    connect: async () => {
      const adapter = turning(await connect());
      const startTransaction = adapter.startTransaction.bind(adapter);
      return Object.assign(adapter, {
        startTransaction: async (...args: Parameters<SqlAdapter['startTransaction']>) =>
          turning(await startTransaction(...args)),
      });
    },
  });
}

/**
 * Every statement of the running app passes here: while the database is known to be down it
 * fails at once (no request waits for a timeout), and a failure that means "unreachable" marks
 * it down (availability.server.ts). A transaction whose connection failed is handed back to the
 * pool as broken, never reused: after a hang its protocol state is unknown.
 */
type PooledConnection = { release(error?: Error | boolean): void };

let statementsSent = 0;
/** Statements sent since the process started: tests and the bench count a page's with it. */
export function statementCount() {
  return statementsSent;
}

function guarded<T extends Queryable>(queryable: T, onFault?: (error: unknown) => void): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  const run = async <R>(statement: () => Promise<R>): Promise<R> => {
    assertDatabaseUp();
    statementsSent += 1;
    try {
      return await statement();
    } catch (error) {
      noteDatabaseError(error);
      if (isDatabaseUnavailable(error)) onFault?.(error);
      throw error;
    }
  };
  return Object.assign(queryable, {
    queryRaw: (query: Parameters<SqlAdapter['queryRaw']>[0]) => run(() => queryRaw(query)),
    executeRaw: (query: Parameters<SqlAdapter['executeRaw']>[0]) => run(() => executeRaw(query)),
  });
}

function guardedTransactions<T extends SqlAdapter>(adapter: T): T {
  const startTransaction = adapter.startTransaction.bind(adapter);
  return Object.assign(adapter, {
    startTransaction: async (...args: Parameters<SqlAdapter['startTransaction']>) => {
      assertDatabaseUp();
      const tx = await startTransaction(...args).catch((error: unknown) => {
        noteDatabaseError(error);
        throw error;
      });
      // adapter-pg's transaction holds its pooled connection as `client`; PGlite's has none.
      const held = tx as unknown as { client?: PooledConnection; cleanup?: () => void };
      let broken: Error | undefined;
      const end = (finish: () => Promise<void>) => async () => {
        if (!broken || !held.client) return finish();
        held.cleanup?.();
        held.client.release(broken);
      };
      return Object.assign(
        guarded(tx, (error) => {
          broken = error instanceof Error ? error : new Error(String(error));
        }),
        { commit: end(tx.commit.bind(tx)), rollback: end(tx.rollback.bind(tx)) },
      );
    },
  });
}

function postgresAdapter(connectionString: string) {
  const { DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_POOL_SIZE } =
    databaseSettings();
  const lost = (error: Error) => noteDatabaseError(error);
  const factory = new PrismaPg(
    {
      connectionString,
      max: DATABASE_POOL_SIZE,
      connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS,
      // The server cancels a statement that runs too long; the client gives up on one whose
      // answer never arrives (a hung network path, where the server never saw it).
      statement_timeout: DATABASE_STATEMENT_TIMEOUT_MS,
      query_timeout: DATABASE_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: 6 * DATABASE_STATEMENT_TIMEOUT_MS,
      keepAlive: true,
    },
    { onPoolError: lost, onConnectionError: lost },
  );
  const connect = factory.connect.bind(factory);
  return Object.assign(factory, {
    connect: async () => {
      const adapter = await connect();
      const pool = adapter.underlyingDriver() as Parameters<typeof registerPool>[0] & {
        query(sql: string): Promise<unknown>;
        on(event: 'connect', listener: (connection: Parameters<typeof nameStatements>[0]) => void): void;
      };
      pool.on('connect', nameStatements);
      registerProbe(() => pool.query('SELECT 1'));
      registerPool(pool);
      return guardedTransactions(guarded(adapter));
    },
  });
}

function pgliteAdapter(client: PGlite) {
  const factory = turningPGlite(client);
  const connect = factory.connect.bind(factory);
  registerProbe(() => client.query('SELECT 1'));
  registerEmbeddedMemory(() => (client.Module as { HEAPU8?: Uint8Array } | undefined)?.HEAPU8?.length ?? 0);
  return Object.assign(factory, {
    connect: async () => guardedTransactions(guarded(await connect())),
  });
}

export function runtimeAdapter(target: DatabaseTarget, pglite?: PGlite) {
  if (target.kind === 'postgres') return postgresAdapter(target.connectionString);
  return pgliteAdapter(pglite ?? openPGlite(target.dataDir));
}
