import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { openPGlite } from '~/db/adapters.server';
import { type SqlRunner, pgliteRunner, withPostgresRunner } from '~/db/migrations.server';
import { RestoreRefused, restoreBackup } from '~/domain/backup/restore.server';
import { backupStatus, backupsIn, backupsToKeep, scheduleBackup } from '~/domain/backup/schedule.server';
import { type Manifest, backupFileName, snapshotOf, writeBackup } from '~/domain/backup/snapshot.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import { filePath } from '~/domain/uploads/files.server';
import { rereadEnv } from '~/env.server';
import { makeCategory, makeOrganisation, makeThread, makeUser } from '#tests/factories';
import { callLoader, cookieFor, json, makeRequest } from '#tests/helpers';
import { databaseUrl } from '#tests/setup/global-db';
import * as adminRoute from '~/routes/admin._index';

// Backup and restore (issue 16 item 5, ADR 028), on whichever database the suite runs on:
// PGlite by default, PostgreSQL with TEST_DATABASE_URL.

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tukiverkko-backup-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** An empty database of the kind under test, and its runner; dropped afterwards. */
async function withEmptyDatabase<T>(fill: (run: SqlRunner) => Promise<T>): Promise<T> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const pglite = openPGlite(undefined);
    try {
      return await fill(pgliteRunner(pglite));
    } finally {
      await pglite.close();
    }
  }
  const name = `tukiverkko_test_restore_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    return await withPostgresRunner(databaseUrl(base, name), fill);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const manifestOf = (file: string) =>
  JSON.parse(
    new TextDecoder().decode(
      unzipSync(fs.readFileSync(file), { filter: (f) => f.name === 'manifest.json' })['manifest.json'],
    ),
  ) as Manifest;

let authorId: string;
let categoryId: string;
beforeAll(async () => {
  const org = await makeOrganisation(db);
  authorId = (await makeUser(db, { role: 'adviser', organisationId: org.id, name: 'Åsa Öhman-Ääkkönen' })).id;
  categoryId = (await makeCategory(db)).id;
  // Enough rows that the copy takes a while, and files of two kinds.
  for (let i = 0; i < 150; i += 1)
    await makeThread(db, {
      categoryId,
      authorId,
      title: `Alussa ${i}`,
      replies: [{ authorId, text: `Vastaus ${i}` }],
    });
  for (const bytes of [Buffer.from('pdf!'), Buffer.alloc(200_000, 7)]) {
    const upload = await db.upload.create({
      data: {
        ownerId: authorId,
        scope: 'library',
        fileName: 'opas.pdf',
        mime: 'application/pdf',
        byteSize: bytes.length,
      },
    });
    fs.mkdirSync(path.dirname(filePath(upload.id)), { recursive: true });
    fs.writeFileSync(filePath(upload.id), bytes);
  }
});

describe('a backup taken while the app writes', () => {
  it('restores into an empty database and folder with every write acknowledged before the snapshot, and backs up again to the same checksums', async () => {
    // The load: one forum thread at a time, each its own transaction, until the backup is done.
    const acknowledged: { title: string; started: number; at: number }[] = [];
    let snapshotAt = Infinity;
    let backupDone = false;
    const load = (async () => {
      // ... and a few more after it, which the copy must not hold.
      const startedAfter = () => acknowledged.filter((w) => w.started > snapshotAt).length;
      for (let i = 0; (!backupDone || startedAfter() < 3) && i < 2000; i += 1) {
        const title = `Kuorma ${i}`;
        const started = performance.now();
        await db.$transaction((tx) => makeThread(tx, { categoryId, authorId, title }));
        acknowledged.push({ title, started, at: performance.now() });
      }
    })();
    // Let the load get going first.
    while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    const folder = path.join(scratch, 'nightly');
    const { file, manifest } = await writeBackup(folder, {
      onSnapshot: () => (snapshotAt = performance.now()),
    });
    const finishedAt = performance.now();
    backupDone = true;
    await load;
    // On a PostgreSQL server the app's writes go on during the copy; the embedded database has
    // one connection, so there they wait for it.
    const during = acknowledged.filter((w) => w.at > snapshotAt && w.at < finishedAt).length;
    if (process.env.TEST_DATABASE_URL) expect(during).toBeGreaterThan(0);
    const after = acknowledged.filter((w) => w.started > snapshotAt).map((w) => w.title);
    expect(after.length).toBeGreaterThan(0);

    const before = acknowledged.filter((w) => w.at < snapshotAt).map((w) => w.title);
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
    expect(manifest.tables.forum_thread!.rows).toBeGreaterThanOrEqual(150 + before.length);
    expect(Object.keys(manifest.uploads)).toHaveLength(2);
    expect(manifest.migrations.length).toBeGreaterThan(20);

    const uploads = path.join(scratch, 'restored-uploads');
    await withEmptyDatabase(async (run) => {
      const report = await restoreBackup(file, run, { uploads });
      expect(report.files).toBe(2);
      expect(report.rows).toBe(Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0));
      // Every write acknowledged before the snapshot is there, whole: a thread with its question,
      // its counters matching its posts (the copy is of one moment, not table by table).
      const titles = new Set(
        (
          await run.query<{ title: string }>(`SELECT title FROM forum_thread WHERE title LIKE 'Kuorma %'`)
        ).map((r) => r.title),
      );
      for (const title of before) expect(titles, title).toContain(title);
      for (const title of after) expect(titles, title).not.toContain(title);
      const torn = await run.query(`
        SELECT t.id FROM forum_thread t
        WHERE t.reply_count <> (SELECT count(*) - 1 FROM forum_post p WHERE p.thread_id = t.id AND p.deleted_at IS NULL)`);
      expect(torn).toEqual([]);
      const [name] = await run.query<{ name: string }>(`SELECT name FROM app_user WHERE id = $1::uuid`, [
        authorId,
      ]);
      expect(name?.name).toBe('Åsa Öhman-Ääkkönen');
      // Search works on the restored copy: the trigger filled the words again.
      const words = await run.query(`SELECT 1 FROM search_word WHERE word = 'alussa'`);
      expect(words).toHaveLength(1);
      // So did the field reports' counts per status (none counted twice).
      const drift = await run.query(`
        SELECT * FROM (SELECT eservice_id, status, count(*)::int AS n FROM field_feedback GROUP BY 1, 2) a
        FULL JOIN (SELECT eservice_id, status, reports AS n FROM field_feedback_count WHERE reports <> 0) k
          USING (eservice_id, status)
        WHERE a.n IS DISTINCT FROM k.n`);
      expect(drift).toEqual([]);
      // And the forum categories' counts.
      const categoryDrift = await run.query(`
        SELECT * FROM (SELECT category_id, hidden_at IS NOT NULL AS hidden, count(*)::int AS n
                       FROM forum_thread WHERE merged_into_id IS NULL GROUP BY 1, 2) a
        FULL JOIN (SELECT category_id, hidden, threads AS n FROM forum_category_count WHERE threads <> 0) k
          USING (category_id, hidden)
        WHERE a.n IS DISTINCT FROM k.n`);
      expect(categoryDrift).toEqual([]);
      const [restoredCounts] = await run.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM forum_category_count`,
      );
      expect(restoredCounts?.n).toBeGreaterThan(0);

      for (const [relative, facts] of Object.entries(manifest.uploads))
        expect(fs.statSync(path.join(uploads, relative)).size).toBe(facts.bytes);

      // A second restore into it is refused, and changes nothing.
      await expect(restoreBackup(file, run, { uploads })).rejects.toThrow(/not empty.*--force/s);
      const [{ n }] = (await run.query<{ n: number }>(`SELECT count(*)::int AS n FROM forum_thread`)) as [
        { n: number },
      ];
      expect(n).toBe(manifest.tables.forum_thread!.rows);

      // With --force it replaces what is there: rows written since and files the backup lacks go.
      await run.exec(`UPDATE app_user SET name = 'Muutettu' WHERE id = '${authorId}'`);
      fs.writeFileSync(path.join(uploads, 'stray'), 'x');
      await restoreBackup(file, run, { uploads, force: true });
      expect(fs.existsSync(path.join(uploads, 'stray'))).toBe(false);
      const [again] = await run.query<{ name: string }>(`SELECT name FROM app_user WHERE id = $1::uuid`, [
        authorId,
      ]);
      expect(again?.name).toBe('Åsa Öhman-Ääkkönen');

      // A backup of the restored copy has the same checksums, table by table and file by file.
      const twin = await writeBackup(path.join(scratch, 'twin'), {
        source: { snapshot: snapshotOf(run), uploads },
      });
      for (const [table, facts] of Object.entries(manifest.tables))
        expect(twin.manifest.tables[table], table).toEqual(facts);
      expect(twin.manifest.uploads).toEqual(manifest.uploads);
    });
  });
});

describe('a restore that cannot be done', () => {
  // A backup, then four damaged copies restored twice each, each into a database made for it:
  // 32 s once in CI on this two-core machine, over the default limit of 30.
  it('a damaged table or file, a file cut short or a backup from a newer version is refused naming what, and leaves the database and folder empty', async () => {
    const { file } = await writeBackup(path.join(scratch, 'to-damage'));
    const entries = unzipSync(fs.readFileSync(file));
    const damaged = (change: (e: Record<string, Uint8Array>) => void) => {
      const copy = { ...entries };
      change(copy);
      const target = path.join(scratch, `damaged-${randomUUID()}.zip`);
      fs.writeFileSync(target, zipSync(copy));
      return target;
    };
    const lines = new TextDecoder().decode(entries['tables/forum_post.jsonl']).split('\n');
    const cases: [string, RegExp][] = [
      [
        damaged((e) => (e['tables/forum_post.jsonl'] = new TextEncoder().encode(lines.slice(1).join('\n')))),
        /forum_post is damaged/,
      ],
      [
        damaged((e) => (e[Object.keys(e).find((k) => k.startsWith('uploads/'))!] = new Uint8Array([1]))),
        /uploads\/.* is missing or damaged/,
      ],
      [
        damaged((e) => {
          const m = JSON.parse(new TextDecoder().decode(e['backup.json'])) as Manifest;
          m.migrations.push('29991231000000_from_the_future');
          e['backup.json'] = new TextEncoder().encode(JSON.stringify(m));
        }),
        /newer version/,
      ],
    ];
    const half = path.join(scratch, 'half.zip');
    const whole = fs.readFileSync(file);
    fs.writeFileSync(half, whole.subarray(0, Math.floor(whole.length / 2)));
    cases.push([half, /cut short|cannot be read/]);
    for (const [target, message] of cases) {
      const uploads = path.join(scratch, `uploads-${randomUUID()}`);
      await withEmptyDatabase(async (run) => {
        await expect(restoreBackup(target, run, { uploads })).rejects.toThrow(message);
        await expect(restoreBackup(target, run, { uploads })).rejects.toBeInstanceOf(RestoreRefused);
        const members = await run
          .query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`)
          .catch(() => [{ n: 0 }]);
        expect(members[0]!.n).toBe(0);
        expect(
          fs.existsSync(uploads)
            ? fs
                .readdirSync(uploads, { recursive: true })
                .filter((f) => fs.statSync(path.join(uploads, String(f))).isFile())
            : [],
        ).toEqual([]);
      });
    }
  }, 90_000);
});

describe('nightly backups', () => {
  it('keep the newest of each of the last 7 days and of each of the last 4 weeks', () => {
    // A backup at 01:00 and 13:00 UTC every day for 60 days, up to 2026-12-03.
    const backups = [];
    for (let day = 0; day < 60; day += 1)
      for (const hour of [13, 1]) {
        const at = new Date(Date.UTC(2026, 11, 3 - day, hour));
        backups.push({ name: backupFileName(at), at, bytes: 1 });
      }
    const kept = [...backupsToKeep(backups, 7, 4)].sort();
    expect(kept).toEqual(
      [
        // the last 7 days, the later backup of each
        ...['11-27', '11-28', '11-29', '11-30', '12-01', '12-02', '12-03'].map((d) => `2026-${d}T13-00-00Z`),
        // the newest of each of the last 4 weeks (Monday to Sunday): this week's and last week's
        // (12-03, 11-29) are among the days already
        ...['11-15', '11-22'].map((d) => `2026-${d}T13-00-00Z`),
      ]
        .map((stamp) => `tukiverkko-backup-${stamp}.zip`)
        .sort(),
    );
  });

  it('run through the job queue into BACKUP_DIR, prune by the rule and show on the admin page, with a warning when two days old', async () => {
    const folder = path.join(scratch, 'scheduled');
    process.env.BACKUP_DIR = folder;
    process.env.BACKUP_KEEP_DAILY = '2';
    process.env.BACKUP_KEEP_WEEKLY = '0';
    rereadEnv();
    try {
      expect(backupStatus()).toMatchObject({
        configured: true,
        last: null,
        stale: true,
        keep: { daily: 2, weekly: 0 },
      });
      // Three older backups already there; the rule keeps two days.
      fs.mkdirSync(folder, { recursive: true });
      for (const daysAgo of [3, 4, 5])
        fs.writeFileSync(
          path.join(folder, backupFileName(new Date(Date.now() - daysAgo * 86_400_000))),
          'old',
        );
      expect(backupStatus().stale).toBe(true);

      await scheduleBackup(new Date(Date.now() - 2 * 86_400_000)); // its 03:00 has passed: due now
      await scheduleBackup(new Date(Date.now() - 2 * 86_400_000)); // a second instance starting: no second job
      expect(await db.job.count({ where: { type: 'backup.run', status: 'pending' } })).toBe(1);
      await runDueJobs();
      const left = backupsIn(folder);
      expect(left).toHaveLength(2);
      expect(manifestOf(path.join(folder, left[0]!.name)).tables.app_user!.rows).toBeGreaterThan(0);
      // What an admin sees on the admin page.
      const admin = await makeUser(db, { role: 'admin', organisationId: (await makeOrganisation(db)).id });
      const page = await json<{ backup: unknown }>(
        await callLoader(adminRoute, makeRequest('/admin', { cookie: await cookieFor(admin.id) })),
      );
      expect(page.backup).toMatchObject({ configured: true, stale: false, last: { bytes: left[0]!.bytes } });
      expect(await db.job.count({ where: { type: 'backup.run', status: 'pending' } })).toBe(1); // the next night's
      expect(backupStatus(new Date(Date.now() + 2 * 86_400_000 + 60_000)).stale).toBe(true);
    } finally {
      delete process.env.BACKUP_DIR;
      delete process.env.BACKUP_KEEP_DAILY;
      delete process.env.BACKUP_KEEP_WEEKLY;
      rereadEnv();
    }
  });
});
