// Issue 19: links never from request headers, password rules, sessions on shared computers,
// invitations that reveal nothing about other organisations, pictures without their metadata.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { escapeText } from '~/domain/events/ics.server';
import { hashToken } from '~/auth/tokens.server';
import * as inviteRoute from '~/routes/members.invite';
import * as acceptRoute from '~/routes/invite.$token';
import * as loginRoute from '~/routes/login';
import * as resetRequestRoute from '~/routes/reset-password._index';
import * as resetRoute from '~/routes/reset-password.$token';
import * as securityRoute from '~/routes/profile.security';
import * as homeRoute from '~/routes/_index';
import { DEMO_PASSWORD, makeMaterial, makeOrganisation, makeUser } from '#tests/factories';
import {
  callAction,
  callLoader,
  cookieFor,
  deliveredMailTo,
  json,
  linkIn,
  loginAs,
  makeRequest,
  memberAsActor,
  sessionTokenFrom,
} from '#tests/helpers';

type Failure = { ok: false; errors: Record<string, { key: string }> };
const EVIL = 'http://evil.example:3102';

/** A request as an attacker's client sends it: its own Host, a matching Origin. */
function forged(pathname: string, form: Record<string, string>, cookie?: string) {
  return new Request(`${EVIL}${pathname}`, {
    method: 'POST',
    headers: {
      Host: 'evil.example:3102',
      Origin: EVIL,
      'X-Forwarded-Host': 'evil.example:3102',
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(form),
  });
}

let orgA: string;
let orgB: string;
beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
});

describe('links in e-mail', () => {
  it('point at APP_ORIGIN when the request names another host (password reset)', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const response = await callAction(resetRequestRoute, forged('/reset-password', { email: user.email }));
    expect(response.status).toBeLessThan(400);
    const mail = await deliveredMailTo(user.email);
    expect(mail.eml).not.toContain('evil.example');
    expect(mail.text).toContain('http://localhost:3000/reset-password/');
    expect(mail.html).not.toContain('evil.example');
  });

  it('point at APP_ORIGIN in an invitation sent from a forged host', async () => {
    const { cookie } = await loginAs('coordinator', orgA);
    const email = `forged-${Date.now()}@example.test`;
    const response = await callAction(
      inviteRoute,
      forged('/members/invite', { email, organisationId: orgA, roles: 'adviser', locale: 'fi' }, cookie),
    );
    expect(response.status).toBe(200);
    const mail = await deliveredMailTo(email);
    expect(mail.eml).not.toContain('evil.example');
    expect(linkIn(mail.text, '/invite/')).toMatch(/^\/invite\/[a-z2-7]+\?lng=(fi|sv|en)$/);
    expect(mail.text).toContain('http://localhost:3000/invite/');
  });
});

describe('new passwords', () => {
  async function invitation(email: string) {
    const { cookie } = await loginAs('coordinator', orgA);
    await callAction(
      inviteRoute,
      makeRequest('/members/invite', {
        cookie,
        form: { email, organisationId: orgA, roles: 'adviser', locale: 'fi' },
      }),
    );
    return linkIn((await deliveredMailTo(email)).text, '/invite/').split(/[/?]/)[2]!;
  }
  const accept = (token: string, name: string, password: string) =>
    callAction(
      acceptRoute,
      makeRequest(`/invite/${token}`, { form: { name, password, confirmPassword: password } }),
      { token },
    );

  it('are refused when common or built from the name, e-mail or service name; nothing is created', async () => {
    const email = `kaisa.lahtinen.${Date.now()}@enter.test`;
    const token = await invitation(email);
    for (const [password, key] of [
      ['qwertyuiop', 'auth:password.common'],
      ['1234567890', 'auth:password.common'],
      ['password12', 'auth:password.common'],
      ['Tukiverkko', 'auth:password.context'],
      ['Kaisa Lahtinen 1', 'auth:password.context'],
      ['kaisa.lahtinen.2026', 'auth:password.context'],
    ] as const) {
      const response = await accept(token, 'Kaisa Lahtinen', password);
      expect(response.status, password).toBe(400);
      const body = await json<Failure>(response);
      expect(body.errors.password?.key, password).toBe(key);
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
    const ok = await accept(token, 'Kaisa Lahtinen', 'Aamukahvi kirjastossa 9');
    expect(ok.status).toBe(302);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('set by a reset link follow the same rules, and the link stays usable after a refusal', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgA });
    await callAction(resetRequestRoute, makeRequest('/reset-password', { form: { email: user.email } }));
    const token = linkIn((await deliveredMailTo(user.email)).text, '/reset-password/').split('/')[2]!;
    const set = (password: string) =>
      callAction(
        resetRoute,
        makeRequest(`/reset-password/${token}`, { form: { password, confirmPassword: password } }),
        { token },
      );
    const refused = await set('qwertyuiop');
    expect((await json<Failure>(refused)).errors.password?.key).toBe('auth:password.common');
    expect(
      (await db.passwordReset.findFirstOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt,
    ).toBeNull();
    expect((await set('Syksyn ensimmäinen lumi')).status).toBe(302);
  });

  it('typed in a decomposed (NFD) form log in with the composed one, and the other way round', async () => {
    const email = `nfd-${Date.now()}@enter.test`;
    const token = await invitation(email);
    expect((await accept(token, 'Nea Fält', 'Kesäpäivä Töölössä'.normalize('NFD'))).status).toBe(302);
    const login = await callAction(
      loginRoute,
      makeRequest('/login', { form: { email, password: 'Kesäpäivä Töölössä'.normalize('NFC') } }),
    );
    expect(login.status).toBe(302);
  });
});

describe('logging in on a shared computer', () => {
  const login = (email: string, remember?: boolean) =>
    callAction(
      loginRoute,
      makeRequest('/login', {
        form: { email, password: DEMO_PASSWORD, ...(remember ? { remember: 'on' } : {}) },
      }),
    );

  it('without "remember me" gives a cookie that ends with the browser; with it, a dated one', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const sessionCookieOf = (response: Response) =>
      response.headers.getSetCookie().find((c) => c.startsWith('tk_session='))!;
    const forNow = sessionCookieOf(await login(user.email));
    expect(forNow).toMatch(/tk_session=[a-z2-7]+/);
    expect(forNow).not.toMatch(/Expires|Max-Age/);
    const remembered = sessionCookieOf(await login(user.email, true));
    expect(remembered).toMatch(/Expires=/);
    const rows = await db.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.persistent)).toEqual([false, true]);
  });

  it('a refused login by rate limit tells the browser when to try again, also for a full page', () => {
    const headers = loginRoute.headers({
      actionHeaders: new Headers({ 'Retry-After': '840' }),
      loaderHeaders: new Headers(),
      parentHeaders: new Headers(),
      errorHeaders: undefined,
    });
    expect(new Headers(headers).get('Retry-After')).toBe('840');
  });
});

describe('changing the password while logged in', () => {
  it('asks for the current one, applies the rules, and ends every other session', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const here = await cookieFor(user.id);
    const phone = await cookieFor(user.id);
    const change = (form: Record<string, string>) =>
      callAction(securityRoute, makeRequest('/profile/security', { cookie: here, form }));

    const wrong = await change({
      currentPassword: 'not it',
      password: 'Uusi pitkä salasana',
      confirmPassword: 'Uusi pitkä salasana',
    });
    expect((await json<Failure>(wrong)).errors.currentPassword?.key).toBe('profile:security.wrongCurrent');
    const common = await change({
      currentPassword: DEMO_PASSWORD,
      password: 'qwertyuiop',
      confirmPassword: 'qwertyuiop',
    });
    expect((await json<Failure>(common)).errors.password?.key).toBe('auth:password.common');
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);

    const ok = await change({
      currentPassword: DEMO_PASSWORD,
      password: 'Kuusi kissaa kellarissa',
      confirmPassword: 'Kuusi kissaa kellarissa',
    });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ ok: true, message: { key: 'profile:security.changed' } });
    expect((await callLoader(homeRoute, makeRequest('/', { cookie: here }))).status).toBe(200);
    const other = await callLoader(homeRoute, makeRequest('/', { cookie: phone }));
    expect(other.status).toBe(302);
    expect(other.headers.get('Location')).toMatch(/^\/login/);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { actorId: user.id, action: 'password_changed' },
    });
    expect(audit.details).toMatchObject({ endedSessions: 1 });

    const oldLogin = await callAction(
      loginRoute,
      makeRequest('/login', { form: { email: user.email, password: DEMO_PASSWORD } }),
    );
    expect(oldLogin.status).toBe(400);
    const newLogin = await callAction(
      loginRoute,
      makeRequest('/login', { form: { email: user.email, password: 'Kuusi kissaa kellarissa' } }),
    );
    expect(sessionTokenFrom(newLogin)).not.toBeNull();
  });

  it('stops guessing the current password after five tries', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const cookie = await cookieFor(user.id);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await callAction(
        securityRoute,
        makeRequest('/profile/security', {
          cookie,
          form: {
            currentPassword: `guess ${i}`,
            password: 'Kuusi kissaa kellarissa',
            confirmPassword: 'Kuusi kissaa kellarissa',
          },
        }),
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });
});

describe('inviting an address that has an account', () => {
  const invite = (cookie: string, email: string, organisationId: string) =>
    callAction(
      inviteRoute,
      makeRequest('/members/invite', {
        cookie,
        form: { email, organisationId, roles: 'adviser', locale: 'sv' },
      }),
    );

  it('answers an org admin as for a new address when the account is in another organisation; the e-mail says log in', async () => {
    const { cookie } = await loginAs('org_admin', orgA);
    const elsewhere = await makeUser(db, { role: 'adviser', organisationId: orgB });
    const fresh = `fresh-${Date.now()}@example.test`;
    const [known, unknown] = [await invite(cookie, elsewhere.email, orgA), await invite(cookie, fresh, orgA)];
    expect(known.status).toBe(unknown.status);
    const [a, b] = [await json(known), await json(unknown)];
    expect({ ...a, email: '' }).toEqual({ ...b, email: '' });
    expect(await db.invite.count({ where: { email: elsewhere.email } })).toBe(0);
    const mail = await deliveredMailTo(elsewhere.email);
    expect(mail.text).toContain('http://localhost:3000/login');
    expect(mail.text).not.toContain('/invite/');
  });

  it('still tells an org admin about their own member, and a coordinator about anyone', async () => {
    const { cookie: orgAdmin } = await loginAs('org_admin', orgA);
    const { cookie: coordinator } = await loginAs('coordinator', orgA);
    const own = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const other = await makeUser(db, { role: 'adviser', organisationId: orgB });
    expect((await json<Failure>(await invite(orgAdmin, own.email, orgA))).errors.email?.key).toBe(
      'members:invite.errors.exists',
    );
    expect((await json<Failure>(await invite(coordinator, other.email, orgA))).errors.email?.key).toBe(
      'members:invite.errors.exists',
    );
  });
});

describe('calendar text', () => {
  it('turns a lone CR into an escaped line break, so no line of its own can be injected', () => {
    const escaped = escapeText('Kokous\rATTACH:http://evil.example/x\nDTSTART:1\r\nX');
    expect(escaped).not.toMatch(/[\r\n]/);
    expect(escaped).toBe('Kokous\\nATTACH:http://evil.example/x\\nDTSTART:1\\nX');
  });
});

describe('pictures attached to library material', () => {
  it('lose their EXIF and GPS data; a name with a bidirectional override is refused', async () => {
    const { attachFile } = await import('~/domain/library/files.server');
    const { receiveUpload, filePath } = await import('~/domain/uploads/files.server');
    const { ORIGIN } = await import('#tests/helpers');
    const fs = await import('node:fs');
    const trainer = await loginAs('trainer', orgA);
    const material = await makeMaterial({ actorId: trainer.user.id, title: 'Kuvaohje', publish: false });
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0a0' } })
      .jpeg()
      .withExif({
        IFD0: { Artist: 'Asukas Esimerkki' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '60/1 10/1 0/1' },
      })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const request = (name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), name);
      return new Request(`${ORIGIN}/x`, { method: 'POST', body: form, headers: { Origin: ORIGIN } });
    };
    const bidi = await receiveUpload(request('kuva\u202egpj.exe'), { field: 'file', maxBytes: 1_000_000 });
    expect(bidi).toMatchObject({ ok: false, key: 'library:errors.fileName' });

    const received = await receiveUpload(request('kuva.jpg'), { field: 'file', maxBytes: 1_000_000 });
    if (!received.ok || !received.file) throw new Error('not received');
    expect(await attachFile(await memberAsActor(trainer.user.id), material.id, received.file)).toEqual({
      ok: true,
    });
    const upload = await db.upload.findFirstOrThrow({
      where: { ownerId: trainer.user.id, scope: 'library' },
      orderBy: { createdAt: 'desc' },
    });
    const stored = fs.readFileSync(filePath(upload.id));
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Asukas Esimerkki'))).toBe(false);
    expect(upload.byteSize).toBe(stored.length);
  });
});
