import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound } from '~/auth/guards.server';
import { stringsScript } from '~/i18n/strings-script.server';
import { acceptsEncoding } from '~/utils/http';

/** `/i18n/fi.js?v=…`: the language's strings; the versioned address is cached for a year. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const accepted = request.headers.get('Accept-Encoding');
  const encoding = acceptsEncoding(accepted, 'br')
    ? 'br'
    : acceptsEncoding(accepted, 'gzip')
      ? 'gzip'
      : undefined;
  const script = stringsScript(params.file ?? '', new URL(request.url).searchParams.get('v'), encoding);
  if (!script) throw notFound();
  return new Response(script.body, {
    headers: {
      ...(script.encoding ? { 'Content-Encoding': script.encoding } : {}),
      Vary: 'Accept-Encoding',
      'Content-Type': 'text/javascript; charset=utf-8',
      // An old or missing version is answered too (a page rendered before a deploy), but not kept.
      'Cache-Control': script.current ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}
