import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { contentDisposition, filePath } from './files.server';
import { imagePath } from './images.server';

// Sending a stored file: streamed from disk (a 25 MB PDF is never read into memory), typed by
// what was detected at upload, never sniffed by the browser, named for the download.

export async function findUpload(id: string) {
  if (!isUuid(id)) return null;
  return db.upload.findUnique({
    where: { id },
    select: { id: true, ownerId: true, scope: true, mime: true, fileName: true, thumbnail: true },
  });
}
export type StoredUpload = NonNullable<Awaited<ReturnType<typeof findUpload>>>;

export async function uploadResponse(upload: StoredUpload, variant: 'original' | 'thumb') {
  const thumb = variant === 'thumb' && upload.thumbnail;
  // Pictures from the editor have no file name: they are re-encoded WebP files of their own kind.
  const file = thumb
    ? filePath(upload.id, 'thumb')
    : upload.fileName
      ? filePath(upload.id)
      : imagePath(upload.id);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) return null;
  const mime = thumb ? 'image/webp' : upload.mime;
  const name = upload.fileName ?? `${upload.id}.webp`;
  return new Response(createReadableStreamFromReadable(createReadStream(file)), {
    headers: {
      'Content-Type': mime,
      'Content-Length': String(stat.size),
      'Content-Disposition': contentDisposition(mime.startsWith('image/') ? 'inline' : 'attachment', name),
      // Library files follow their material's audience, which can change: browsers re-check soon.
      'Cache-Control':
        upload.scope === 'library' ? 'private, max-age=300' : 'private, max-age=86400, immutable',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
