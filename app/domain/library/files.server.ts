import { randomUUID } from 'node:crypto';
import type { AuthUser } from '~/auth/guards.server';
import { db, type Tx } from '~/db.server';
import { enqueueJob } from '~/domain/jobs/queue.server';
import {
  commitFile,
  detectType,
  discard,
  filePath,
  makeThumbnail,
  receiveUpload,
  removeStoredFile,
  withoutImageMetadata,
  type ReceivedFile,
} from '~/domain/uploads/files.server';
import { pdfText } from '~/domain/uploads/pdf-text.server';
import { hitLimit, tooMany } from '~/auth/limits.server';
import { env } from '~/env.server';
import { refuse, type Result } from '~/utils/result';
import { canManageLibrary, readableWhere } from './access.server';
import { MAX_ATTACHMENTS, MAX_INDEXED_PDF_CHARS } from './constants';
import { reindexMaterial } from './search-index.server';

// Attachments of materials. A file is an Upload with scope "library" and one or more links: from
// a material's working copy (versionId null) and from each version that was published with it.
// Publishing copies the links, never the file; a file goes when its last link goes.

/**
 * A file sent to a material's working copy, read from the request as it arrives. The upload
 * limit is counted first, so a refused upload costs no disk and little bandwidth.
 */
export async function attachUpload(actor: AuthUser, materialId: string, request: Request): Promise<Result> {
  const rate = await hitLimit('upload', actor.id);
  if (!rate.allowed) return tooMany(rate, 'library:errors.tooManyUploads', 'file');
  const maxMb = env().MAX_ATTACHMENT_MB;
  const received = await receiveUpload(request, { field: 'file', maxBytes: maxMb * 1048576 });
  if (!received.ok) {
    const status = received.status === 507 ? 507 : undefined;
    return refuse(received.key, { field: 'file', values: received.values, status });
  }
  if (!received.file) return refuse('library:errors.fileMissing', { field: 'file' });
  return attachFile(actor, materialId, received.file);
}

export async function attachFile(
  actor: AuthUser,
  materialId: string,
  received: ReceivedFile,
): Promise<Result> {
  let file = received;
  const refused = async (key: string) => {
    await discard(file);
    return refuse(key, { field: 'file', values: { max: env().MAX_ATTACHMENT_MB } });
  };
  const type = await detectType(file);
  if (!type.ok) return refused(type.key);
  const count = await db.libraryFileLink.count({ where: { materialId, versionId: null, inline: false } });
  if (count >= MAX_ATTACHMENTS) return refused('library:errors.tooManyFiles');
  // The file is put in place first and the row written after: a crash in between leaves a file
  // nobody links (harmless, never served), never a row whose file is missing or half-written.
  const id = randomUUID();
  if (type.mime.startsWith('image/')) {
    try {
      await makeThumbnail(file, id);
      file = await withoutImageMetadata(file, type.mime);
    } catch {
      await removeStoredFile(id);
      return refused('library:errors.fileDamaged');
    }
  }
  try {
    await commitFile(file, id);
    await db.$transaction(async (tx) => {
      await tx.upload.create({
        data: {
          id,
          ownerId: actor.id,
          scope: 'library',
          fileName: type.fileName,
          mime: type.mime,
          byteSize: file.byteSize,
          sha256: file.sha256,
          thumbnail: type.mime.startsWith('image/'),
          textContent: type.mime === 'application/pdf' ? null : '',
        },
        select: { id: true },
      });
      await tx.libraryFileLink.create({ data: { uploadId: id, materialId, position: count } });
      await tx.libraryMaterial.update({ where: { id: materialId }, data: { draftChanged: true } });
      if (type.mime === 'application/pdf') {
        await enqueueJob(tx, { type: 'library.pdf-text', payload: { uploadId: id } });
      }
    });
  } catch (error) {
    await discard(file);
    await removeStoredFile(id);
    throw error;
  }
  return { ok: true };
}

/** Takes a file off the working copy; versions that were published with it keep it. */
export async function detachFile(materialId: string, uploadId: string) {
  const removed = await db.$transaction(async (tx) => {
    const { count } = await tx.libraryFileLink.deleteMany({
      where: { materialId, versionId: null, uploadId, inline: false },
    });
    if (count) await tx.libraryMaterial.update({ where: { id: materialId }, data: { draftChanged: true } });
    return count;
  });
  if (removed) await removeUnlinkedFiles([uploadId]);
  return removed > 0;
}

/** Deletes the rows and files of library uploads no material or version links any more. */
export async function removeUnlinkedFiles(uploadIds: string[]) {
  if (!uploadIds.length) return;
  const orphans = await db.upload.findMany({
    where: { id: { in: uploadIds }, scope: 'library', links: { none: {} } },
    select: { id: true },
  });
  if (!orphans.length) return;
  await db.upload.deleteMany({ where: { id: { in: orphans.map((o) => o.id) }, links: { none: {} } } });
  for (const { id } of orphans) await removeStoredFile(id);
}

/** Keeps the working copy's links to pictures in its text in step with the text. */
export async function syncInlineImages(tx: Tx, materialId: string, imageIds: string[]) {
  const libraryImages = imageIds.length
    ? await tx.upload.findMany({ where: { id: { in: imageIds }, scope: 'library' }, select: { id: true } })
    : [];
  const wanted = new Set(libraryImages.map((u) => u.id));
  const current = await tx.libraryFileLink.findMany({
    where: { materialId, versionId: null, inline: true },
    select: { id: true, uploadId: true },
  });
  const dropped = current.filter((l) => !wanted.has(l.uploadId));
  if (dropped.length)
    await tx.libraryFileLink.deleteMany({ where: { id: { in: dropped.map((l) => l.id) } } });
  const have = new Set(current.map((l) => l.uploadId));
  const added = [...wanted].filter((id) => !have.has(id));
  if (added.length) {
    await tx.libraryFileLink.createMany({
      data: added.map((uploadId) => ({ uploadId, materialId, inline: true })),
    });
  }
  return dropped.map((l) => l.uploadId);
}

/**
 * May this viewer fetch this library file? Trainers: any. Others: only a file of a published
 * version of a material they may read (the same rule as the page itself).
 */
export async function canReadLibraryFile(viewer: AuthUser, uploadId: string) {
  if (canManageLibrary(viewer)) return true;
  const link = await db.libraryFileLink.findFirst({
    where: {
      uploadId,
      version: { publishedAt: { not: null } },
      material: readableWhere(viewer),
    },
    select: { id: true },
  });
  return Boolean(link);
}

export type MaterialFile = {
  id: string;
  fileName: string;
  mime: string;
  byteSize: number;
  thumbnail: boolean;
};

export const materialFileSelect = {
  id: true,
  fileName: true,
  mime: true,
  byteSize: true,
  thumbnail: true,
} as const;

// ---------------------------------------------------------------- PDF text, in the background

export async function extractPdfText(uploadId: string) {
  const upload = await db.upload.findUnique({ where: { id: uploadId }, select: { id: true, mime: true } });
  if (!upload || upload.mime !== 'application/pdf') return;
  let text = '';
  try {
    text = await pdfText(filePath(upload.id), MAX_INDEXED_PDF_CHARS);
  } catch {
    text = ''; // a damaged or encrypted PDF is still a fine attachment; it just has no words
  }
  await db.$transaction(async (tx) => {
    await tx.upload.update({ where: { id: upload.id }, data: { textContent: text } });
    const live = await tx.libraryMaterial.findMany({
      where: { liveVersion: { files: { some: { uploadId } } } },
      select: { id: true },
    });
    for (const m of live) await reindexMaterial(tx, m.id);
  });
}
