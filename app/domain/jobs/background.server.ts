import { db, embeddedDatabase } from '~/db.server';
import { env } from '~/env.server';
import { pruneRateLimits } from '~/auth/rate-limit.server';
import { startJobWorker } from './queue.server';
import './handlers.server';
import { scheduleDigest } from '~/domain/notifications/digest.server';

let stopWorker: (() => void) | undefined;
let pruneTimer: NodeJS.Timeout | undefined;

/** Starts this instance's job worker unless JOBS_WORKER=off. Safe with many instances. */
export function startBackgroundWork() {
  env(); // fail fast on a bad environment before taking traffic
  if (env().JOBS_WORKER === 'off' || stopWorker) return;
  stopWorker = startJobWorker();
  void scheduleDigest().catch((error) => console.error('Could not schedule the daily digest', error));
  pruneTimer = setInterval(() => void pruneRateLimits().catch(() => {}), 10 * 60 * 1000);
  pruneTimer.unref();
}

/** Stops taking jobs and closes the database (PGlite must close cleanly to keep its files sound). */
export async function stopBackgroundWork() {
  stopWorker?.();
  stopWorker = undefined;
  clearInterval(pruneTimer);
  await db.$disconnect();
  await embeddedDatabase?.close();
}
