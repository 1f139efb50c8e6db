import { redirect } from '@remix-run/node';
import { languageCookie } from '~/i18n/i18n.server';
import { clearedSessionCookie, sessionCookie } from './session.server';

/** After login, invite acceptance or password reset: set the session and the user's language. */
export async function redirectWithSession(
  to: string,
  session: { token: string; expiresAt: Date; persistent: boolean },
  language?: string,
) {
  const headers = new Headers();
  headers.append('Set-Cookie', sessionCookie(session.token, session));
  if (language) headers.append('Set-Cookie', await languageCookie.serialize(language));
  return redirect(to, { headers });
}

export function redirectWithoutSession(to: string) {
  return redirect(to, { headers: { 'Set-Cookie': clearedSessionCookie() } });
}
