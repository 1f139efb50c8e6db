import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { env } from '~/env.server';
import { refuse, type Result } from '~/utils/result';

// Images in posts: the type is read from the bytes (sharp decodes them; a renamed PDF fails),
// the picture is re-encoded — which drops EXIF/GPS and any payload hidden after the image
// data — and is written under UPLOAD_DIR, never public/, so only logged-in members fetch it.

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);
/** Phones take 12-megapixel photos; nobody needs more than this on a forum page. */
const MAX_EDGE = 2000;

export type ImageResult = Result<{ id: string; url: string }>;

export function maxImageBytes() {
  return env().MAX_IMAGE_MB * 1024 * 1024;
}

function fileFor(id: string) {
  return path.resolve(env().UPLOAD_DIR, id.slice(0, 2), `${id}.webp`);
}

/** Whether storeImage would take these bytes as a picture (an import's dry run asks). */
export async function isPicture(bytes: Uint8Array): Promise<boolean> {
  if (bytes.byteLength === 0 || bytes.byteLength > maxImageBytes()) return false;
  const format = await sharp(bytes)
    .metadata()
    .then((m) => m.format)
    .catch(() => undefined);
  return Boolean(format && ACCEPTED_FORMATS.has(format));
}

/** scope "library" or "briefing": served only to those who may read a material or briefing using it. */
export async function storeImage(
  owner: AuthUser,
  bytes: Uint8Array,
  scope: 'forum' | 'library' | 'briefing' | 'feedback' = 'forum',
): Promise<ImageResult> {
  if (bytes.byteLength === 0) return refuse('forum:errors.imageMissing', { field: 'image' });
  if (bytes.byteLength > maxImageBytes()) return refuse('forum:errors.imageTooLarge', { field: 'image' });
  let format: string | undefined;
  try {
    format = (await sharp(bytes).metadata()).format;
  } catch {
    return refuse('forum:errors.imageType', { field: 'image' });
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) return refuse('forum:errors.imageType', { field: 'image' });

  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(bytes, { animated: false })
      .rotate() // apply the EXIF orientation before the EXIF goes
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    return refuse('forum:errors.imageType', { field: 'image' });
  }

  const upload = await db.upload.create({
    data: {
      ownerId: owner.id,
      scope,
      mime: 'image/webp',
      byteSize: output.info.size,
      width: output.info.width,
      height: output.info.height,
    },
    select: { id: true },
  });
  // Written to a temporary name and renamed: a crash never leaves half an image behind a row.
  const target = fileFor(upload.id);
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(`${target}.part`, output.data);
    await fs.rename(`${target}.part`, target);
  } catch (error) {
    await fs.rm(`${target}.part`, { force: true });
    await db.upload.delete({ where: { id: upload.id } });
    throw error;
  }
  return { ok: true, id: upload.id, url: `/uploads/${upload.id}` };
}

export function imagePath(id: string) {
  return fileFor(id);
}
