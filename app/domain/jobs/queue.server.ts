import type { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/db.server';
import { prepareJob, type JobName, type JobPayload } from './registry.server';

// A job queue in the database: jobs survive restarts, and `FOR UPDATE SKIP LOCKED` hands each
// job to exactly one worker even with several app instances polling the same table
// (worker.server.ts). What kinds of job there are, with their payloads: registry.server.ts.

export type NewJob<N extends JobName> = {
  type: N;
  payload: JobPayload<N>;
  runAt?: Date;
  maxAttempts?: number;
};

function jobRow<N extends JobName>(job: NewJob<N>) {
  const runAt = job.runAt ?? new Date();
  const { payload, uniqueKey } = prepareJob(job.type, job.payload, runAt);
  return {
    type: job.type,
    payload: payload as Prisma.InputJsonValue,
    runAt,
    uniqueKey,
    maxAttempts: job.maxAttempts ?? 8,
  };
}

/**
 * Queues a job in the caller's transaction (it runs only if that commits). A job whose unique
 * key is already queued is not created again: its id is returned.
 */
export async function enqueueJob<N extends JobName>(tx: Tx, job: NewJob<N>): Promise<string> {
  const row = jobRow(job);
  const [created] = await tx.job.createManyAndReturn({
    data: [row],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) return created.id;
  const existing = await tx.job.findUniqueOrThrow({
    where: { uniqueKey: row.uniqueKey! },
    select: { id: true },
  });
  return existing.id;
}

/**
 * Many jobs in one statement (a reminder for each of 120 people signed up): those whose unique
 * key is already queued are left as they are, as `enqueueJob` does one at a time.
 */
export async function enqueueJobs<N extends JobName>(tx: Tx, jobs: NewJob<N>[]) {
  if (!jobs.length) return;
  await tx.job.createMany({ data: jobs.map(jobRow), skipDuplicates: true });
}
