import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough, Readable, Transform } from 'node:stream';
import busboy from 'busboy';
import { fileTypeFromFile } from 'file-type';
import sharp, { type Sharp } from 'sharp';
import { env } from '~/env.server';
import { isDiskFull } from '~/utils/service-faults.server';

// Files other than post pictures (library attachments): streamed to a temporary file while the
// request arrives, so a 25 MB upload never sits in memory; typed by their bytes, not their name;
// moved into place only once a row names them.

export type ReceivedFile = { tmpPath: string; fileName: string; byteSize: number; sha256: string };
export type ReceiveResult =
  | { ok: true; form: FormData; file: ReceivedFile | null }
  // `form`: the other fields, when they could be read, so a refused file loses nothing typed.
  // `status`: 507 when the server's disk is full (the file was fine), else a 400 is meant.
  | { ok: false; key: string; values?: Record<string, number>; form?: FormData; status?: number };

export const STORAGE_FULL_KEY = 'errors.507.body';

// Control characters have no place in a file name, and bidirectional overrides make
// "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const BAD_NAME = /[<>:"/\\|?*\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A name shown to readers and sent as the download name: no paths, no markup, no tricks. */
export function validFileName(name: string): boolean {
  const trimmed = name.trim();
  return (
    trimmed.length > 0 &&
    trimmed.length <= 200 &&
    !BAD_NAME.test(trimmed) &&
    !trimmed.startsWith('.') &&
    !trimmed.includes('..')
  );
}

export function uploadDir() {
  return path.resolve(env().UPLOAD_DIR);
}

export function filePath(id: string, variant: 'original' | 'thumb' = 'original') {
  return path.join(uploadDir(), id.slice(0, 2), variant === 'thumb' ? `${id}.thumb.webp` : id);
}

/**
 * Reads a multipart form whose `field` is one file. Other fields come back in `form`. The file
 * streams to a temporary file with backpressure (a 25 MB upload is never held in memory); one
 * over `maxBytes` is cut off there and refused, leaving nothing on disk. The name is checked
 * as sent (busboy with preservePath), so "../x.pdf" is refused rather than quietly shortened.
 */
export async function receiveUpload(
  request: Request,
  { field, maxBytes }: { field: string; maxBytes: number },
): Promise<ReceiveResult> {
  const contentType = request.headers.get('Content-Type') ?? '';
  if (!request.body || !contentType.startsWith('multipart/form-data')) {
    return { ok: false, key: 'library:errors.fileMissing' };
  }
  const tmpDir = path.join(uploadDir(), 'tmp');
  const form = new FormData();
  let received: ReceivedFile | null = null;
  let refused: string | null = null;
  let diskFull = false;
  const writes: Promise<void>[] = [];
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      preservePath: true,
      defParamCharset: 'utf8', // browsers send "Käyttöohje.pdf" as UTF-8
      limits: { files: 1, fields: 50, fieldSize: 100_000, fileSize: maxBytes },
    });
  } catch {
    return { ok: false, key: 'library:errors.fileMissing' };
  }
  parser.on('field', (name, value) => form.append(name, value));
  parser.on('file', (name, stream, info) => {
    const fileName = info.filename ?? '';
    if (name !== field || !fileName || refused) return void stream.resume();
    if (!validFileName(fileName)) {
      refused = 'library:errors.fileName';
      return void stream.resume();
    }
    const write = (async () => {
      await fs.mkdir(tmpDir, { recursive: true });
      const tmpPath = path.join(tmpDir, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      // Through a pass-through: a failed write destroys the streams of its pipeline, and a
      // destroyed part would stall the parser (busboy waits for it to be read) and so the
      // request; the part itself must live on to be drained.
      const source = new PassThrough();
      stream.pipe(source);
      try {
        await pipeline(source, meter, createWriteStream(tmpPath, { flags: 'wx' }));
      } catch (error) {
        // The partial file goes (removing needs no space), and the rest of the request is
        // read and dropped so the browser gets an answer instead of a reset connection.
        stream.unpipe(source);
        stream.resume();
        await fs.rm(tmpPath, { force: true });
        if (isDiskFull(error)) diskFull = true;
        throw error;
      }
      if (stream.truncated) refused = 'library:errors.fileTooLarge';
      if (stream.truncated || size === 0) return fs.rm(tmpPath, { force: true });
      received = { tmpPath, fileName: fileName.trim(), byteSize: size, sha256: hash.digest('hex') };
    })();
    // A write can fail while the rest of the request is still arriving, before anything awaits
    // it: handled here at once (it is awaited, and its error read, below), or Node reports it
    // as an unhandled rejection.
    write.catch(() => {});
    writes.push(write);
  });
  try {
    await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), parser);
    await Promise.all(writes);
  } catch (error) {
    await Promise.allSettled(writes);
    if (received) await discard(received);
    if (diskFull || isDiskFull(error)) return { ok: false, key: STORAGE_FULL_KEY, status: 507, form };
    return { ok: false, key: refused ?? 'library:errors.fileMissing' };
  }
  if (refused) {
    if (received) await discard(received);
    return { ok: false, key: refused, values: { max: Math.round(maxBytes / 1048576) }, form };
  }
  return { ok: true, form, file: received };
}

export function discard(file: ReceivedFile) {
  return fs.rm(file.tmpPath, { force: true });
}

// What may be attached, by what the bytes say. Legacy Office files are all "cfb" containers to
// a content sniffer; for those the extension picks between Word, Excel and PowerPoint.
const ACCEPTED: Record<string, { mime: string; extensions: string[] }> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
};
const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export type DetectedType = { ok: true; mime: string; fileName: string } | { ok: false; key: string };

/** The file's real type; a name that claims another type is refused ("disguised"). */
export async function detectType(file: ReceivedFile): Promise<DetectedType> {
  const detected = await fileTypeFromFile(file.tmpPath).catch(() => undefined);
  const ext = path.extname(file.fileName).slice(1).toLowerCase();
  if (detected?.ext === 'cfb') {
    const mime = LEGACY_OFFICE[ext];
    return mime ? { ok: true, mime, fileName: file.fileName } : { ok: false, key: 'library:errors.fileType' };
  }
  const accepted = detected ? ACCEPTED[detected.ext] : undefined;
  if (!accepted) return { ok: false, key: 'library:errors.fileType' };
  if (!ext) return { ok: true, mime: accepted.mime, fileName: `${file.fileName}.${accepted.extensions[0]}` };
  if (!accepted.extensions.includes(ext) && !(ext in ACCEPTED) && !(ext in LEGACY_OFFICE)) {
    // An unknown extension on a known type ("kuva.scan"): keep the name, add the real one.
    return { ok: true, mime: accepted.mime, fileName: `${file.fileName}.${accepted.extensions[0]}` };
  }
  if (!accepted.extensions.includes(ext)) return { ok: false, key: 'library:errors.fileDisguised' };
  return { ok: true, mime: accepted.mime, fileName: file.fileName };
}

export type ImageFacts = { width: number; height: number } | null;

/** Width and height of a picture, and a small WebP beside it for lists (metadata stripped). */
export async function makeThumbnail(file: ReceivedFile, id: string): Promise<ImageFacts> {
  const meta = await sharp(file.tmpPath).metadata();
  const target = filePath(id, 'thumb');
  await fs.mkdir(path.dirname(target), { recursive: true });
  await sharp(file.tmpPath, { animated: false })
    .rotate()
    .resize({ width: 480, height: 480, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toFile(`${target}.part`);
  await fs.rename(`${target}.part`, target);
  return meta.width && meta.height ? { width: meta.width, height: meta.height } : null;
}

const REENCODE: Record<string, (image: Sharp) => Sharp> = {
  'image/jpeg': (image) => image.jpeg({ quality: 90 }),
  'image/png': (image) => image.png(),
  'image/webp': (image) => image.webp({ quality: 90 }),
  'image/gif': (image) => image.gif(),
};

/**
 * A picture as readers get it: written anew without its metadata (camera, GPS position, the
 * photographer's name), turned upright by its EXIF orientation first. Other files are unchanged.
 */
export async function withoutImageMetadata(file: ReceivedFile, mime: string): Promise<ReceivedFile> {
  const reencode = REENCODE[mime];
  if (!reencode) return file;
  const cleanPath = `${file.tmpPath}.clean`;
  try {
    const image = sharp(file.tmpPath, { animated: mime === 'image/gif' || mime === 'image/webp' });
    await reencode(mime === 'image/jpeg' ? image.rotate() : image).toFile(cleanPath);
    const bytes = await fs.readFile(cleanPath);
    await fs.rename(cleanPath, file.tmpPath);
    return { ...file, byteSize: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  } finally {
    await fs.rm(cleanPath, { force: true });
  }
}

/** Moves a received file to its place; the rename is atomic, so readers never see half a file. */
export async function commitFile(file: ReceivedFile, id: string) {
  const target = filePath(id);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.rename(file.tmpPath, target);
}

export async function removeStoredFile(id: string) {
  await fs.rm(filePath(id), { force: true });
  await fs.rm(filePath(id, 'thumb'), { force: true });
}

/** RFC 6266: an ASCII fallback and the real (UTF-8) name, for "Käyttöohje.pdf". */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string) {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'file';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A file that did not arrive over HTTP (demo data, tests), put where received files wait. */
export async function receivedFromBytes(bytes: Uint8Array, fileName: string): Promise<ReceivedFile> {
  const tmpDir = path.join(uploadDir(), 'tmp');
  await fs.mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, `${randomUUID()}.part`);
  await fs.writeFile(tmpPath, bytes);
  return {
    tmpPath,
    fileName,
    byteSize: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
