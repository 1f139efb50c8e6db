import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseTarget } from './database-url.server';

type SqlAdapter = Awaited<ReturnType<PrismaPGlite['connect']>>;

export function openPGlite(dataDir: string | undefined): PGlite {
  return new PGlite(dataDir ? { dataDir } : undefined);
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
      const shadow = new PGlite();
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

export function runtimeAdapter(target: DatabaseTarget, pglite?: PGlite) {
  if (target.kind === 'postgres') {
    return new PrismaPg({
      connectionString: target.connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    });
  }
  return turningPGlite(pglite ?? openPGlite(target.dataDir));
}
