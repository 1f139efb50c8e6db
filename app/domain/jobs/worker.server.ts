import os from 'node:os';
import type { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';
import { isDatabaseUnavailable } from '~/db/availability.server';
import { logger } from '~/utils/log.server';
import { JOB_HANDLERS } from './handlers.server';
import { isJobName, readPayload, type JobHandler, type JobHandlers, type JobName } from './registry.server';

// Runs the queue's jobs (queue.server.ts): claims one at a time with `FOR UPDATE SKIP LOCKED`,
// calls its handler from handlers.server.ts, retries a failure with growing delays.

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

/** A job that can never succeed: no more tries. */
class PermanentJobError extends Error {}

/** Runs one claimed job; what went wrong, or undefined. */
async function runJob(job: ClaimedJob, handlers: Partial<JobHandlers>): Promise<unknown> {
  // A row from an older version of the app, or written by hand: kept as a failure, not lost.
  if (!isJobName(job.type)) return new PermanentJobError(`No handler for job type "${job.type}"`);
  const payload = readPayload(job.type, job.payload);
  if (!payload) return new PermanentJobError(`The payload does not fit job type "${job.type}"`);
  const handler = (handlers[job.type] ?? JOB_HANDLERS[job.type]) as JobHandler<JobName>;
  try {
    await handler(payload, { id: job.id, attempts: job.attempts, maxAttempts: job.max_attempts });
    return undefined;
  } catch (error) {
    return error;
  }
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
  const giveUp = job.attempts >= job.max_attempts || error instanceof PermanentJobError;
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
  handlers = JOB_HANDLERS,
}: {
  workerId?: string;
  limit?: number;
  shouldStop?: () => boolean;
  /** Tests put their own handler in place of one kind's. */
  handlers?: Partial<JobHandlers>;
} = {}): Promise<number> {
  let ran = 0;
  while (ran < limit && !shouldStop()) {
    const job = await claimNextJob(workerId);
    if (!job) break;
    await finishJob(job, await runJob(job, handlers));
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
