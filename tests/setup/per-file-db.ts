// Runs before every test file: a database of its own, migrated, with roles seeded; and a
// console.error that nobody expected fails the test.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { TEMPLATE_DB, databaseUrl } from './global-db';

const base = process.env.TEST_DATABASE_URL;
const fileDb = `tukiverkko_test_${randomUUID().replaceAll('-', '')}`;

if (base) {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${fileDb} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  process.env.DATABASE_URL = databaseUrl(base, fileDb);
} else {
  process.env.DATABASE_URL = 'pglite:memory';
}
Object.assign(process.env, {
  NODE_ENV: 'test',
  APP_ORIGIN: 'http://localhost:3000',
  OUTBOX_DIR: path.join(os.tmpdir(), `tukiverkko-outbox-${randomUUID()}`),
  UPLOAD_DIR: path.join(os.tmpdir(), `tukiverkko-uploads-${randomUUID()}`),
  JOBS_WORKER: 'off',
});
delete process.env.SMTP_URL;

const { db, embeddedDatabase } = await import('~/db.server');
const { applyMigrations, pgliteRunner } = await import('~/db/migrations.server');
const { setSecondFactorRoles, syncRolesAndPermissions } = await import('~/auth/roles.server');

beforeAll(async () => {
  if (embeddedDatabase) await applyMigrations(pgliteRunner(embeddedDatabase));
  // One-step sign-in, as in the demo data; the two-factor tests turn the requirement on.
  await db.$transaction(async (tx) => {
    await syncRolesAndPermissions(tx);
    await setSecondFactorRoles(tx, []);
  });
});

afterAll(async () => {
  await db.$disconnect();
  await embeddedDatabase?.close();
  if (base) {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${fileDb} WITH (FORCE)`);
    await admin.end();
  }
});

// An in-memory PGlite answers through promises alone, so a test file can run for a minute without
// the event loop ever turning. Vitest's worker then never reads the main process's replies, and
// when the loop finally turns its 60 s RPC timers fire first: "Timeout calling onTaskUpdate"
// (issue 22). So every test ends by giving the loop a turn, and a file that still holds it
// for long fails here with a message that says so instead of at random.
const LONGEST_HOLD_MS = 30_000;
// performance.now(), not Date.now(): tests that fake the clock move Date by days.
let lastTurn = performance.now();
let longestHold = 0;
let turns: NodeJS.Timeout | undefined;
beforeAll(() => {
  lastTurn = performance.now();
  turns = setInterval(() => {
    const now = performance.now();
    longestHold = Math.max(longestHold, now - lastTurn);
    lastTurn = now;
  }, 100).unref();
});
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
afterAll(() => {
  clearInterval(turns);
  longestHold = Math.max(longestHold, performance.now() - lastTurn);
  expect(
    Math.round(longestHold),
    'a test kept the event loop from turning for this many ms: await a macrotask (setImmediate) between batches',
  ).toBeLessThan(LONGEST_HOLD_MS);
});

const errors: string[] = [];
beforeEach(() => {
  errors.length = 0;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(format(...args));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(errors, 'unexpected console.error').toEqual([]);
});
