import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '~/auth/limits.server';
import { login as signIn } from '~/auth/login.server';
import { db } from '~/db.server';
import { languageCookie } from '~/i18n/i18n.server';
import * as loginRoute from '~/routes/login';
import * as logoutRoute from '~/routes/logout';
import * as resetRequestRoute from '~/routes/reset-password._index';
import * as resetRoute from '~/routes/reset-password.$token';
import { DEMO_PASSWORD, makeOrganisation, makeUser } from '#tests/factories';
import {
  callAction,
  callLoader,
  deliveredMailTo,
  json,
  linkIn,
  makeRequest,
  sessionTokenFrom,
} from '#tests/helpers';

let orgId: string;
beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
});

const login = (email: string, password: string, redirectTo = '/') =>
  callAction(loginRoute, makeRequest('/login', { form: { email, password, redirectTo } }));

describe('login', () => {
  it('logs in with the right password, sets a hardened cookie and records the login', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId, locale: 'sv' });
    const response = await login(user.email.toUpperCase(), DEMO_PASSWORD, '/profile');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/profile');
    const cookie = response.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/tk_session=[a-z2-7]{32}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const languagePart = cookie.split(', ').find((c) => c.startsWith('tk_lng='))!;
    expect(await languageCookie.parse(languagePart.split(';')[0]!)).toBe('sv');
    const sessions = await db.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    // Only the hash is stored.
    expect(sessions[0]!.id).not.toBe(sessionTokenFrom(response));
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.auditLog.count({ where: { action: 'login', actorId: user.id } })).toBe(1);
  });

  it('never redirects off-site after login', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const response = await login(user.email, DEMO_PASSWORD, '//evil.example/steal');
    expect(response.headers.get('Location')).toBe('/');
  });

  it('answers a wrong password and an unknown address with the same message', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const wrong = await login(user.email, 'not the password');
    const unknown = await login('nobody@example.test', 'whatever it is');
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [a, b] = [await json(wrong), await json(unknown)];
    expect(a.errors).toEqual({ form: { key: 'auth:login.invalid' } });
    expect(b.errors).toEqual(a.errors);
    expect(a.values).toEqual({ email: user.email }); // the address stays in the form, the password does not
    expect(await db.auditLog.count({ where: { action: 'login_failed', actorId: user.id } })).toBe(1);
  });

  it('treats a deactivated member like a wrong password', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId, status: 'deactivated' });
    const response = await login(user.email, DEMO_PASSWORD);
    expect(response.status).toBe(400);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('gives field errors for empty and malformed input', async () => {
    const empty = await json(await login('', ''));
    expect(empty.errors).toMatchObject({
      email: { key: 'validation.required' },
      password: { key: 'validation.required' },
    });
    const malformed = await json(await login('not-an-address', 'x'));
    expect(malformed.errors).toMatchObject({ email: { key: 'validation.email' } });
  });

  it('locks the account after repeated failures with 429 and Retry-After, and a password reset lifts it', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    for (let i = 0; i < LIMITS['login:account'].hits; i++)
      expect((await login(user.email, 'wrong password!')).status).toBe(400);
    const locked = await login(user.email, DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await json(locked)).errors).toMatchObject({ form: { key: 'auth:login.rateLimited' } });
    expect(await db.auditLog.count({ where: { action: 'login_rate_limited' } })).toBeGreaterThan(0);

    // The real owner recovers through the e-mailed reset link.
    const requested = await callAction(
      resetRequestRoute,
      makeRequest('/reset-password', { form: { email: user.email } }),
    );
    expect(requested.status).toBe(200);
    const mail = await deliveredMailTo(user.email);
    const link = linkIn(mail.text, '/reset-password/');
    const token = link.split('/').pop()!;
    const reset = await callAction(
      resetRoute,
      makeRequest(link, {
        form: { password: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' },
      }),
      { token },
    );
    expect(reset.status).toBe(302);
    expect((await login(user.email, 'a brand new passphrase')).status).toBe(302);
  });

  it('counts failures, not logins: a training day of 150 advisers behind one address all get in', async () => {
    const venue = { ip: '198.51.100.20', userAgent: 'vitest' };
    const advisers = [];
    for (let i = 0; i < 150; i++)
      advisers.push(await makeUser(db, { role: 'adviser', organisationId: orgId }));
    // A few of them mistype first, as people do.
    for (const adviser of advisers.slice(0, 20))
      expect((await signIn(adviser.email, 'vaara salasana', venue)).status).toBe('invalid');
    for (const adviser of advisers)
      expect((await signIn(adviser.email, DEMO_PASSWORD, venue)).status).toBe('ok');
  });

  it('stops an account after 10 failures, says when to try again, and a login in time clears the count', async () => {
    const meta = { ip: '198.51.100.21', userAgent: 'vitest' };
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    for (let i = 0; i < 9; i++)
      expect((await signIn(user.email, 'wrong password!', meta)).status).toBe('invalid');
    // The owner remembers it on the tenth try: the count starts again.
    expect((await signIn(user.email, DEMO_PASSWORD, meta)).status).toBe('ok');
    for (let i = 0; i < LIMITS['login:account'].hits; i++)
      expect((await signIn(user.email, 'wrong password!', meta)).status).toBe('invalid');
    const stopped = await signIn(user.email, DEMO_PASSWORD, meta);
    expect(stopped.status).toBe('rate_limited');
    expect(stopped.status === 'rate_limited' && stopped.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // The refusal says when, and not to change the password.
    const refused = await login(user.email, DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect((await json(refused)).errors).toMatchObject({
      form: { key: 'auth:login.rateLimited', values: { count: 15 } },
    });
    // Stopped again as soon as the wait is over: each stop waits twice as long, shown in hours
    // once it is long; a login in time clears it all.
    const waitOver = () =>
      db.rateLimit.updateMany({
        where: { key: `login:account:${user.email}` },
        data: { resetAt: new Date(Date.now() - 1000) },
      });
    const waits: number[] = [];
    for (let stop = 2; stop <= 4; stop++) {
      await waitOver();
      for (let i = 0; i < LIMITS['login:account'].hits; i++)
        expect((await signIn(user.email, 'wrong password!', meta)).status).toBe('invalid');
      const again = await signIn(user.email, DEMO_PASSWORD, meta);
      waits.push(again.status === 'rate_limited' ? Math.round(again.retryAfterSeconds / 60) : 0);
    }
    expect(waits).toEqual([30, 60, 120]);
    expect((await json(await login(user.email, DEMO_PASSWORD))).errors).toMatchObject({
      form: { key: 'auth:login.rateLimitedHours', values: { count: 2 } },
    });
    await waitOver();
    expect((await signIn(user.email, DEMO_PASSWORD, meta)).status).toBe('ok');
    for (let i = 0; i < LIMITS['login:account'].hits; i++)
      expect((await signIn(user.email, 'wrong password!', meta)).status).toBe('invalid');
    const fresh = await signIn(user.email, DEMO_PASSWORD, meta);
    expect(fresh.status === 'rate_limited' && Math.round(fresh.retryAfterSeconds / 60)).toBe(15);
    // An address that does not belong to anyone is stopped the same way.
    for (let i = 0; i < LIMITS['login:account'].hits; i++)
      expect((await signIn('nobody-here@example.test', 'wrong password!', meta)).status).toBe('invalid');
    expect((await signIn('nobody-here@example.test', 'wrong password!', meta)).status).toBe('rate_limited');
  });

  it('stops one address trying password after password across accounts', async () => {
    const meta = { ip: '198.51.100.22', userAgent: 'vitest' };
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    for (let i = 0; i < LIMITS['login:ip'].hits; i++)
      expect((await signIn(`guess-${i}@example.test`, 'Salasana123', meta)).status).toBe('invalid');
    expect((await signIn(user.email, DEMO_PASSWORD, meta)).status).toBe('rate_limited');
    // Another address is not affected.
    expect((await signIn(user.email, DEMO_PASSWORD, { ...meta, ip: '198.51.100.23' })).status).toBe('ok');
  });

  it('logs out: the session is gone from the database and the cookie is cleared', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const token = sessionTokenFrom(await login(user.email, DEMO_PASSWORD))!;
    const response = await callAction(
      logoutRoute,
      makeRequest('/logout', { method: 'POST', cookie: `tk_session=${token}` }),
    );
    expect(response.headers.get('Set-Cookie')).toContain('Max-Age=0');
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const after = await callLoader(loginRoute, makeRequest('/login', { cookie: `tk_session=${token}` }));
    expect(after.status).toBe(200); // anonymous again: the login page shows
  });
});

describe('password reset', () => {
  it('looks the same for an unknown address and sends nothing', async () => {
    const before = await db.email.count();
    const response = await callAction(
      resetRequestRoute,
      makeRequest('/reset-password', { form: { email: 'ghost@example.test' } }),
    );
    expect(await json(response)).toMatchObject({ ok: true, message: { key: 'auth:reset.sent' } });
    expect(await db.email.count()).toBe(before);
  });

  it('uses a link once, ends all other sessions, and says so when reused or expired', async () => {
    const user = await makeUser(db, { role: 'trainer', organisationId: orgId, locale: 'en' });
    const oldToken = sessionTokenFrom(await login(user.email, DEMO_PASSWORD))!;
    await callAction(resetRequestRoute, makeRequest('/reset-password', { form: { email: user.email } }));
    const mail = await deliveredMailTo(user.email);
    expect(mail.subject).toBe('Reset your Tukiverkko password'); // in the member's own language
    expect(mail.eml).toContain('Subject: Reset your Tukiverkko password');
    const link = linkIn(mail.text, '/reset-password/');
    const token = link.split('/').pop()!;
    expect(await json(await callLoader(resetRoute, makeRequest(link), { token }))).toEqual({
      state: 'valid',
    });

    const mismatch = await callAction(
      resetRoute,
      makeRequest(link, { form: { password: 'long enough password', confirmPassword: 'something else' } }),
      { token },
    );
    expect((await json(mismatch)).errors).toMatchObject({
      confirmPassword: { key: 'auth:password.mismatch' },
    });
    const short = await callAction(
      resetRoute,
      makeRequest(link, { form: { password: 'short', confirmPassword: 'short' } }),
      {
        token,
      },
    );
    expect((await json(short)).errors).toMatchObject({ password: { key: 'auth:password.tooShort' } });

    const done = await callAction(
      resetRoute,
      makeRequest(link, {
        form: { password: 'correct horse battery', confirmPassword: 'correct horse battery' },
      }),
      { token },
    );
    expect(done.status).toBe(302);
    const newToken = sessionTokenFrom(done)!;
    const sessions = await db.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(sessions).toHaveLength(1); // the old one is gone, the new one is the only one
    expect(newToken).not.toBe(oldToken);
    expect(await db.auditLog.count({ where: { action: 'password_reset', actorId: user.id } })).toBe(1);

    expect(await json(await callLoader(resetRoute, makeRequest(link), { token }))).toEqual({ state: 'used' });
    const again = await callAction(
      resetRoute,
      makeRequest(link, {
        form: { password: 'another long password', confirmPassword: 'another long password' },
      }),
      { token },
    );
    expect((await json(again)).errors).toEqual({ form: { key: 'auth:resetLink.used' } });

    await db.passwordReset.updateMany({
      where: { userId: user.id },
      data: { usedAt: null, expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await json(await callLoader(resetRoute, makeRequest(link), { token }))).toEqual({
      state: 'expired',
    });
    expect(
      await json(
        await callLoader(resetRoute, makeRequest('/reset-password/nonsense'), { token: 'nonsense' }),
      ),
    ).toEqual({
      state: 'invalid',
    });
  });
});
