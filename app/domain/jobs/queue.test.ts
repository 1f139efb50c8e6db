import { describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { enqueueJob, registerJobHandler, retryDelayMs, runDueJobs } from './queue.server';

describe('job queue', () => {
  it('runs a job once, retries a failing one with growing delays, and gives up after maxAttempts', async () => {
    const seen: string[] = [];
    registerJobHandler('test.ok', async (payload) => {
      seen.push((payload as { n: string }).n);
    });
    let failures = 0;
    registerJobHandler('test.flaky', async () => {
      failures++;
      throw new Error('SMTP is down');
    });
    await db.$transaction((tx) => enqueueJob(tx, { type: 'test.ok', payload: { n: 'a' } }));
    const flaky = await db.$transaction((tx) => enqueueJob(tx, { type: 'test.flaky', maxAttempts: 2 }));

    await runDueJobs();
    expect(seen).toEqual(['a']);
    let row = await db.job.findUniqueOrThrow({ where: { id: flaky } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMTP is down' });
    expect(row.runAt.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) - 2000);

    await runDueJobs(); // not due yet: nothing happens
    expect(failures).toBe(1);
    await db.job.update({ where: { id: flaky }, data: { runAt: new Date() } });
    await runDueJobs();
    row = await db.job.findUniqueOrThrow({ where: { id: flaky } });
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(seen).toEqual(['a']); // the done job never ran again
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
  });

  it('hands each job to exactly one of several workers polling at the same time', async () => {
    const ranBy = new Map<string, string[]>();
    registerJobHandler('test.count', async (payload, job) => {
      const list = ranBy.get((payload as { n: string }).n) ?? [];
      list.push(job.id);
      ranBy.set((payload as { n: string }).n, list);
      await new Promise((r) => setTimeout(r, 5));
    });
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await enqueueJob(tx, { type: 'test.count', payload: { n: String(i) } });
    });
    const counts = await Promise.all(
      ['w1', 'w2', 'w3'].map((workerId) => runDueJobs({ workerId, limit: 100 })),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(ranBy.size).toBe(30);
    expect([...ranBy.values()].every((ids) => ids.length === 1)).toBe(true);
  });

  it('takes over a job whose worker died mid-run, and a unique key prevents a duplicate job', async () => {
    let runs = 0;
    registerJobHandler('test.stale', async () => {
      runs++;
    });
    const id = await db.$transaction((tx) => enqueueJob(tx, { type: 'test.stale', uniqueKey: 'reminder:1' }));
    const dup = await db.$transaction((tx) =>
      enqueueJob(tx, { type: 'test.stale', uniqueKey: 'reminder:1' }),
    );
    expect(dup).toBe(id);
    await db.job.update({
      where: { id },
      data: {
        status: 'running',
        lockedBy: 'dead-worker',
        lockedAt: new Date(Date.now() - 10 * 60 * 1000),
        attempts: 1,
      },
    });
    await runDueJobs();
    expect(runs).toBe(1);
    expect((await db.job.findUniqueOrThrow({ where: { id } })).status).toBe('done');
  });

  it('keeps a job of an unknown type as a failure rather than losing it silently', async () => {
    const id = await db.$transaction((tx) => enqueueJob(tx, { type: 'test.nobody', maxAttempts: 1 }));
    await runDueJobs();
    const row = await db.job.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('failed');
    expect(row.lastError).toContain('No handler');
  });
});
