import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '~/db.server';
import {
  databaseState,
  isDatabaseUnavailable,
  noteDatabaseError,
  resetDatabaseState,
} from '~/db/availability.server';
import { beginDraining, resetReadiness } from '~/domain/health/health.server';
import * as healthz from '~/routes/healthz';
import * as readyz from '~/routes/readyz';

describe('health endpoints', () => {
  it('/healthz says the process is up and /readyz that the database answers', async () => {
    const up = healthz.loader();
    expect(up.status).toBe(200);
    expect(await up.text()).toBe('ok');
    const ready = await readyz.loader();
    expect(ready.status).toBe(200);
    expect(ready.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('readiness', () => {
  afterEach(() => {
    resetReadiness();
    resetDatabaseState();
    vi.restoreAllMocks();
  });

  it('answers 503 as soon as the process starts draining', async () => {
    beginDraining();
    const ready = await readyz.loader();
    expect(ready.status).toBe(503);
    expect(await ready.text()).toBe('shutting down');
  });

  it('answers 503 when the database refuses writes, and caches the write probe for a few seconds', async () => {
    // Reads work, writes fail: what a full disk looks like to the app.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_writes() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$`);
    await db.$executeRawUnsafe(
      'CREATE TRIGGER refuse_writes BEFORE INSERT OR UPDATE ON readiness_probe FOR EACH ROW EXECUTE FUNCTION refuse_writes()',
    );
    try {
      const refused = await readyz.loader();
      expect(refused.status).toBe(503);
      expect(await refused.text()).toBe('database does not accept writes');
      expect(await db.user.count()).toBeGreaterThanOrEqual(0); // reads still work
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER refuse_writes ON readiness_probe');
      await db.$executeRawUnsafe('DROP FUNCTION refuse_writes');
    }
    // Cached: within a few seconds the probe is not written again.
    expect((await readyz.loader()).status).toBe(503);
    resetReadiness();
    expect((await readyz.loader()).status).toBe(200);
    expect(await db.readinessProbe.count()).toBe(1);
  });
});

describe('a database that cannot be reached', () => {
  afterEach(() => resetDatabaseState());

  it('is marked down by a connection fault: statements fail at once, pages answer 503, and a probe brings it back', async () => {
    noteDatabaseError(Object.assign(new Error('Query read timeout'), {}));
    expect(databaseState().up).toBe(false);
    const started = performance.now();
    await expect(db.user.count()).rejects.toSatisfy(isDatabaseUnavailable);
    expect(performance.now() - started).toBeLessThan(100);
    expect((await readyz.loader()).status).toBe(503);
    // The probe (every second) finds the database answering and marks it up by itself.
    await vi.waitFor(() => expect(databaseState().up).toBe(true), { timeout: 5000, interval: 100 });
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
  });

  it('tells database faults from mistakes in a statement', () => {
    const adapterError = (cause: object) => ({ name: 'DriverAdapterError', message: 'x', cause });
    expect(isDatabaseUnavailable(adapterError({ kind: 'ConnectionClosed' }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: 'DatabaseNotReachable', host: 'h' }))).toBe(true);
    expect(isDatabaseUnavailable({ code: 'P1017', message: 'Server has closed the connection.' })).toBe(true);
    expect(
      isDatabaseUnavailable({
        code: 'P2010',
        meta: { driverAdapterError: adapterError({ kind: 'SocketTimeout' }) },
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', originalCode: '53100' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('x', { cause: { code: '57P01' } }))).toBe(true);
    // Not faults of the database: a broken unique constraint, a bad statement, anything else.
    expect(isDatabaseUnavailable({ code: 'P2002', message: 'Unique constraint failed' })).toBe(false);
    expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', originalCode: '42P01' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
