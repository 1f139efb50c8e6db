import { redirect } from '@remix-run/node';
import { isHttpsDeployment } from '~/env.server';
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
  headers.append('Set-Cookie', clearedChallengeCookie());
  if (language) headers.append('Set-Cookie', await languageCookie.serialize(language));
  return redirect(to, { headers });
}

export function redirectWithoutSession(to: string) {
  return redirect(to, { headers: { 'Set-Cookie': clearedSessionCookie() } });
}

// The right password waiting for its code: a cookie for the login pages only, for minutes.
const CHALLENGE_COOKIE = 'tk_login_step';
const challengeAttributes = () => [
  'HttpOnly',
  'SameSite=Lax',
  'Path=/login',
  ...(isHttpsDeployment() ? ['Secure'] : []),
];

/** On to the code page, where the member types what their authenticator shows. */
export function redirectToSecondStep(
  redirectTo: string,
  challenge: { token: string; maxAgeSeconds: number },
) {
  const cookie = [`${CHALLENGE_COOKIE}=${challenge.token}`, ...challengeAttributes()];
  cookie.push(`Max-Age=${challenge.maxAgeSeconds}`);
  const query = redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`;
  return redirect(`/login/code${query}`, { headers: { 'Set-Cookie': cookie.join('; ') } });
}

export function readChallengeToken(request: Request): string | null {
  return readCookie(request, CHALLENGE_COOKIE);
}

export function clearedChallengeCookie() {
  return [`${CHALLENGE_COOKIE}=`, ...challengeAttributes(), 'Max-Age=0'].join('; ');
}

// A sign-in waiting at the organisation's identity provider: binds the answer to this browser.
// Lax: the provider sends the member back with a top-level GET, which carries it.
const PENDING_SSO_COOKIE = 'tk_sso';
const pendingAttributes = () => [
  'HttpOnly',
  'SameSite=Lax',
  'Path=/sso',
  ...(isHttpsDeployment() ? ['Secure'] : []),
];

export function pendingSsoCookie(pending: { token: string; maxAgeSeconds: number }) {
  return [
    `${PENDING_SSO_COOKIE}=${pending.token}`,
    ...pendingAttributes(),
    `Max-Age=${pending.maxAgeSeconds}`,
  ].join('; ');
}

export function readPendingSsoToken(request: Request): string | null {
  return readCookie(request, PENDING_SSO_COOKIE);
}

export function clearedPendingSsoCookie() {
  return [`${PENDING_SSO_COOKIE}=`, ...pendingAttributes(), 'Max-Age=0'].join('; ');
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('Cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}
