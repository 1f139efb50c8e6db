import os from 'node:os';
import type { Prisma } from '~/generated/prisma/client';
import { db, type Tx } from '~/db.server';
import { isDatabaseUnavailable } from '~/db/availability.server';
import { logger } from '~/utils/log.server';

// A job queue in the database: jobs survive restarts, and `FOR UPDATE SKIP LOCKED` hands each
// job to exactly one worker even with several app instances polling the same table.

/** `attempts` counts this one; `attempts === maxAttempts` is the last try. */
export type JobHandler = (
  payload: Prisma.JsonValue,
  job: { id: string; attempts: number; maxAttempts: number },
) => Promise<void>;

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(type: string, handler: JobHandler) {
  handlers.set(type, handler);
}

export type NewJob = {
  type: string;
  payload?: Prisma.InputJsonValue;
  runAt?: Date;
  /** A second job with the same key is silently not created (e.g. one reminder per event and user). */
  uniqueKey?: string;
  maxAttempts?: number;
};

export async function enqueueJob(tx: Tx, job: NewJob) {
  if (job.uniqueKey) {
    const existing = await tx.job.findUnique({ where: { uniqueKey: job.uniqueKey }, select: { id: true } });
    if (existing) return existing.id;
  }
  const created = await tx.job.create({
    data: {
      type: job.type,
      payload: job.payload ?? {},
      runAt: job.runAt ?? new Date(),
      uniqueKey: job.uniqueKey ?? null,
      maxAttempts: job.maxAttempts ?? 8,
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * Many jobs in one statement (a reminder for each of 120 people signed up): those whose unique
 * key is already queued are left as they are, as `enqueueJob` does one at a time.
 */
export async function enqueueJobs(tx: Tx, jobs: NewJob[]) {
  if (!jobs.length) return;
  await tx.job.createMany({
    data: jobs.map((job) => ({
      type: job.type,
      payload: job.payload ?? {},
      runAt: job.runAt ?? new Date(),
      uniqueKey: job.uniqueKey ?? null,
      maxAttempts: job.maxAttempts ?? 8,
    })),
    skipDuplicates: true,
  });
}

/** A worker that died mid-job leaves it "running"; after this long another worker may take it. */
const STALE_LOCK_MINUTES = 5;

type ClaimedJob = {
  id: string;
  type: string;
  payload: Prisma.JsonValue;
  attempts: number;
  max_attempts: number;
};

async function claimNextJob(workerId: string): Promise<ClaimedJob | null> {
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE job SET status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM job
      WHERE (status = 'pending' AND run_at <= now())
         OR (status = 'running' AND locked_at < now() - ${STALE_LOCK_MINUTES} * interval '1 minute')
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, type, payload, attempts, max_attempts`;
  return rows[0] ?? null;
}

export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60 * 1000, 10_000 * 2 ** (attempts - 1));
}

async function finishJob(job: ClaimedJob, error: unknown) {
  if (!error) {
    await db.job.update({
      where: { id: job.id },
      data: { status: 'done', finishedAt: new Date(), lockedAt: null },
    });
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const giveUp = job.attempts >= job.max_attempts;
  await db.job.update({
    where: { id: job.id },
    data: {
      status: giveUp ? 'failed' : 'pending',
      runAt: giveUp ? undefined : new Date(Date.now() + retryDelayMs(job.attempts)),
      lastError: message.slice(0, 2000),
      lockedAt: null,
      finishedAt: giveUp ? new Date() : null,
    },
  });
}

export const defaultWorkerId = `${os.hostname()}:${process.pid}`;

/** Runs due jobs until none is left or `limit` ran; returns how many ran. */
export async function runDueJobs({
  workerId = defaultWorkerId,
  limit = 50,
  shouldStop = (): boolean => false,
}: { workerId?: string; limit?: number; shouldStop?: () => boolean } = {}): Promise<number> {
  let ran = 0;
  while (ran < limit && !shouldStop()) {
    const job = await claimNextJob(workerId);
    if (!job) break;
    const handler = handlers.get(job.type);
    let error: unknown = handler ? undefined : new Error(`No handler for job type "${job.type}"`);
    if (handler) {
      try {
        await handler(job.payload, { id: job.id, attempts: job.attempts, maxAttempts: job.max_attempts });
      } catch (e) {
        error = e;
      }
    }
    await finishJob(job, error);
    ran++;
  }
  return ran;
}

/**
 * Polls for due jobs until the returned stop function is called. Stopping takes no new job
 * and resolves when the running one has finished (SIGTERM: hand back nothing half-done; a job
 * cut off by the drain limit is taken again by a worker after STALE_LOCK_MINUTES).
 */
export function startJobWorker({ intervalMs = 2000, workerId = defaultWorkerId } = {}) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await runDueJobs({ workerId, shouldStop: () => stopped });
    } catch (error) {
      // A database outage is logged once where it is noticed (availability.server.ts).
      if (!isDatabaseUnavailable(error)) logger.error('job worker: could not run jobs', { error });
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), intervalMs);
  };
  timer = setTimeout(() => (running = tick()), 0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
