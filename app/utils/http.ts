import { redirect } from '@remix-run/node';

/** Only same-site paths: never let a redirectTo parameter send someone to another site. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\'))
    return fallback;
  return to;
}

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, init?: ResponseInit) {
  return redirect(safeRedirectPath(to), init);
}

export function invariantResponse(
  condition: unknown,
  message = 'Not found',
  init: ResponseInit = { status: 404 },
): asserts condition {
  if (!condition) throw new Response(message, init);
}

export function pageNumber(url: URL): number {
  const page = Number(url.searchParams.get('page') ?? '1');
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}
