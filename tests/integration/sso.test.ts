import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as organisationRoute from '~/routes/admin.organisations.$id';
import * as loginRoute from '~/routes/login';
import * as callbackRoute from '~/routes/sso.callback';
import * as startRoute from '~/routes/sso.$org';
import * as profileRoute from '~/routes/profile._index';
import * as homeRoute from '~/routes/_index';
import { setSecondFactorRoles } from '~/auth/roles.server';
import { LIMITS } from '~/auth/limits.server';
import { DEMO_PASSWORD, makeOrganisation, makeUser } from '#tests/factories';
import {
  CLIENT_IP,
  ORIGIN,
  callAction,
  callLoader,
  cookieFor,
  json,
  makeRequest,
  sessionTokenFrom,
} from '#tests/helpers';
import { signInAtProvider, startTestProvider, type TestProvider } from '#tests/oidc/test-provider';

// Single sign-on against a real OpenID provider started here (issue 15 item 2).
let provider: TestProvider;
let org: { id: string; slug: string };
let admin: { id: string };

beforeAll(async () => {
  provider = await startTestProvider(`${ORIGIN}/sso/callback`);
  org = await db.organisation.create({
    data: { name: 'Helsingin kaupunki (SSO)', slug: 'helsinki-sso', kind: 'city_unit' },
    select: { id: true, slug: true },
  });
  admin = await makeUser(db, { role: 'admin', organisationId: (await makeOrganisation(db)).id });
  // Configured as an admin would, through the organisation page (which asks the provider first).
  const saved = await callAction(
    organisationRoute,
    makeRequest(`/admin/organisations/${org.id}`, {
      cookie: await cookieFor(admin.id),
      form: {
        intent: 'sso',
        ssoIssuer: provider.issuer,
        ssoClientId: provider.clientId,
        ssoClientSecret: provider.clientSecret,
        ssoEmailDomains: 'sso.example.test, @Staff.sso.example.test',
      },
    }),
    { id: org.id },
  );
  expect(saved.status).toBe(200);
});
afterAll(async () => {
  await provider.close();
});

function cookieFrom(response: Response, name: string) {
  const value = response.headers.get('Set-Cookie')?.match(new RegExp(`${name}=([^;]*)`))?.[1];
  if (!value) throw new Error(`no ${name} cookie`);
  return `${name}=${value}`;
}

/** Login page → provider (signs in as `login`) → back: the callback's answer and what led to it. */
async function signIn(login: string, options: { redirectTo?: string } = {}) {
  const query = options.redirectTo ? `?redirectTo=${encodeURIComponent(options.redirectTo)}` : '';
  const start = await callLoader(startRoute, makeRequest(`/sso/${org.slug}${query}`), { org: org.slug });
  expect(start.status).toBe(302);
  const authorization = new URL(start.headers.get('Location')!);
  const pending = cookieFrom(start, 'tk_sso');
  const back = new URL(await signInAtProvider(authorization.href, login, ORIGIN));
  const finish = (path = back.pathname + back.search, cookie = pending) =>
    callLoader(callbackRoute, makeRequest(path, { cookie }));
  return { authorization, back, pending, finish };
}

async function invite(email: string, roles = ['adviser']) {
  const inviter = await makeUser(db, { role: 'coordinator', organisationId: org.id });
  return db.invite.create({
    data: {
      tokenHash: `hash-${email}`,
      email,
      organisationId: org.id,
      roles,
      invitedById: inviter.id,
      locale: 'sv',
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

describe('single sign-on', () => {
  it('uses the authorisation code flow with PKCE, state and nonce, and the registered callback address', async () => {
    const { authorization } = await signIn('nobody-in-particular');
    expect(authorization.origin).toBe(provider.issuer);
    const p = authorization.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(provider.clientId);
    expect(p.get('redirect_uri')).toBe(`${ORIGIN}/sso/callback`);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(p.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(p.get('scope')).toBe('openid email profile');
  });

  it('the first sign-in of an invited member creates their account with the invitation’s roles; later ones follow the subject', async () => {
    provider.accounts.set('kaisa', { email: 'Kaisa.Virtanen@sso.example.test', name: 'Kaisa Virtanen' });
    await invite('kaisa.virtanen@sso.example.test', ['adviser', 'trainer']);
    const first = await signIn('kaisa', { redirectTo: '/forum' });
    const done = await first.finish();
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/forum');
    const token = sessionTokenFrom(done);
    expect(token).toBeTruthy();
    const user = await db.user.findUniqueOrThrow({
      where: { email: 'kaisa.virtanen@sso.example.test' },
      select: {
        id: true,
        name: true,
        locale: true,
        organisationId: true,
        roles: { select: { role: { select: { key: true } } } },
      },
    });
    expect(user).toMatchObject({ name: 'Kaisa Virtanen', locale: 'sv', organisationId: org.id });
    expect(user.roles.map((r) => r.role.key).sort()).toEqual(['adviser', 'trainer']);
    expect(await db.ssoIdentity.findMany({ where: { userId: user.id } })).toEqual([
      expect.objectContaining({ issuer: provider.issuer, subject: 'kaisa' }),
    ]);
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.method).toBe('sso');
    const audit = await db.auditLog.findFirst({ where: { action: 'login', actorId: user.id } });
    expect(audit!.details).toMatchObject({ method: 'sso' });
    // The session works.
    const profile = await callLoader(
      profileRoute,
      makeRequest('/profile', { cookie: `tk_session=${token}` }),
    );
    expect(profile.status).toBe(200);

    // The provider now gives another address for the same person: the subject still finds her.
    provider.accounts.set('kaisa', { email: 'kaisa.v@staff.sso.example.test', name: 'Kaisa Virtanen' });
    const again = await (await signIn('kaisa')).finish();
    expect(again.status).toBe(302);
    expect(await db.user.count({ where: { organisationId: org.id, email: { contains: 'kaisa' } } })).toBe(1);
  });

  it('links an existing member of the organisation by verified e-mail; password login for the domain goes to the provider', async () => {
    const member = await makeUser(db, {
      role: 'adviser',
      organisationId: org.id,
      email: 'pekka@sso.example.test',
    });
    provider.accounts.set('pekka-at-idp', { email: 'pekka@sso.example.test' });
    const done = await (await signIn('pekka-at-idp')).finish();
    expect(done.status).toBe(302);
    expect(await db.ssoIdentity.count({ where: { userId: member.id, subject: 'pekka-at-idp' } })).toBe(1);

    const password = await callAction(
      loginRoute,
      makeRequest('/login', {
        form: { email: 'Pekka@SSO.example.test', password: DEMO_PASSWORD, redirectTo: '/events' },
      }),
    );
    expect(password.status).toBe(200);
    expect((await json<{ sso: { href: string } }>(password.clone())).sso.href).toBe(
      `/sso/${org.slug}?login_hint=pekka%40sso.example.test&redirectTo=%2Fevents`,
    );
    expect(sessionTokenFrom(password)).toBeNull();
    // The login page offers the organisation.
    const page = await json<{ organisations: { slug: string }[] }>(
      await callLoader(loginRoute, makeRequest('/login')),
    );
    expect(page.organisations.map((o) => o.slug)).toContain(org.slug);
  });

  it('refuses an address that was never invited, and creates nothing', async () => {
    provider.accounts.set('stranger', { email: 'stranger@sso.example.test' });
    const users = await db.user.count();
    const refused = await (await signIn('stranger')).finish();
    expect(refused.status).toBe(403);
    expect(sessionTokenFrom(refused)).toBeNull();
    expect((await json(refused)).reason).toBe('not_member');
    expect(await db.user.count()).toBe(users);
    expect(await db.ssoIdentity.count({ where: { subject: 'stranger' } })).toBe(0);
    expect(
      await db.auditLog.count({
        where: { action: 'sso_refused', details: { path: ['why'], equals: 'not_invited' } },
      }),
    ).toBe(1);
  });

  it('refuses an address outside the organisation’s domains, an unverified one, and a member of another organisation', async () => {
    provider.accounts.set('outsider', { email: 'someone@elsewhere.example.test' });
    await invite('unverified@sso.example.test');
    provider.accounts.set('unverified', { email: 'unverified@sso.example.test', email_verified: false });
    const other = await makeUser(db, {
      role: 'adviser',
      organisationId: (await makeOrganisation(db)).id,
      email: 'moved@sso.example.test',
    });
    provider.accounts.set('moved', { email: 'moved@sso.example.test' });
    for (const login of ['outsider', 'unverified', 'moved']) {
      const refused = await (await signIn(login)).finish();
      expect(refused.status, login).toBe(403);
      expect(sessionTokenFrom(refused)).toBeNull();
    }
    expect(await db.user.count({ where: { email: 'unverified@sso.example.test' } })).toBe(0);
    expect(await db.session.count({ where: { userId: other.id } })).toBe(0);
  });

  it('refuses a wrong state, a replayed callback, a replayed code and an expired ID token', async () => {
    provider.accounts.set('liisa', { email: 'liisa@sso.example.test' });
    await makeUser(db, { role: 'adviser', organisationId: org.id, email: 'liisa@sso.example.test' });

    const wrongState = await signIn('liisa');
    const tampered = new URL(wrongState.back);
    tampered.searchParams.set('state', 'not-the-state-we-sent');
    const refusedState = await wrongState.finish(tampered.pathname + tampered.search);
    expect(refusedState.status).toBe(400);
    expect((await json(refusedState)).reason).toBe('provider');
    expect(sessionTokenFrom(refusedState)).toBeNull();

    // The same callback twice: the pending sign-in is used up by the first.
    const once = await signIn('liisa');
    expect(sessionTokenFrom(await once.finish())).toBeTruthy();
    const replay = await once.finish();
    expect(replay.status).toBe(400);
    expect((await json(replay)).reason).toBe('expired');

    // The used code with a fresh pending sign-in and its state: the provider refuses the code.
    const fresh = await signIn('liisa');
    const replayedCode = new URL(once.back);
    replayedCode.searchParams.set('state', fresh.back.searchParams.get('state')!);
    const refusedCode = await fresh.finish(replayedCode.pathname + replayedCode.search);
    expect(refusedCode.status).toBe(400);
    expect(sessionTokenFrom(refusedCode)).toBeNull();

    // An ID token whose exp has passed, properly signed by the provider.
    const late = await signIn('liisa');
    provider.expireNextIdToken();
    const refusedLate = await late.finish();
    expect(refusedLate.status).toBe(400);
    expect(sessionTokenFrom(refusedLate)).toBeNull();
    const audit = await db.auditLog.findFirst({ where: { action: 'sso_refused' }, orderBy: { at: 'desc' } });
    expect(JSON.stringify(audit!.details)).toMatch(/exp|expired|timestamp/i);

    // Without the browser's pending cookie (another browser): refused.
    const elsewhere = await signIn('liisa');
    const noCookie = await elsewhere.finish(undefined, '');
    expect((await json(noCookie)).reason).toBe('expired');
  });

  it('a coordinator signed in through the provider is not asked for our second factor; a password session is', async () => {
    await db.$transaction((tx) => setSecondFactorRoles(tx, ['coordinator', 'admin']));
    try {
      const coordinator = await makeUser(db, {
        role: 'coordinator',
        organisationId: org.id,
        email: 'coordinator@sso.example.test',
      });
      provider.accounts.set('coord', { email: 'coordinator@sso.example.test' });
      const done = await (await signIn('coord')).finish();
      const viaProvider = `tk_session=${sessionTokenFrom(done)}`;
      expect((await callLoader(homeRoute, makeRequest('/', { cookie: viaProvider }))).status).toBe(200);
      const viaPassword = await cookieFor(coordinator.id);
      const home = await callLoader(homeRoute, makeRequest('/', { cookie: viaPassword }));
      expect(home.headers.get('Location')).toBe('/profile/security/two-factor');
    } finally {
      await db.$transaction((tx) => setSecondFactorRoles(tx, []));
    }
  });

  it('limits how many sign-ins one address may start', async () => {
    // Every sign-in above came from this address too: its count is set to the limit.
    await db.rateLimit.deleteMany({ where: { key: `sso-start:${CLIENT_IP}` } });
    await db.rateLimit.create({
      data: {
        key: `sso-start:${CLIENT_IP}`,
        hits: LIMITS['sso-start'].hits,
        resetAt: new Date(Date.now() + 60_000),
      },
    });
    try {
      const busy = await callLoader(startRoute, makeRequest(`/sso/${org.slug}`), { org: org.slug });
      expect(busy.status).toBe(429);
      expect(Number(busy.headers.get('Retry-After'))).toBeGreaterThan(0);
    } finally {
      await db.rateLimit.deleteMany({ where: { key: `sso-start:${CLIENT_IP}` } });
    }
  });

  it('an unknown organisation is 404; an unreachable provider answers 503 and the admin page refuses to save it', async () => {
    expect(
      (await callLoader(startRoute, makeRequest('/sso/no-such-org'), { org: 'no-such-org' })).status,
    ).toBe(404);
    const down = await db.organisation.create({
      data: {
        name: 'Down Org',
        slug: 'down-org',
        kind: 'company',
        ssoIssuer: 'http://127.0.0.1:9/',
        ssoClientId: 'x',
        ssoClientSecret: 'y',
        ssoEmailDomains: ['down.example.test'],
      },
      select: { id: true },
    });
    const answer = await callLoader(startRoute, makeRequest('/sso/down-org'), { org: 'down-org' });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('Retry-After')).toBe('30');

    const cookie = await cookieFor(admin.id);
    const save = (form: Record<string, string>) =>
      callAction(organisationRoute, makeRequest(`/admin/organisations/${down.id}`, { cookie, form }), {
        id: down.id,
      });
    const unreachable = await save({
      intent: 'sso',
      ssoIssuer: 'http://127.0.0.1:9/',
      ssoClientId: 'x',
      ssoEmailDomains: 'down.example.test',
    });
    expect((await json(unreachable)).errors).toEqual({
      ssoIssuer: { key: 'admin:organisations.sso.errors.unreachable' },
    });
    const insecure = await save({
      intent: 'sso',
      ssoIssuer: 'http://idp.example.test/',
      ssoClientId: 'x',
      ssoEmailDomains: 'down.example.test',
    });
    expect((await json(insecure)).errors).toMatchObject({
      ssoIssuer: { key: 'admin:organisations.sso.errors.issuer' },
    });
    const taken = await save({
      intent: 'sso',
      ssoIssuer: provider.issuer,
      ssoClientId: 'x',
      ssoEmailDomains: 'sso.example.test',
    });
    expect((await json(taken)).errors).toMatchObject({
      ssoEmailDomains: { key: 'admin:organisations.sso.errors.domainTaken' },
    });
    const badDomain = await save({
      intent: 'sso',
      ssoIssuer: provider.issuer,
      ssoClientId: 'x',
      ssoEmailDomains: 'not a domain',
    });
    expect((await json(badDomain)).errors).toMatchObject({
      ssoEmailDomains: { key: 'admin:organisations.sso.errors.domain' },
    });
    // The secret is never sent back to the page, nor written to the audit log.
    const page = await callLoader(
      organisationRoute,
      makeRequest(`/admin/organisations/${org.id}`, { cookie }),
      {
        id: org.id,
      },
    );
    const text = await page.text();
    expect(text).not.toContain(provider.clientSecret);
    expect(text).toContain('"hasSecret":true');
    const logged = await db.auditLog.findMany({ where: { action: 'organisation_sso_update' } });
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain(provider.clientSecret);
    // Removing asks first.
    const asked = await json(await save({ intent: 'sso-remove' }));
    expect(asked.confirm).toBe('sso-remove');
    expect((await db.organisation.findUniqueOrThrow({ where: { id: down.id } })).ssoIssuer).not.toBeNull();
    await save({ intent: 'sso-remove', confirmed: 'yes' });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: down.id } })).ssoIssuer).toBeNull();
  });
});
