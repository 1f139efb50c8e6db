import { createCookie, redirect } from '@remix-run/node';
import { isHttpsDeployment } from '~/env.server';
import type { Message } from './result';

// A success message that must outlive a redirect ("Saved", after the new support point's page
// opens): kept for one request in a short cookie, read and cleared by the root loader, shown by
// the page's <DoneNotice />. Not in the address: a reload or a shared link must not say it again.
// Readable by the page's script (it holds nothing but the key): root.tsx's shouldRevalidate
// sees one waiting after a move the script makes itself (the guidance form) and asks for it.
const doneCookie = createCookie('tk_done', {
  path: '/',
  sameSite: 'lax',
  httpOnly: false,
  maxAge: 60,
  secure: isHttpsDeployment(),
});

// The cookie is the browser's own, so it is read as untrusted: an i18n key and small numbers or
// words for its values, nothing that could become markup or a link.
const KEY = /^[a-zA-Z]+:[\w.-]{1,80}$/;
const isMessage = (value: unknown): value is Message => {
  if (!value || typeof value !== 'object') return false;
  const { key, values } = value as Partial<Message>;
  if (typeof key !== 'string' || !KEY.test(key)) return false;
  if (values === undefined) return true;
  return (
    typeof values === 'object' &&
    values !== null &&
    Object.values(values).every((v) => typeof v === 'number' || (typeof v === 'string' && v.length <= 80))
  );
};

/** The one way an action says it worked and sends the member elsewhere. */
export async function redirectDone(to: string, message: string | Message, init?: ResponseInit) {
  const headers = new Headers(init?.headers);
  headers.append('Set-Cookie', await doneCookieFor(message));
  return redirect(to, { ...init, headers });
}

/** The same for an answer read by a script that then moves to the page (reports.log.save.ts). */
export function doneCookieFor(message: string | Message): Promise<string> {
  return doneCookie.serialize(typeof message === 'string' ? { key: message } : message);
}

/** The message waiting for this request, if any, and the header that clears it. */
export async function takeDone(request: Request): Promise<{ done: Message | null; headers: HeadersInit }> {
  const header = request.headers.get('Cookie');
  if (!header?.includes('tk_done=')) return { done: null, headers: {} };
  const value: unknown = await doneCookie.parse(header).catch(() => null);
  return {
    done: isMessage(value) ? { key: value.key, ...(value.values ? { values: value.values } : {}) } : null,
    headers: { 'Set-Cookie': await doneCookie.serialize('', { maxAge: 0 }) },
  };
}
