import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound, requireUser } from '~/auth/guards.server';
import { canReadBriefingFile } from '~/domain/briefings/access.server';
import { canReadFeedbackFile } from '~/domain/feedback/access.server';
import { canReadLibraryFile } from '~/domain/library/files.server';
import { findUpload, uploadResponse } from '~/domain/uploads/serve.server';

/**
 * Stored files, for logged-in members: forum pictures to all of them, library files and briefing
 * screenshots only to those who may read a material or briefing that uses the file (the same 404
 * as the material or briefing itself).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const upload = await findUpload(params.id ?? '');
  if (!upload) throw notFound();
  if (upload.scope === 'library' && !(await canReadLibraryFile(user, upload.id))) throw notFound();
  if (upload.scope === 'briefing' && !(await canReadBriefingFile(user, upload))) throw notFound();
  if (upload.scope === 'feedback' && !(await canReadFeedbackFile(user, upload))) throw notFound();
  const variant = new URL(request.url).searchParams.get('size') === 'thumb' ? 'thumb' : 'original';
  const response = await uploadResponse(upload, variant);
  if (!response) throw notFound();
  return response;
}
