// `npm run backup` and `npm run restore` against the running production server on the embedded
// database (issue 16 item 5, ADR 028): the command asks the server for the backup while the
// server goes on answering and writing; the backup restores into a new folder; a restore into the
// running server's database is refused.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject, describe, expect, test } from 'vitest';
import { baseURL, login, newPage, setupBrowser } from './browser';

setupBrowser();
const storage = inject('serverStorage');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tukiverkko-e2e-backup-'));

function command(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('npx', ['tsx', script, ...args], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('backup of the embedded database while the server runs', () => {
  test('the server answers every request during the backup, which restores into a new folder', async () => {
    const page = await newPage();
    await login(page, 'adviser@demo.tukiverkko.test');
    const server = { DATABASE_URL: storage.databaseUrl, UPLOAD_DIR: storage.uploadDir };
    const backup = command('scripts/backup.ts', [path.join(scratch, 'backups')], server);
    // The load: a logged-in page and the readiness probe (which writes a row) until it is done.
    let done = false;
    void backup.then(() => (done = true));
    const answers: { status: number; ms: number }[] = [];
    while (!done) {
      for (const url of ['/forum', '/readyz']) {
        const started = Date.now();
        const response = await page.request.get(`${baseURL}${url}`);
        answers.push({ status: response.status(), ms: Date.now() - started });
      }
    }
    const { code, output } = await backup;
    expect(output).toMatch(/Backup written in [\d.]+ s: .*tukiverkko-backup-.*\.zip/);
    expect(code).toBe(0);
    expect(answers.length).toBeGreaterThan(2);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    console.info(
      `backup through the running server: ${answers.length} requests meanwhile, slowest ${Math.max(...answers.map((a) => a.ms))} ms`,
    );

    const [file] = fs.readdirSync(path.join(scratch, 'backups'));
    const zip = path.join(scratch, 'backups', file!);
    const restored = await command('scripts/restore.ts', [zip], {
      DATABASE_URL: `pglite:${path.join(scratch, 'restored-db')}`,
      UPLOAD_DIR: path.join(scratch, 'restored-uploads'),
    });
    expect(restored.output).toMatch(/Restored in [\d.]+ s: [1-9]\d* rows in \d+ tables/);
    expect(restored.code).toBe(0);

    const refused = spawnSync('npx', ['tsx', 'scripts/restore.ts', zip, '--force'], {
      env: { ...process.env, ...server },
      encoding: 'utf8',
    });
    expect(refused.stderr).toMatch(/running on this database: stop it first/);
    expect(refused.status).toBe(1);
    fs.rmSync(scratch, { recursive: true, force: true });
  });
});
