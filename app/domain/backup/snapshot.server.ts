import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import pg from 'pg';
import { resolveDatabaseTarget } from '~/db/database-url.server';
import type { SqlRunner } from '~/db/migrations.server';
import { uploadDir } from '~/domain/uploads/files.server';
import { quoted, tableShapes } from './tables.server';

// One backup is one ZIP, read and written as a stream: backup.json (format and migrations),
// tables/<table>.jsonl (a row as JSON per line, in primary key order), uploads/<path> (the upload
// folder as it is) and manifest.json (row counts and SHA-256 of every table and file). Plain SQL and JSON, so a backup of
// the embedded database restores into a PostgreSQL server and back. See
// docs/decisions/028-backup-and-restore.md.

export const BACKUP_FORMAT = 1;
const PAGE = 2000;
/** Not part of a backup: half-written files, and the members' own data copies (they expire in 7 days). */
const UPLOADS_LEFT_OUT = new Set(['tmp', 'exports']);

export type Manifest = {
  format: number;
  createdAt: string;
  database: 'pglite' | 'postgres';
  migrations: string[];
  tables: Record<string, { columns: string[]; rows: number; sha256: string }>;
  uploads: Record<string, { bytes: number; sha256: string }>;
};

/** The first entry: what the schema is. The last: the manifest, with counts and checksums. */
export const HEADER_ENTRY = 'backup.json';
export const MANIFEST_ENTRY = 'manifest.json';
export type BackupHeader = Pick<Manifest, 'format' | 'createdAt' | 'database' | 'migrations'>;

export const backupFileName = (at: Date) =>
  `tukiverkko-backup-${at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')}.zip`;

/**
 * Runs `read` inside one read-only snapshot of the whole database, so every table is copied as
 * of the same moment while the app goes on writing. On a PostgreSQL server that is a REPEATABLE
 * READ transaction of a connection of its own; the embedded database has one connection, so the
 * app's statements wait for the copy (docs/decisions/028-backup-and-restore.md).
 */
export async function withSnapshot<T>(read: (run: SqlRunner) => Promise<T>): Promise<T> {
  const target = resolveDatabaseTarget();
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.connectionString });
    await client.connect();
    try {
      return await snapshotOf({
        query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
        exec: async (script) => void (await client.query(script)),
      })(read);
    } finally {
      await client.end();
    }
  }
  const { embeddedDatabase } = await import('~/db.server');
  if (!embeddedDatabase) throw new Error('The embedded database is not open in this process.');
  return embeddedDatabase.transaction(async (tx) => {
    await tx.exec(`SET TRANSACTION READ ONLY; SET LOCAL TimeZone = 'UTC'`);
    return read({
      query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
      exec: async (script) => void (await tx.exec(script)),
    });
  });
}

/** A snapshot on a connection of its own (not one the app shares: see withSnapshot). */
export function snapshotOf(run: SqlRunner): Snapshot {
  return async (read) => {
    await run.exec(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL TimeZone = 'UTC'`);
    try {
      const result = await read(run);
      await run.exec('COMMIT');
      return result;
    } catch (error) {
      await run.exec('ROLLBACK').catch(() => {});
      throw error;
    }
  };
}

type Snapshot = <T>(read: (run: SqlRunner) => Promise<T>) => Promise<T>;

/**
 * Writes a backup into `folder`; the file appears under its final name only when complete. By
 * default of this app's database and upload folder; `source` names others (a restored copy).
 */
export async function writeBackup(
  folder: string,
  {
    now = new Date(),
    onSnapshot,
    source = { snapshot: withSnapshot, uploads: uploadDir() },
  }: { now?: Date; onSnapshot?: () => void; source?: { snapshot: Snapshot; uploads: string } } = {},
) {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(path.resolve(folder), backupFileName(now));
  const partial = `${file}.part`;
  const out = fs.createWriteStream(partial);
  const written = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) out.destroy(error);
    else {
      out.write(chunk);
      if (final) out.end();
    }
  });
  try {
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      database: resolveDatabaseTarget().kind,
      migrations: [],
      tables: {},
      uploads: {},
    };
    await source.snapshot(async (run) => {
      // The snapshot is taken by the transaction's first query: whatever was committed before it is in.
      onSnapshot?.();
      manifest.migrations = (
        await run.query<{ name: string }>(
          `SELECT migration_name AS name FROM "_prisma_migrations"
           WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
        )
      ).map((row) => row.name);
      // First in the file, so a restore knows the schema before the rows arrive.
      const header: BackupHeader = {
        format: manifest.format,
        createdAt: manifest.createdAt,
        database: manifest.database,
        migrations: manifest.migrations,
      };
      const first = new ZipDeflate(HEADER_ENTRY);
      zip.add(first);
      first.push(Buffer.from(JSON.stringify(header, null, 2)), true);
      for (const table of await tableShapes(run)) {
        const entry = new ZipDeflate(`tables/${table.name}.jsonl`, { level: 6 });
        zip.add(entry);
        const hash = createHash('sha256');
        let rows = 0;
        for await (const lines of pages(run, table)) {
          const chunk = Buffer.from(lines.map((line) => `${line}\n`).join(''));
          hash.update(chunk);
          entry.push(chunk);
          rows += lines.length;
        }
        entry.push(new Uint8Array(), true);
        manifest.tables[table.name] = { columns: table.columns, rows, sha256: hash.digest('hex') };
      }
    });
    // After the snapshot: every file a copied row names was written before its row was committed,
    // so it is here (unless removed since, which the restore reports as a missing row's file).
    for (const relative of uploadFiles(source.uploads)) {
      const data = fs.readFileSync(path.join(source.uploads, relative));
      const entry = new ZipPassThrough(`uploads/${relative}`);
      zip.add(entry);
      entry.push(data, true);
      manifest.uploads[relative] = { bytes: data.length, sha256: sha256(data) };
    }
    const about = new ZipDeflate(MANIFEST_ENTRY);
    zip.add(about);
    about.push(Buffer.from(JSON.stringify(manifest, null, 2)), true);
    zip.end();
    await written;
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, manifest };
  } catch (error) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** The table's rows as JSON text, a page at a time, in primary key order (keyset paging). */
async function* pages(run: SqlRunner, table: { name: string; columns: string[]; key: string[] }) {
  const columns = table.columns.map(quoted).join(', ');
  const key = table.key.map(quoted).join(', ');
  const name = quoted(table.name);
  let last: string | undefined;
  for (;;) {
    const after = last
      ? `WHERE (${key}) > (SELECT ${key} FROM json_populate_record(null::${name}, $1::json))`
      : '';
    const rows = await run.query<{ line: string }>(
      `SELECT to_json(r)::text AS line FROM (SELECT ${columns} FROM ${name} ${after} ORDER BY ${key} LIMIT ${PAGE}) r`,
      last ? [last] : [],
    );
    if (rows.length === 0) return;
    const lines = rows.map((row) => row.line);
    yield lines;
    if (rows.length < PAGE) return;
    last = lines.at(-1);
  }
}

/** Every file under the upload folder, as paths relative to it with forward slashes. */
export function uploadFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!prefix && UPLOADS_LEFT_OUT.has(entry.name)) continue;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative);
      else if (entry.isFile()) found.push(relative);
    }
  };
  walk(root, '');
  return found.sort();
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
