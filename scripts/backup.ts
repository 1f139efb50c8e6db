// npm run backup -- <folder> — one consistent backup (database + uploaded files + manifest) into
// the folder while the app goes on serving. See README "Backup and restore" and ADR 028.
import { resolveDatabaseTarget } from '~/db/database-url.server';
import { askRunningApp } from '~/domain/backup/control.server';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run backup -- <folder>');
  process.exit(2);
}
const target = resolveDatabaseTarget();
const started = Date.now();
try {
  // The embedded database is open in the running app, if one runs: it makes the backup.
  const answer =
    target.kind === 'pglite' && target.dataDir ? await askRunningApp(target.dataDir, folder) : undefined;
  let written: { file: string; bytes: number };
  if (answer && !answer.ok) throw new Error(answer.error);
  if (answer) written = answer;
  else {
    const { writeBackup } = await import('~/domain/backup/snapshot.server');
    const { stopBackgroundWork } = await import('~/domain/jobs/background.server');
    try {
      written = await writeBackup(folder);
    } finally {
      await stopBackgroundWork();
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Backup written in ${seconds} s: ${written.file} (${(written.bytes / 1e6).toFixed(1)} MB)`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
