import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound, requireUser } from '~/auth/guards.server';
import { readImage } from '~/domain/uploads/images.server';

/** Images from posts, for logged-in members only; never cached by shared caches. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const image = await readImage(params.id ?? '');
  if (!image) throw notFound();
  return new Response(new Uint8Array(image.data), {
    headers: {
      'Content-Type': image.mime,
      'Content-Length': String(image.data.byteLength),
      'Content-Disposition': 'inline',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=86400, immutable',
    },
  });
}
