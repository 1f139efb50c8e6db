import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { enqueueJob } from './queue.server';
import { JOBS } from './registry.server';
import { retryDelayMs, runDueJobs } from './worker.server';

// The queue's machinery with the real kinds of job, each test putting its own handler in place.
const publishJob = (versionId = randomUUID()) =>
  db.$transaction((tx) => enqueueJob(tx, { type: 'library.publish', payload: { versionId } }));

describe('job queue', () => {
  it('runs a job once, retries a failing one with growing delays, and gives up after maxAttempts', async () => {
    const seen: string[] = [];
    let failures = 0;
    const handlers = {
      'library.pdf-text': async ({ uploadId }: { uploadId: string }) => {
        seen.push(uploadId);
      },
      'library.publish': async () => {
        failures++;
        throw new Error('SMTP is down');
      },
    };
    const uploadId = randomUUID();
    await db.$transaction((tx) => enqueueJob(tx, { type: 'library.pdf-text', payload: { uploadId } }));
    const flaky = await db.$transaction((tx) =>
      enqueueJob(tx, { type: 'library.publish', payload: { versionId: randomUUID() }, maxAttempts: 2 }),
    );

    await runDueJobs({ handlers });
    expect(seen).toEqual([uploadId]);
    let row = await db.job.findUniqueOrThrow({ where: { id: flaky } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMTP is down' });
    expect(row.runAt.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) - 2000);

    await runDueJobs({ handlers }); // not due yet: nothing happens
    expect(failures).toBe(1);
    await db.job.update({ where: { id: flaky }, data: { runAt: new Date() } });
    await runDueJobs({ handlers });
    row = await db.job.findUniqueOrThrow({ where: { id: flaky } });
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(seen).toEqual([uploadId]); // the done job never ran again
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
  });

  it('hands each job to exactly one of several workers polling at the same time', async () => {
    const ranBy = new Map<string, string[]>();
    const handlers = {
      'library.publish': async ({ versionId }: { versionId?: string }, job: { id: string }) => {
        ranBy.set(versionId!, [...(ranBy.get(versionId!) ?? []), job.id]);
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 30; i++)
        await enqueueJob(tx, { type: 'library.publish', payload: { versionId: randomUUID() } });
    });
    const counts = await Promise.all(
      ['w1', 'w2', 'w3'].map((workerId) => runDueJobs({ workerId, limit: 100, handlers })),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(ranBy.size).toBe(30);
    expect([...ranBy.values()].every((ids) => ids.length === 1)).toBe(true);
  });

  it('takes over a job whose worker died mid-run, and the kind’s unique key refuses a duplicate', async () => {
    let runs = 0;
    const handlers = {
      'library.publish': async () => {
        runs++;
      },
    };
    const versionId = randomUUID();
    const id = await publishJob(versionId);
    expect(await publishJob(versionId)).toBe(id);
    expect(
      await db.job.count({ where: { type: 'library.publish', uniqueKey: { contains: versionId } } }),
    ).toBe(1);
    await db.job.update({
      where: { id },
      data: {
        status: 'running',
        lockedBy: 'dead-worker',
        lockedAt: new Date(Date.now() - 10 * 60 * 1000),
        attempts: 1,
      },
    });
    await runDueJobs({ handlers });
    expect(runs).toBe(1);
    expect((await db.job.findUniqueOrThrow({ where: { id } })).status).toBe('done');
  });

  it('refuses to queue a payload that does not fit its kind, and queues nothing', async () => {
    const before = await db.job.count();
    await expect(
      db.$transaction((tx) => enqueueJob(tx, { type: 'email.send', payload: { emailId: 'not-an-id' } })),
    ).rejects.toThrow(/emailId/);
    expect(await db.job.count()).toBe(before);
  });

  it('keeps a job of an unknown kind, or whose payload no longer fits, as a failure at once rather than losing it', async () => {
    // Rows as an older version of the app (or a hand-written fix) may have left them.
    const unknown = await db.job.create({ data: { type: 'test.nobody', maxAttempts: 5 } });
    const misfit = await db.job.create({
      data: { type: 'email.send', payload: { emailId: 42 }, maxAttempts: 5 },
    });
    await runDueJobs();
    const rows = await db.job.findMany({
      where: { id: { in: [unknown.id, misfit.id] } },
      orderBy: { type: 'asc' },
    });
    expect(rows.map((r) => [r.type, r.status, r.attempts])).toEqual([
      ['email.send', 'failed', 1],
      ['test.nobody', 'failed', 1],
    ]);
    expect(rows[0]!.lastError).toContain('does not fit');
    expect(rows[1]!.lastError).toContain('No handler');
  });

  it('lists every kind with a handler and a payload schema', async () => {
    const { JOB_HANDLERS } = await import('./handlers.server');
    expect(Object.keys(JOB_HANDLERS).sort()).toEqual(Object.keys(JOBS).sort());
  });
});
