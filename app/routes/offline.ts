import { createHash } from 'node:crypto';
import { LANGUAGES } from '~/i18n/config';
import { resources } from '~/i18n/resources.server';
import { escapeHtml } from '~/utils/html';

// The page the service worker (public/sw.js) shows when a page cannot load: kept on the phone at
// install, so it must stand alone. All three languages at once (the phone has no connection to
// ask which), no script, its few styles inline and allowed by their hash, nothing about the
// member (it is the same for everyone and may be shown on a shared computer).

const STYLE = `body{font-family:system-ui,sans-serif;font-size:1.125rem;line-height:1.5;color:#1a1a1a;margin:0}
header{background:#0000bf;color:#fff;padding:.75rem 1rem;font-weight:700}
main{max-width:40rem;padding:1rem}
section+section{border-top:1px solid #808080;margin-top:1.5rem;padding-top:.5rem}
h1,h2{font-size:1.5rem;margin:.5rem 0}
a{color:#0000bf;display:inline-block;min-height:44px;padding:.6rem 0;font-weight:600}
a:focus-visible{outline:3px solid #0072c6;outline-offset:2px}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

function page() {
  const sections = LANGUAGES.map((lng, index) => {
    const s = (resources[lng].common as { offline: Record<string, string> }).offline;
    const heading = index === 0 ? 'h1' : 'h2';
    return `<section lang="${lng}">
<${heading}>${escapeHtml(s.title!)}</${heading}>
<p>${escapeHtml(s.body!)}</p>
<p>${escapeHtml(s.guidance!)}</p>
<p><a href="">${escapeHtml(s.retry!)}</a></p>
</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tukiverkko – ${escapeHtml((resources.fi.common as { offline: { title: string } }).offline.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>Tukiverkko</header>
<main>
${sections}
</main>
</body>
</html>`;
}

export function loader() {
  return new Response(page(), {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      // The page's own policy: its inline styles by hash, nothing else.
      'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'Cache-Control': 'no-cache',
    },
  });
}
