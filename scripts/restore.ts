// npm run restore -- <backup.zip> [--force] — restores a backup into the database of
// DATABASE_URL and the folder of UPLOAD_DIR, which must be empty (or --force). The app must not
// be running on them. See README "Backup and restore" and ADR 028.
import fs from 'node:fs';
import path from 'node:path';
import { openPGlite } from '~/db/adapters.server';
import { resolveDatabaseTarget } from '~/db/database-url.server';
import { pgliteRunner, withPostgresRunner } from '~/db/migrations.server';
import { isAppRunning } from '~/domain/backup/control.server';
import { RestoreRefused, restoreBackup } from '~/domain/backup/restore.server';
import { env } from '~/env.server';

const args = process.argv.slice(2);
const force = args.includes('--force');
const file = args.find((arg) => !arg.startsWith('--'));
if (!file || !fs.existsSync(file)) {
  console.error(file ? `No such file: ${file}` : 'Usage: npm run restore -- <backup.zip> [--force]');
  process.exit(2);
}
const target = resolveDatabaseTarget();
const uploads = path.resolve(env().UPLOAD_DIR);
const started = Date.now();
try {
  let report;
  if (target.kind === 'postgres') {
    report = await withPostgresRunner(target.connectionString, (run) =>
      restoreBackup(file, run, { uploads, force }),
    );
  } else {
    if (target.dataDir && (await isAppRunning(target.dataDir)))
      throw new RestoreRefused('The app seems to be running on this database: stop it first.');
    if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
    const pglite = openPGlite(target.dataDir);
    try {
      report = await restoreBackup(file, pgliteRunner(pglite), { uploads, force });
    } finally {
      await pglite.close();
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `Restored in ${seconds} s: ${report.rows} rows in ${report.tables} tables, ${report.files} files.`,
  );
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
