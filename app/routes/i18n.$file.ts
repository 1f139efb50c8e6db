import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound } from '~/auth/guards.server';
import { stringsScript } from '~/i18n/strings-script.server';

/** `/i18n/fi.js?v=…`: the language's strings; the versioned address is cached for a year. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const script = stringsScript(params.file ?? '', new URL(request.url).searchParams.get('v'));
  if (!script) throw notFound();
  return new Response(script.body, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      // An old or missing version is answered too (a page rendered before a deploy), but not kept.
      'Cache-Control': script.current ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}
