import fs from 'node:fs';
import path from 'node:path';
import { db } from '~/db.server';
import { env } from '~/env.server';
import { nextHelsinkiHour } from '~/i18n/format';
import { enqueueJob } from '~/domain/jobs/queue.server';
import { logger } from '~/utils/log.server';
import { writeBackup } from './snapshot.server';

/** At night in Helsinki, when hardly anyone writes (the embedded database pauses for a backup). */
const BACKUP_HOUR = 3;
/** The admin page warns when the newest backup is older than this. */
export const STALE_AFTER_MS = 2 * 86_400_000;
const NAME = /^tukiverkko-backup-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)Z\.zip$/;

export type BackupFile = { name: string; at: Date; bytes: number };

/** The backups in a folder, newest first. */
export function backupsIn(folder: string): BackupFile[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
      return [{ name, at, bytes: fs.statSync(path.join(folder, name)).size }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * Which backups to keep: the newest of each of the last `daily` days that have one, and the
 * newest of each of the last `weekly` weeks (Monday to Sunday, UTC) that have one.
 */
export function backupsToKeep(backups: BackupFile[], daily: number, weekly: number): Set<string> {
  const keep = new Set<string>();
  const newestPer = (period: (at: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of backups) {
      const key = period(backup.at);
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(backup.name);
    }
  };
  newestPer((at) => at.toISOString().slice(0, 10), daily);
  newestPer((at) => {
    const monday = new Date(at);
    monday.setUTCDate(at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
    return monday.toISOString().slice(0, 10);
  }, weekly);
  return keep;
}

/** Removes the backups the retention rule does not keep; returns their names. */
export function pruneBackups(folder: string): string[] {
  const { BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY } = env();
  const backups = backupsIn(folder);
  const keep = backupsToKeep(backups, BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY);
  const removed = backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) fs.rmSync(path.join(folder, name), { force: true });
  return removed;
}

/** Queues the next nightly backup when BACKUP_DIR is set; one pending run whatever number of instances start. */
export async function scheduleBackup(now = new Date()) {
  if (!env().BACKUP_DIR) return;
  const runAt = nextHelsinkiHour(BACKUP_HOUR, now);
  await db.$transaction((tx) => enqueueJob(tx, { type: 'backup.run', payload: {}, runAt }));
}

/** The nightly run: a backup into BACKUP_DIR, the old ones pruned, the next run queued. */
export async function runBackupJob() {
  const folder = env().BACKUP_DIR;
  if (!folder) return;
  const started = Date.now();
  const { file, bytes } = await writeBackup(folder);
  const removed = pruneBackups(folder);
  logger.info('backup written', { file, bytes, ms: Date.now() - started, removed });
  await scheduleBackup();
}

/** For the admin page: the newest backup in BACKUP_DIR and whether it is too old. */
export function backupStatus(now = new Date()) {
  const folder = env().BACKUP_DIR;
  if (!folder) return { configured: false as const };
  const [last] = backupsIn(folder);
  return {
    configured: true as const,
    last: last ? { at: last.at.toISOString(), bytes: last.bytes } : null,
    stale: !last || now.getTime() - last.at.getTime() > STALE_AFTER_MS,
    keep: { daily: env().BACKUP_KEEP_DAILY, weekly: env().BACKUP_KEEP_WEEKLY },
  };
}
