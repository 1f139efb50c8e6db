import fs from 'node:fs';
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node';
import { notFound, requireUser } from '~/auth/guards.server';
import { exportForDownload } from '~/domain/privacy/export.server';

// The member's own copy: for anyone else, or once expired, it does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await exportForDownload(user.id, params.id ?? '');
  if (!file) throw notFound();
  const day = file.createdAt.toISOString().slice(0, 10);
  return new Response(createReadableStreamFromReadable(fs.createReadStream(file.path)), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Length': String(file.byteSize),
      'Content-Disposition': `attachment; filename="tukiverkko-${day}.zip"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
