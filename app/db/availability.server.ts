import { logger } from '../utils/log.server';

// Whether the database can be used, as this process last saw it (issue 20, ADR 014).
//
// When a statement fails because the database cannot be reached (refused, hung past its timeout,
// connection cut), the database is marked down: further statements fail at once instead of each
// waiting for a timeout, pages answer 503, and a probe every second marks it up again as soon as
// it answers, without a restart.

/** A statement was not sent because the database is known to be unreachable right now. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

// Driver errors that mean "cannot reach or use the server", not "your statement is wrong".
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);
// Prisma's codes for the same: cannot reach, timed out, closed, no pooled connection in time,
// transaction could not start or was closed under it.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** SQLSTATEs: connection exceptions, shutdown, out of disk/memory/connections, timeout, I/O. */
function unavailableSqlState(code: string) {
  return (
    code.startsWith('08') ||
    ['57P01', '57P02', '57P03', '53100', '53200', '53300', '57014', '58030', '25P03'].includes(code)
  );
}
const UNAVAILABLE_MESSAGES = [
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Cannot use a pool after calling end',
  'Client has encountered a connection error',
  'No space left on device',
  'ENOSPC',
  'PGlite is closed',
];

type ErrorLike = {
  name?: string;
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/** Whether an error (or anything it wraps) says the database is unreachable or cannot write. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const e = error as ErrorLike;
  if (typeof e.kind === 'string' && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.code === 'string' && UNAVAILABLE_PRISMA_CODES.has(e.code)) return true;
  for (const code of [e.code, e.originalCode]) {
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && unavailableSqlState(code)) return true;
  }
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => (e.message as string).includes(m)))
    return true;
  return (
    isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1)
  );
}

/** Faults that mean the server is gone (so fail fast), as opposed to one statement failing. */
function isConnectionFault(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  const text = JSON.stringify(error, Object.getOwnPropertyNames(error as object)) ?? '';
  return !/53100|No space left|ENOSPC|57014/.test(text);
}

type State = { up: true } | { up: false; since: number; reason: string };

const PROBE_EVERY_MS = 1000;
const PROBE_TIMEOUT_MS = 2000;

let state: State = { up: true };
let probe: (() => Promise<unknown>) | undefined;
let probing = false;

/** The adapter registers how to ask the server directly, bypassing the fail-fast guard. */
export function registerProbe(fn: () => Promise<unknown>) {
  probe = fn;
}

type PoolCounts = { totalCount: number; idleCount: number; waitingCount: number };
let pool: PoolCounts | undefined;

/** A PostgreSQL connection pool to report on (/metrics); the embedded database has none. */
export function registerPool(counts: PoolCounts) {
  pool = counts;
}

export function poolStats() {
  return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

let embeddedMemory: (() => number) | undefined;

/** The embedded database's WebAssembly memory, which grows and is never given back (/metrics). */
export function registerEmbeddedMemory(bytes: () => number) {
  embeddedMemory = bytes;
}

export function embeddedMemoryBytes(): number | undefined {
  return embeddedMemory?.();
}

export function databaseState(): Readonly<State> {
  return state;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('probe timed out')), ms);
    timer.unref();
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function probeUntilUp() {
  if (probing || !probe) return;
  probing = true;
  try {
    while (!state.up) {
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS).unref());
      try {
        await withTimeout(probe(), PROBE_TIMEOUT_MS);
        if (!state.up) logger.info('database reachable again', { downMs: Date.now() - state.since });
        state = { up: true };
      } catch {
        // still down; try again
      }
    }
  } finally {
    probing = false;
  }
}

let closing = false;
/** Shutdown: connections the app closes itself are not a fault. */
export function noteClosing() {
  closing = true;
}

/** Called with every failed statement: a connection fault marks the database down. */
export function noteDatabaseError(error: unknown) {
  if (closing || !state.up || !isConnectionFault(error)) return;
  const reason =
    error instanceof Error ? (error.message.split('\n').find(Boolean) ?? error.name) : String(error);
  state = { up: false, since: Date.now(), reason };
  logger.error('database unreachable', { reason });
  void probeUntilUp();
}

/** Throws at once while the database is known to be down (no statement waits for a timeout). */
export function assertDatabaseUp() {
  if (!state.up) throw new DatabaseUnavailableError(`database unavailable: ${state.reason}`);
}

/** Tests: forget what was seen. */
export function resetDatabaseState() {
  state = { up: true };
}
