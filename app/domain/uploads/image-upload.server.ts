import {
  json,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
} from '@remix-run/node';
import type { AuthUser } from '~/auth/guards.server';
import { hitLimit } from '~/auth/limits.server';
import { i18n } from '~/i18n/i18n.server';
import { maxImageBytes, storeImage } from './images.server';

/** The editor posts one picture and gets back its address, or a translated reason it was refused. */
export async function imageUploadAction(
  request: Request,
  user: AuthUser,
  scope: 'forum' | 'library' | 'briefing' | 'feedback',
) {
  const t = await i18n.getFixedT(request, 'forum');
  const fail = (key: string, status: number) =>
    json(
      { ok: false, message: t(key.replace(/^forum:/, ''), { max: Math.round(maxImageBytes() / 1048576) }) },
      { status },
    );
  if (request.method !== 'POST') return fail('errors.imageMissing', 405);
  const rate = await hitLimit('upload', user.id);
  if (!rate.allowed) return fail('errors.tooManyUploads', 429);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(unstable_createMemoryUploadHandler({ maxPartSize: maxImageBytes() })),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail('errors.imageTooLarge', 413);
    return fail('errors.imageMissing', 400);
  }
  const file = form.get('image');
  if (!(file instanceof Blob)) return fail('errors.imageMissing', 400);
  const result = await storeImage(user, new Uint8Array(await file.arrayBuffer()), scope);
  return result.ok ? json({ ok: true, url: result.url }) : fail(result.errors.image!.key, 400);
}
