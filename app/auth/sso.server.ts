import * as oidc from 'openid-client';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { appOrigin } from '~/env.server';
import { createMemberFromInvite } from './invites.server';
import { beginSession } from './login.server';
import { hitLimit } from './limits.server';
import type { RequestMeta } from './request-meta.server';
import { generateToken, hashToken } from './tokens.server';

// Single sign-on through an organisation's own identity provider (OpenID Connect: authorisation
// code flow with PKCE, state and nonce, the ID token checked by openid-client). Password login
// stays for organisations without one (docs/decisions/023-single-sign-on.md).

/** Where the provider sends the member back: registered with the provider as the redirect URI. */
export const SSO_CALLBACK_PATH = '/sso/callback';
export const ssoRedirectUri = () => `${appOrigin()}${SSO_CALLBACK_PATH}`;

// A sign-in must come back within this time; the provider's own login pages may take a while.
const PENDING_MS = 10 * 60 * 1000;
// A provider that does not answer discovery or the token request within this is down.
const PROVIDER_TIMEOUT_SECONDS = 5;
// ID-token times (exp, iat) are accepted this far off our clock.
const CLOCK_TOLERANCE_SECONDS = 30;
// What the provider said about itself is kept for a while; a changed setting starts afresh.
const DISCOVERY_CACHE_MS = 10 * 60 * 1000;

export type SsoOrganisation = {
  id: string;
  slug: string;
  name: string;
  ssoIssuer: string;
  ssoClientId: string;
  ssoClientSecret: string;
  ssoEmailDomains: string[];
};

const SSO_SELECT = {
  id: true,
  slug: true,
  name: true,
  ssoIssuer: true,
  ssoClientId: true,
  ssoClientSecret: true,
  ssoEmailDomains: true,
} as const;

function configured(org: {
  ssoIssuer: string | null;
  ssoClientId: string | null;
  ssoClientSecret: string | null;
}): org is typeof org & { ssoIssuer: string; ssoClientId: string; ssoClientSecret: string } {
  return Boolean(org.ssoIssuer && org.ssoClientId && org.ssoClientSecret);
}

/** Active organisations that sign in through their own provider: the login page offers them. */
export async function ssoOrganisations(): Promise<{ slug: string; name: string }[]> {
  const rows = await db.organisation.findMany({
    where: {
      active: true,
      ssoIssuer: { not: null },
      ssoClientId: { not: null },
      ssoClientSecret: { not: null },
    },
    select: { slug: true, name: true },
    orderBy: { name: 'asc' },
  });
  return rows;
}

async function organisationBySlug(slug: string): Promise<SsoOrganisation | null> {
  const org = await db.organisation.findFirst({ where: { slug, active: true }, select: SSO_SELECT });
  return org && configured(org) ? org : null;
}

/** The organisation whose provider vouches for this address, if any: its members sign in there. */
export async function ssoOrganisationForEmail(email: string): Promise<{ slug: string; name: string } | null> {
  const domain = email.split('@')[1]?.toLowerCase();
  if (!domain) return null;
  const org = await db.organisation.findFirst({
    where: { active: true, ssoEmailDomains: { has: domain } },
    select: SSO_SELECT,
  });
  return org && configured(org) ? { slug: org.slug, name: org.name } : null;
}

const discoveries = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

/** The provider's configuration (its discovery document), fetched once a while per setting. */
function providerConfig(org: SsoOrganisation): Promise<oidc.Configuration> {
  const key = JSON.stringify([org.ssoIssuer, org.ssoClientId, org.ssoClientSecret]);
  const cached = discoveries.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_CACHE_MS) return cached.config;
  const issuer = new URL(org.ssoIssuer);
  const config = oidc.discovery(
    issuer,
    org.ssoClientId,
    { client_secret: org.ssoClientSecret, [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
    undefined,
    {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      // Only a provider on this machine may speak plain HTTP (the tests' own provider).
      execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
    },
  );
  discoveries.set(key, { at: Date.now(), config });
  config.catch(() => discoveries.delete(key));
  return config;
}

const isLoopback = (url: URL) =>
  url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** Whether an issuer address may be saved: https, or http on this machine. */
export function acceptableIssuer(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || isLoopback(url);
  } catch {
    return false;
  }
}

/** Asks the provider for its discovery document: the admin page checks a setting before saving it. */
export async function checkProvider(org: Omit<SsoOrganisation, 'id' | 'slug' | 'name' | 'ssoEmailDomains'>) {
  try {
    await providerConfig({ ...org, id: '', slug: '', name: '', ssoEmailDomains: [] });
    return true;
  } catch {
    return false;
  }
}

export type SsoStart =
  | { status: 'redirect'; url: string; token: string; maxAgeSeconds: number }
  | { status: 'unknown' }
  | { status: 'unavailable' }
  | { status: 'rate_limited'; retryAfterSeconds: number };

/** Sends the member to their organisation's provider, remembering how to check the answer. */
export async function startSso(
  slug: string,
  options: { redirectTo: string; loginHint?: string },
  meta: RequestMeta,
): Promise<SsoStart> {
  const org = await organisationBySlug(slug);
  if (!org) return { status: 'unknown' };
  // Each start stores a row: enough for a training day's 150 people behind one address, not a flood.
  const limit = await hitLimit('sso-start', meta.ip);
  if (!limit.allowed) return { status: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  let config: oidc.Configuration;
  try {
    config = await providerConfig(org);
  } catch {
    return { status: 'unavailable' };
  }
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const token = generateToken();
  const now = Date.now();
  await db.$transaction([
    db.ssoLogin.deleteMany({ where: { expiresAt: { lt: new Date(now) } } }),
    db.ssoLogin.create({
      data: {
        id: hashToken(token),
        organisationId: org.id,
        state,
        nonce,
        codeVerifier,
        redirectTo: options.redirectTo,
        expiresAt: new Date(now + PENDING_MS),
      },
    }),
  ]);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ssoRedirectUri(),
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
  });
  return { status: 'redirect', url: url.href, token, maxAgeSeconds: PENDING_MS / 1000 };
}

/** Why a sign-in was refused: the page says it in words, the audit log keeps the reason. */
export type SsoRefusal =
  | 'expired' // no pending sign-in in this browser (old link, reused callback, other browser)
  | 'provider' // the provider's answer did not check out (state, code, ID token, nonce)
  | 'not_member'; // the provider vouched for someone who is not (or no longer) invited here

export type SsoFinish =
  | { status: 'ok'; token: string; expiresAt: Date; persistent: boolean; locale: string; redirectTo: string }
  | { status: 'refused'; reason: SsoRefusal };

/**
 * The provider's answer: exchange the code (PKCE), check the ID token (signature, issuer,
 * audience, expiry, nonce), then find the member — by the provider's subject once linked, by
 * verified e-mail of the organisation's domains the first time (an invited address joins).
 */
export async function finishSso(
  pendingToken: string | null,
  callbackSearch: string,
  meta: RequestMeta,
): Promise<SsoFinish> {
  // Used once: deleted before the code is even tried, so a replayed callback finds nothing.
  const pending = pendingToken
    ? await db.ssoLogin.delete({ where: { id: hashToken(pendingToken) } }).catch(() => null)
    : null;
  if (!pending || pending.expiresAt.getTime() <= Date.now()) return refuse('expired', meta);
  const org = await db.organisation.findFirst({
    where: { id: pending.organisationId, active: true },
    select: SSO_SELECT,
  });
  if (!org || !configured(org)) return refuse('expired', meta);

  let claims: { iss: string; sub: string; [claim: string]: unknown };
  try {
    const config = await providerConfig(org);
    // The callback address as registered, never as the request's Host header says it.
    const currentUrl = new URL(`${SSO_CALLBACK_PATH}${callbackSearch}`, appOrigin());
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
    // Providers that keep the ID token small give the e-mail from the userinfo endpoint; the
    // answer must be about the same subject (openid-client checks it).
    if (typeof claims.email !== 'string')
      claims = {
        ...claims,
        ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)),
        iss: claims.iss,
      };
  } catch (error) {
    return refuse('provider', meta, org.id, { error: describe(error) });
  }

  const issuer = String(claims.iss);
  const subject = String(claims.sub);
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const domain = email.split('@')[1] ?? '';
  // A provider vouches only for its own organisation's domains, and only for verified addresses.
  if (!email || !org.ssoEmailDomains.includes(domain) || claims.email_verified === false)
    return refuse('not_member', meta, org.id, { email, why: 'email' });

  const member = await memberFor(org, { issuer, subject, email, name: claims.name }, meta);
  if (!member) return refuse('not_member', meta, org.id, { email, why: 'not_invited' });
  const session = await beginSession(member, meta, { persistent: false, method: 'sso' });
  return { ...session, redirectTo: pending.redirectTo };
}

/** The member the provider's answer is about: linked, found by e-mail, or joining by invitation. */
async function memberFor(
  org: SsoOrganisation,
  who: { issuer: string; subject: string; email: string; name: unknown },
  meta: RequestMeta,
): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const linked = await tx.ssoIdentity.findUnique({
      where: { issuer_subject: { issuer: who.issuer, subject: who.subject } },
      select: { user: { select: { id: true, status: true, organisationId: true } } },
    });
    if (linked) {
      const { user } = linked;
      return user.status === 'active' && user.organisationId === org.id ? user.id : null;
    }
    const existing = await tx.user.findUnique({
      where: { email: who.email },
      select: {
        id: true,
        status: true,
        organisationId: true,
        ssoIdentities: { where: { issuer: who.issuer } },
      },
    });
    if (existing) {
      // Already linked to another subject of this provider: the address has changed hands.
      if (existing.status !== 'active' || existing.organisationId !== org.id || existing.ssoIdentities.length)
        return null;
      await tx.ssoIdentity.create({
        data: { issuer: who.issuer, subject: who.subject, userId: existing.id },
      });
      return existing.id;
    }
    const invite = await tx.invite.findFirst({
      where: {
        email: who.email,
        organisationId: org.id,
        usedAt: null,
        revokedAt: null,
        expiresAt: { gt: new Date() },
      },
      orderBy: { createdAt: 'desc' },
    });
    if (!invite) return null;
    const name = typeof who.name === 'string' && who.name.trim() ? who.name.trim().slice(0, 100) : who.email;
    const userId = await createMemberFromInvite(tx, invite, { name, locale: invite.locale }, meta);
    if (!userId) return null;
    await tx.ssoIdentity.create({ data: { issuer: who.issuer, subject: who.subject, userId } });
    return userId;
  });
}

async function refuse(
  reason: SsoRefusal,
  meta: RequestMeta,
  organisationId?: string,
  details: Record<string, string> = {},
): Promise<SsoFinish> {
  await writeAudit(db, {
    action: 'sso_refused',
    organisationId,
    ip: meta.ip,
    details: { reason, ...details },
  });
  return { status: 'refused', reason };
}

const describe = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);
