import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import {
  type SqlRunner,
  applyMigrations,
  pendingMigrationFiles,
  MIGRATIONS_DIR,
} from '~/db/migrations.server';
import {
  BACKUP_FORMAT,
  type BackupHeader,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  type Manifest,
  uploadFiles,
} from './snapshot.server';
import { FILLED_BY_TRIGGERS, quoted, tableShapes, type TableShape } from './tables.server';

/** Rows per INSERT. */
const BATCH = 1000;
const NEWLINE = 10;

/** What a restore refuses, in words for the person at the terminal. */
export class RestoreRefused extends Error {}

export type RestoreReport = { tables: number; rows: number; files: number };

/** Tables every migrated database has rows in, from app/auth/roles.ts: "empty" does not count them. */
const FILLED_BY_MIGRATIONS = new Set(['role', 'permission', 'role_permission']);

/**
 * Restores a backup into an empty database and upload folder (`force` empties them). The file is
 * read once, as a stream, so its size is not bounded by memory. The schema is the backup's
 * migrations; its rows go in inside one transaction, checked against the manifest's counts and
 * checksums at the end, so a damaged backup or a row that breaks a constraint leaves the database
 * empty; the migrations made since the backup run last, as on any upgrade.
 */
export async function restoreBackup(
  file: string,
  run: SqlRunner,
  { uploads, force = false }: { uploads: string; force?: boolean },
): Promise<RestoreReport> {
  const existing = await makeRoom(run, uploads, force);
  const load = new Load(run, path.resolve(uploads), new Set(existing));
  try {
    await readZip(file, load);
    const report = await load.finish();
    // With --force, the files the backup does not have go once it is in.
    for (const relative of existing)
      if (!(relative in load.manifestFiles())) fs.rmSync(path.join(uploads, ...relative.split('/')));
    await applyMigrations(run);
    return report;
  } catch (error) {
    await load.abandon();
    throw error;
  }
}

type Sink = { write(chunk: Uint8Array): Promise<void> | void; end(): Promise<void> | void };

/** Reads the ZIP a chunk at a time; each entry's data goes to the sink `load` opens for it, in order. */
async function readZip(file: string, load: Load) {
  const events: { name: string; chunk: Uint8Array; final: boolean }[] = [];
  let failed: Error | undefined;
  const unzip = new Unzip((entry) => {
    entry.ondata = (error, chunk, final) => {
      if (error) failed = new RestoreRefused(`${file}: ${entry.name} cannot be read (${error.message}).`);
      else events.push({ name: entry.name, chunk: chunk.slice(), final });
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  let sink: Sink | undefined;
  let current = '';
  // The entries' data arrive synchronously as the file is pushed; they are written (awaiting the
  // database) before the next piece of the file is read.
  const drain = async () => {
    if (failed) throw failed;
    for (let event = events.shift(); event; event = events.shift()) {
      if (event.name !== current) {
        current = event.name;
        sink = await load.open(event.name);
      }
      await sink!.write(event.chunk);
      if (event.final) await sink!.end();
    }
  };
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      unzip.push(chunk as Uint8Array);
      await drain();
    }
    unzip.push(new Uint8Array(), true);
    await drain();
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(
      `${file} cannot be read as a Tukiverkko backup: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** What a restore has done so far, and what it still owes the manifest. */
class Load {
  private header?: BackupHeader;
  private manifest?: Manifest;
  private shapes = new Map<string, TableShape>();
  private foreignKeys: { table: string; name: string; definition: string }[] = [];
  private inTransaction = false;
  private tables = new Map<string, { rows: number; sha256: string }>();
  private files = new Map<string, string>();
  private written: string[] = [];

  constructor(
    private run: SqlRunner,
    private uploads: string,
    private existing: Set<string>,
  ) {}

  manifestFiles() {
    return this.manifest?.uploads ?? {};
  }

  async open(name: string): Promise<Sink> {
    if (!this.header && name !== HEADER_ENTRY)
      throw new RestoreRefused(`This is not a Tukiverkko backup (it does not start with ${HEADER_ENTRY}).`);
    if (name === HEADER_ENTRY) return this.json((header: BackupHeader) => this.begin(header));
    if (name === MANIFEST_ENTRY) return this.json((manifest: Manifest) => void (this.manifest = manifest));
    const table = /^tables\/(.+)\.jsonl$/.exec(name)?.[1];
    if (table) return this.table(table);
    if (name.startsWith('uploads/')) return this.file(name.slice('uploads/'.length));
    throw new RestoreRefused(`The backup holds something this version does not know: ${name}`);
  }

  /** The header: the backup's schema is made, then one transaction takes every row. */
  private async begin(header: BackupHeader) {
    if (header.format !== BACKUP_FORMAT)
      throw new RestoreRefused(
        `This is a backup of format ${header.format}; this version reads ${BACKUP_FORMAT}.`,
      );
    const known = new Set(pendingMigrationFiles().map((m) => m.name));
    const unknown = header.migrations.find((name) => !known.has(name));
    if (unknown)
      throw new RestoreRefused(
        `The backup is from a newer version of Tukiverkko (migration ${unknown}); update the app first.`,
      );
    this.header = header;
    const schema = onlyMigrations(header.migrations);
    try {
      await applyMigrations(this.run, schema);
    } finally {
      fs.rmSync(schema, { recursive: true, force: true });
    }
    await this.run.exec('BEGIN');
    this.inTransaction = true;
    this.shapes = new Map((await tableShapes(this.run)).map((t) => [t.name, t]));
    // Rows go in table by table, in any order: the foreign keys are set aside and checked, all at
    // once, when every row is in (as pg_restore does).
    this.foreignKeys = await this.run.query(
      `SELECT conrelid::regclass::text AS "table", conname::text AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
    );
    for (const key of this.foreignKeys)
      await this.run.exec(`ALTER TABLE ${key.table} DROP CONSTRAINT ${quoted(key.name)}`);
    // What the migrations wrote (the roles) is in the backup as it was then.
    await this.run.exec(`TRUNCATE ${[...this.shapes.keys(), ...FILLED_BY_TRIGGERS].map(quoted).join(', ')}`);
  }

  private json<T>(take: (value: T) => Promise<void> | void): Sink {
    const parts: Uint8Array[] = [];
    return {
      write: (chunk) => void parts.push(chunk),
      end: () => take(JSON.parse(Buffer.concat(parts).toString('utf8')) as T),
    };
  }

  private table(name: string): Sink {
    const shape = this.shapes.get(name);
    if (!shape) throw new RestoreRefused(`The backup has a table this version does not know: ${name}`);
    const hash = createHash('sha256');
    let rest: Uint8Array = new Uint8Array();
    let lines: string[] = [];
    let rows = 0;
    let columns: string | undefined;
    const insert = async () => {
      if (!lines.length) return;
      // Columns added since the backup take their defaults.
      columns ??= Object.keys(JSON.parse(lines[0]!) as object)
        .filter((c) => shape.columns.includes(c))
        .map(quoted)
        .join(', ');
      await this.run.query(
        `INSERT INTO ${quoted(name)} (${columns})
         SELECT ${columns} FROM json_populate_recordset(null::${quoted(name)}, $1::json)`,
        [`[${lines.join(',')}]`],
      );
      rows += lines.length;
      lines = [];
    };
    return {
      write: async (chunk) => {
        hash.update(chunk);
        const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
        let start = 0;
        for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
          lines.push(Buffer.from(data.subarray(start, end)).toString('utf8'));
          start = end + 1;
          if (lines.length === BATCH) await insert();
        }
        rest = data.slice(start);
      },
      end: async () => {
        await insert();
        if (rest.length) throw new RestoreRefused(`The backup's table ${name} is cut short.`);
        this.tables.set(name, { rows, sha256: hash.digest('hex') });
      },
    };
  }

  private file(relative: string): Sink {
    const target = path.join(this.uploads, ...relative.split('/'));
    if (!target.startsWith(this.uploads + path.sep))
      throw new RestoreRefused(`The backup names a file outside the upload folder: ${relative}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const fd = fs.openSync(target, 'w');
    // Files that were there (--force) are the same uploads, by their ids: a failed restore leaves them.
    if (!this.existing.has(relative)) this.written.push(target);
    const hash: Hash = createHash('sha256');
    return {
      write: (chunk) => {
        hash.update(chunk);
        fs.writeSync(fd, chunk);
      },
      end: () => {
        fs.closeSync(fd);
        this.files.set(relative, hash.digest('hex'));
      },
    };
  }

  /** Every table and file against the manifest, the foreign keys back (checking every row), commit. */
  async finish(): Promise<RestoreReport> {
    const manifest = this.manifest;
    if (!this.header || !manifest)
      throw new RestoreRefused('The backup is cut short (it has no manifest at its end).');
    let total = 0;
    for (const [name, expected] of Object.entries(manifest.tables)) {
      const got = this.tables.get(name) ?? { rows: 0, sha256: createHash('sha256').digest('hex') };
      if (got.sha256 !== expected.sha256 || got.rows !== expected.rows)
        throw new RestoreRefused(`The backup's table ${name} is damaged (its checksum does not match).`);
      total += got.rows;
    }
    for (const [relative, expected] of Object.entries(manifest.uploads))
      if (this.files.get(relative) !== expected.sha256)
        throw new RestoreRefused(`The backup's file uploads/${relative} is missing or damaged.`);
    for (const key of this.foreignKeys)
      await this.run.exec(`ALTER TABLE ${key.table} ADD CONSTRAINT ${quoted(key.name)} ${key.definition}`);
    await this.run.exec('COMMIT');
    this.inTransaction = false;
    return { tables: Object.keys(manifest.tables).length, rows: total, files: this.files.size };
  }

  async abandon() {
    if (this.inTransaction) await this.run.exec('ROLLBACK').catch(() => {});
    for (const target of this.written) fs.rmSync(target, { force: true });
  }
}

/** Refuses a database or upload folder that holds anything, unless told to empty them. */
async function makeRoom(run: SqlRunner, uploads: string, force: boolean) {
  const files = uploadFiles(uploads);
  const [{ exists } = { exists: false }] = await run.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
  );
  const tables = exists ? await tableShapes(run) : [];
  const filled: string[] = [];
  for (const table of tables.filter((t) => !FILLED_BY_MIGRATIONS.has(t.name))) {
    const rows = await run.query(`SELECT 1 FROM ${quoted(table.name)} LIMIT 1`);
    if (rows.length) filled.push(table.name);
  }
  if (!force && (filled.length || files.length))
    throw new RestoreRefused(
      [
        filled.length ? `The database is not empty (${filled.slice(0, 3).join(', ')}…).` : '',
        files.length ? `The upload folder ${uploads} is not empty.` : '',
        'Restore into an empty one, or add --force to replace what is there.',
      ]
        .filter(Boolean)
        .join(' '),
    );
  // The database is emptied inside the restore's transaction, the upload folder after it.
  return files;
}

/** A migrations folder holding only the named migrations (a backup's schema). */
function onlyMigrations(names: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tukiverkko-restore-'));
  for (const name of names) {
    fs.mkdirSync(path.join(dir, name));
    fs.copyFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), path.join(dir, name, 'migration.sql'));
  }
  return dir;
}
