// A real OpenID Connect provider for the tests (the `oidc-provider` package, certified by the
// OpenID Foundation), on 127.0.0.1 with its built-in login and consent pages: any login name
// signs in, and `accounts` says which claims (e-mail, verified, name) that login gets.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

export type TestAccount = { email: string; email_verified?: boolean; name?: string };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Login name → claims; a login not listed gets `<login>@example.test`, verified. */
  accounts: Map<string, TestAccount>;
  /** The next token response carries an ID token that expired two minutes ago (signed by the provider's key). */
  expireNextIdToken(): void;
  close(): Promise<void>;
};

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, TestAccount>();
  const clientId = 'tukiverkko';
  const clientSecret = 'test-client-secret-that-is-long-enough-for-hs256';
  let expireNext = false;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-for-the-oidc-provider'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id) ?? { email: `${id}@example.test`, email_verified: true };
      return {
        accountId: id,
        async claims() {
          return { sub: id, email_verified: true, ...account };
        },
      };
    },
  });
  // The provider's answers are right by construction; to see an expired token refused, one is
  // re-signed with the provider's own key and an `exp` in the past.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && expireNext && body?.id_token) {
      expireNext = false;
      const claims = decodeJwt(body.id_token);
      const now = Math.floor(Date.now() / 1000);
      body.id_token = await new SignJWT({ ...claims, iat: now - 3720, exp: now - 120 })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .sign(privateKey);
    }
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    expireNextIdToken: () => {
      expireNext = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A browser without a browser: follows the provider's redirects with its cookies, fills in its
 * login form with `login` and presses Continue on the consent page, and stops at the first
 * redirect back to the app (whose URL it returns).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, appOrigin: string) {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!, value.join('='));
    }
    const location = response.headers.get('Location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(appOrigin)) return next;
      url = next;
      init = {};
      continue;
    }
    const html = await response.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!action)
      throw new Error(`The provider answered ${response.status} without a form:\n${html.slice(0, 500)}`);
    const prompt = html.match(/name="prompt" value="([^"]+)"/)?.[1];
    const form = new URLSearchParams({ prompt: prompt ?? '' });
    if (prompt === 'login') {
      form.set('login', login);
      form.set('password', 'anything');
    }
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    init = {
      method: 'POST',
      body: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('Too many redirects at the provider');
}
