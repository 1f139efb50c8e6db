import fs from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { AuthUser } from '~/auth/guards.server';
import { hitLimit, tooMany } from '~/auth/limits.server';
import { refuse, type Result } from '~/utils/result';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { appOrigin } from '~/env.server';
import { Prisma } from '~/generated/prisma/client';
import { i18n } from '~/i18n/i18n.server';
import { DEFAULT_LANGUAGE, isLanguage } from '~/i18n/config';
import { enqueueJob } from '~/domain/jobs/queue.server';
import type { JobHandler } from '~/domain/jobs/registry.server';
import { queueEmail } from '~/domain/mail/outbox.server';
import { dataExportEmail } from '~/domain/mail/templates.server';
import { filePath, uploadDir } from '~/domain/uploads/files.server';
import { imagePath } from '~/domain/uploads/images.server';
import { PRIVACY_CATEGORIES, type PrivacyCategory } from './inventory';

// "My data" (issue 16 item 2): everything the service holds about a member, one JSON file per
// table in the folders of the privacy notice's categories, and the files they uploaded, as a ZIP
// made in the background. Only they can download it, for seven days.

const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Whose row is whose: the column that names the member a row is about. A table with two such
 * columns (an invitation names who sent it and who joined with it) is exported by this one
 * only, so nothing about another member's own activity comes along.
 */
const OWNER: Record<string, string> = {
  app_user: 'id',
  user_role: 'user_id',
  user_support_point: 'user_id',
  invite: 'user_id',
  password_reset: 'user_id',
  session: 'user_id',
  sso_identity: 'user_id',
  calendar_feed: 'user_id',
  data_export: 'user_id',
  forum_thread: 'author_id',
  forum_post: 'author_id',
  forum_post_revision: 'editor_id',
  forum_reaction: 'user_id',
  forum_flag: 'reporter_id',
  forum_thread_follow: 'user_id',
  forum_category_follow: 'user_id',
  forum_thread_read: 'user_id',
  library_material: 'created_by_id',
  library_version: 'created_by_id',
  library_view: 'user_id',
  library_completion: 'user_id',
  learning_path: 'created_by_id',
  upload: 'owner_id',
  announcement: 'created_by_id',
  announcement_read: 'user_id',
  event: 'created_by_id',
  event_organiser: 'user_id',
  event_rsvp: 'user_id',
  help_slot: 'created_by_id',
  shift: 'user_id',
  referral: 'created_by_id',
  briefing: 'created_by_id',
  briefing_version: 'published_by_id',
  briefing_read: 'user_id',
  briefing_question: 'author_id',
  eservice_contact: 'user_id',
  field_feedback: 'reporter_id',
  feedback_reply: 'author_id',
  feedback_seen: 'user_id',
  guidance_session: 'adviser_id',
  resident_feedback: 'adviser_id',
  notification: 'user_id',
  notification_preference: 'user_id',
  two_factor: 'user_id',
  recovery_code: 'user_id',
};

/** Tables left out, and why (the copy's README says so too). */
export const NOT_EXPORTED: Record<string, string> = {
  // A copy of texts that are in the copy already, cut into words for search.
  search_document: 'derived',
  // Counters of failed attempts, kept a day at most, keyed by address.
  rate_limit: 'transient',
  // A password typed right, waiting minutes for its code.
  login_challenge: 'transient',
};

// Never in a copy: what would let someone sign in or use a link as the member.
const SECRET_COLUMN = /hash|secret|token/i;
const SECRET_BY_TABLE: Record<string, string[]> = { session: ['id'] };

export type ExportRow = {
  id: string;
  status: string;
  progress: number;
  byteSize: number | null;
  createdAt: Date;
  expiresAt: Date | null;
};

/** The member's copies still to be had (or being made), newest first. */
export async function listExports(userId: string): Promise<ExportRow[]> {
  return db.dataExport.findMany({
    where: { userId, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    orderBy: { createdAt: 'desc' },
    take: 5,
    select: { id: true, status: true, progress: true, byteSize: true, createdAt: true, expiresAt: true },
  });
}

export async function requestExport(user: Pick<AuthUser, 'id'>): Promise<Result> {
  const running = await db.dataExport.count({
    where: { userId: user.id, status: { in: ['queued', 'running'] } },
  });
  if (running) return refuse('profile:data.errors.running', { status: 409 });
  // Three copies a day is plenty; each one reads every table.
  const limit = await hitLimit('data-export', user.id);
  if (!limit.allowed) return tooMany(limit, 'profile:data.errors.tooMany');
  await db.$transaction(async (tx) => {
    const row = await tx.dataExport.create({ data: { userId: user.id }, select: { id: true } });
    await enqueueJob(tx, { type: 'privacy.export', payload: { exportId: row.id } });
  });
  return { ok: true };
}

export const exportPath = (id: string) => path.join(uploadDir(), 'exports', `${id}.zip`);

/** The ZIP to send, only to its member, only when ready and not yet expired. */
export async function exportForDownload(userId: string, id: string) {
  if (!isUuid(id)) return null;
  const row = await db.dataExport.findFirst({
    where: { id, userId, status: 'ready', expiresAt: { gt: new Date() } },
  });
  if (!row || !fs.existsSync(exportPath(id))) return null;
  return { path: exportPath(id), byteSize: row.byteSize ?? 0, createdAt: row.createdAt };
}

/** Every table of the privacy notice's categories this copy holds, with the column that owns it. */
export function exportedTables(): { category: PrivacyCategory['key']; table: string; owner: string }[] {
  return PRIVACY_CATEGORIES.flatMap((c) =>
    c.tables
      .filter((t) => !(t in NOT_EXPORTED))
      .map((table) => ({ category: c.key, table, owner: OWNER[table] ?? '' })),
  );
}

async function rowsOf(table: string, owner: string, userId: string, email: string) {
  const id = Prisma.raw(`"${table}"`);
  // Which rows are about the member: their own, by the owning column; the mail sent to them; the
  // audit entries they made or that are about them.
  const where =
    table === 'email'
      ? Prisma.sql`"to" = ${email}`
      : table === 'audit_log'
        ? Prisma.sql`actor_id = ${userId}::uuid OR (target_type = 'user' AND target_id = ${userId})`
        : Prisma.sql`${Prisma.raw(`"${owner}"`)} = ${userId}::uuid`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM ${id} WHERE ${where}`;
  const hidden = SECRET_BY_TABLE[table] ?? [];
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).filter(([column]) => !SECRET_COLUMN.test(column) && !hidden.includes(column)),
    ),
  );
}

/** Makes the ZIP: one JSON file per table, the member's uploads, a README in their language. */
export async function buildExport(exportId: string) {
  const row = await db.dataExport.findUnique({
    where: { id: exportId },
    select: { id: true, status: true, user: { select: { id: true, email: true, locale: true } } },
  });
  if (!row || row.status === 'ready') return;
  const { user } = row;
  await db.dataExport.update({ where: { id: exportId }, data: { status: 'running', progress: 0 } });
  const target = exportPath(exportId);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.part`;
  const out = fs.createWriteStream(partial);
  const zip = new Zip((error, chunk, final) => {
    if (error) out.destroy(error);
    else {
      out.write(chunk);
      if (final) out.end();
    }
  });
  const written = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const addFile = (name: string, data: Uint8Array, compress = true) => {
    const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(file);
    file.push(data, true);
  };
  try {
    const language = isLanguage(user.locale) ? user.locale : DEFAULT_LANGUAGE;
    const t = await i18n.getFixedT(language, 'profile');
    addFile('README.txt', new TextEncoder().encode(t('data.readme', { date: new Date().toISOString() })));
    const tables = exportedTables();
    let done = 0;
    for (const { category, table, owner } of tables) {
      const rows = await rowsOf(table, owner, user.id, user.email);
      if (rows.length)
        addFile(`${category}/${table}.json`, new TextEncoder().encode(JSON.stringify(rows, null, 2)));
      done += 1;
      await db.dataExport.update({
        where: { id: exportId },
        data: { progress: Math.floor((done / tables.length) * 80) },
      });
    }
    // The files themselves, as uploaded (pictures already without their metadata).
    const uploads = await db.upload.findMany({
      where: { ownerId: user.id },
      select: { id: true, fileName: true, mime: true },
    });
    for (const [i, upload] of uploads.entries()) {
      // Pictures from the editor have no file name: they are WebP files of their own kind.
      const source = upload.fileName ? filePath(upload.id) : imagePath(upload.id);
      if (!fs.existsSync(source)) continue;
      const name = (upload.fileName ?? `${upload.id}.webp`).replace(/[\\/]/g, '_');
      addFile(`uploads/${upload.id}-${name}`, fs.readFileSync(source), false);
      if (i % 20 === 19)
        await db.dataExport.update({
          where: { id: exportId },
          data: { progress: 80 + Math.floor(((i + 1) / uploads.length) * 19) },
        });
    }
    zip.end();
    await written;
    fs.renameSync(partial, target);
  } catch (error) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    await db.dataExport.update({ where: { id: exportId }, data: { status: 'failed' } });
    throw error;
  }
  const byteSize = fs.statSync(target).size;
  await db.$transaction(async (tx) => {
    await tx.dataExport.update({
      where: { id: exportId },
      data: {
        status: 'ready',
        progress: 100,
        byteSize,
        readyAt: new Date(),
        expiresAt: new Date(Date.now() + KEEP_MS),
      },
    });
    await queueEmail(
      tx,
      await dataExportEmail(user.locale, user.email, { url: `${appOrigin()}/profile/data` }),
    );
  });
}

/** Copies past their seven days: the file and the row go. */
export async function removeExpiredExports() {
  const expired = await db.dataExport.findMany({
    where: { expiresAt: { lt: new Date() } },
    select: { id: true },
  });
  for (const { id } of expired) fs.rmSync(exportPath(id), { force: true });
  await db.dataExport.deleteMany({ where: { id: { in: expired.map((e) => e.id) } } });
}

/** Builds one export (registry: `privacy.export`); a failed try leaves it queued for the next. */
export const buildExportJob: JobHandler<'privacy.export'> = async ({ exportId }, job) => {
  try {
    await buildExport(exportId);
  } finally {
    if (job.attempts < job.maxAttempts)
      await db.dataExport.updateMany({
        where: { id: exportId, status: 'failed' },
        data: { status: 'queued' },
      });
  }
  await removeExpiredExports();
};
