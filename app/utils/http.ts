import { redirect } from '@remix-run/node';

// Any origin will do: only whether a path stays on it matters, not which site this is.
const HERE = 'http://here.invalid';

/**
 * Only same-site paths: never let a redirectTo parameter send someone to another site.
 * Browsers drop tabs and line breaks from URLs and read "\\" as "/", so "/\t/evil.example"
 * would become "//evil.example": anything at or below a space, and any non-ASCII space, is
 * refused outright, and what remains must resolve against this site and stay on it.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2048) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u0020\u007f\\\p{White_Space}\p{Cf}]/u.test(to)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(to, HERE);
  } catch {
    return fallback;
  }
  // "/.//evil.example" resolves to the path "//evil.example": a browser reads that as a host.
  if (resolved.origin !== HERE || resolved.pathname.startsWith('//')) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, init?: ResponseInit) {
  return redirect(safeRedirectPath(to), init);
}

export function pageNumber(url: URL): number {
  const page = Number(url.searchParams.get('page') ?? '1');
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}

/** Whether an Accept-Encoding header takes `name` ("br;q=0" refuses it); server.js has the same. */
export function acceptsEncoding(header: string | null, name: 'zstd' | 'br' | 'gzip'): boolean {
  return (header ?? '').split(',').some((part) => {
    const [token = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return token.trim().toLowerCase() === name && (!q || Number(q.slice(2)) > 0);
  });
}

/**
 * A route's `headers` for a document answer to a form: Remix sends only what this returns, so
 * an action's `Retry-After` (a refusal) or `Set-Cookie` must be passed on by name.
 */
export const passActionHeaders =
  (...names: string[]) =>
  ({ actionHeaders }: { actionHeaders: Headers }) => {
    const headers = new Headers();
    for (const name of names) {
      const value = actionHeaders.get(name);
      if (value) headers.set(name, value);
    }
    return headers;
  };
