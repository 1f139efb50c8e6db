import { db, embeddedDatabase } from '~/db.server';
import { noteClosing } from '~/db/availability.server';
import { env } from '~/env.server';
import { logger } from '~/utils/log.server';
import { pruneRateLimits } from '~/auth/rate-limit.server';
import { startJobWorker } from './worker.server';
import { scheduleDigest } from '~/domain/notifications/digest.server';
import { startControlSocket } from '~/domain/backup/control.server';
import { scheduleBackup } from '~/domain/backup/schedule.server';
import { scheduleShiftReminders } from '~/domain/roster/reminders.server';

let stopWorker: (() => Promise<void>) | undefined;
let stopControlSocket: (() => void) | undefined;
let pruneTimer: NodeJS.Timeout | undefined;

/** Starts this instance's job worker unless JOBS_WORKER=off. Safe with many instances. */
export function startBackgroundWork() {
  env(); // fail fast on a bad environment before taking traffic
  stopControlSocket ??= startControlSocket();
  if (env().JOBS_WORKER === 'off' || stopWorker) return;
  stopWorker = startJobWorker();
  logger.info('job worker started');
  void scheduleDigest().catch((error) => logger.error('could not schedule the daily digest', { error }));
  void scheduleBackup().catch((error) => logger.error('could not schedule the nightly backup', { error }));
  void scheduleShiftReminders().catch((error) =>
    logger.error('could not schedule the shift reminders', { error }),
  );
  pruneTimer = setInterval(() => void pruneRateLimits().catch(() => {}), 10 * 60 * 1000);
  pruneTimer.unref();
}

/**
 * Stops taking jobs, lets the running one finish (for at most `jobWaitMs`), then closes the
 * database, last: PGlite must close cleanly to keep its files sound, and a pool closed under a
 * running transaction leaves it hanging ("Cannot use a pool after calling end").
 */
export async function stopBackgroundWork({ jobWaitMs = env().DRAIN_TIMEOUT_MS } = {}) {
  const stopping = stopWorker?.();
  stopWorker = undefined;
  clearInterval(pruneTimer);
  stopControlSocket?.();
  stopControlSocket = undefined;
  if (stopping) {
    const waited = await Promise.race([
      stopping.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), jobWaitMs).unref()),
    ]);
    if (!waited) logger.warn('a job was still running at shutdown; another worker will take it again');
  }
  noteClosing();
  await db.$disconnect();
  await embeddedDatabase?.close();
}
