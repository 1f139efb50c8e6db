import { beforeAll, describe, expect, it } from 'vitest';
import { setSecondFactorRoles } from '~/auth/roles.server';
import { LIMITS } from '~/auth/limits.server';
import { currentCode } from '~/auth/two-factor.server';
import { db } from '~/db.server';
import * as adminSecurityRoute from '~/routes/admin.security';
import * as loginRoute from '~/routes/login';
import * as codeRoute from '~/routes/login_.code';
import * as memberRoute from '~/routes/members.$id';
import * as homeRoute from '~/routes/_index';
import * as twoFactorRoute from '~/routes/profile.security_.two-factor';
import * as resetRoute from '~/routes/reset-password.$token';
import * as resetRequestRoute from '~/routes/reset-password._index';
import { DEMO_PASSWORD, makeOrganisation, makeUser } from '#tests/factories';
import {
  callAction,
  callLoader,
  cookieFor,
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

const STEP = 30_000;

const passwordLogin = (email: string, password = DEMO_PASSWORD, redirectTo = '/') =>
  callAction(loginRoute, makeRequest('/login', { form: { email, password, redirectTo } }));

function challengeCookie(response: Response) {
  const token = response.headers.get('Set-Cookie')?.match(/tk_login_step=([^;]+)/)?.[1];
  if (!token) throw new Error('no challenge cookie');
  return `tk_login_step=${token}`;
}

const typeCode = (cookie: string, code: string, redirectTo?: string) =>
  callAction(
    codeRoute,
    makeRequest(`/login/code${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''}`, {
      form: { code },
      cookie,
    }),
  );

/** Sets up two-step verification as the page does; returns the key and the recovery codes. */
async function enrol(userId: string) {
  const cookie = await cookieFor(userId);
  const page = await json<{ enrolment: { secret: string; qr: string } }>(
    await callLoader(twoFactorRoute, makeRequest('/profile/security/two-factor', { cookie })),
  );
  const { secret } = page.enrolment;
  const done = await callAction(
    twoFactorRoute,
    makeRequest('/profile/security/two-factor', {
      cookie,
      form: { intent: 'enable', code: currentCode(secret), currentPassword: DEMO_PASSWORD },
    }),
  );
  expect(done.status).toBe(200);
  const { recoveryCodes } = await json<{ recoveryCodes: string[] }>(done);
  // The code used to confirm is spent: the next login needs the next time step's code.
  return { secret, recoveryCodes, cookie };
}

describe('two-step verification: setting it up', () => {
  it('shows a QR code and a key, asks for the password and a right code, and shows ten recovery codes once', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const cookie = await cookieFor(user.id);
    const first = await json<{ enrolment: { secret: string; qr: string } }>(
      await callLoader(twoFactorRoute, makeRequest('/profile/security/two-factor', { cookie })),
    );
    expect(first.enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.enrolment.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    // Reloading keeps the key the member may already have scanned.
    const again = await json<{ enrolment: { secret: string } }>(
      await callLoader(twoFactorRoute, makeRequest('/profile/security/two-factor', { cookie })),
    );
    expect(again.enrolment.secret).toBe(first.enrolment.secret);

    const submit = (form: Record<string, string>) =>
      callAction(twoFactorRoute, makeRequest('/profile/security/two-factor', { cookie, form }));
    const wrongPassword = await submit({
      intent: 'enable',
      code: currentCode(first.enrolment.secret),
      currentPassword: 'not my password',
    });
    expect(wrongPassword.status).toBe(400);
    expect((await json(wrongPassword)).errors).toEqual({
      currentPassword: { key: 'profile:security.wrongCurrent' },
    });
    const wrongCode = await submit({ intent: 'enable', code: '000000', currentPassword: DEMO_PASSWORD });
    expect((await json(wrongCode)).errors).toEqual({ code: { key: 'profile:twoFactor.errors.wrongCode' } });
    const empty = await submit({ intent: 'enable', code: '', currentPassword: '' });
    expect((await json(empty)).errors).toMatchObject({
      code: { key: 'validation.required' },
      currentPassword: { key: 'validation.required' },
    });
    expect((await db.twoFactor.findUnique({ where: { userId: user.id } }))!.confirmedAt).toBeNull();

    const ok = await submit({
      intent: 'enable',
      code: currentCode(first.enrolment.secret),
      currentPassword: DEMO_PASSWORD,
    });
    const body = await json<{ recoveryCodes: string[]; message: string }>(ok);
    expect(body.message).toEqual({ key: 'profile:twoFactor.done.enable' });
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    for (const code of body.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    // Stored hashed only.
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(body.recoveryCodes).not.toContain(row.codeHash);
    expect(await db.auditLog.count({ where: { action: 'two_factor_enabled', actorId: user.id } })).toBe(1);
    // Once on, the page no longer shows a key.
    const after = await json<{ enrolment: unknown; status: { enabled: boolean; recoveryCodesLeft: number } }>(
      await callLoader(twoFactorRoute, makeRequest('/profile/security/two-factor', { cookie })),
    );
    expect(after.enrolment).toBeNull();
    expect(after.status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });

  it('makes new recovery codes (the old ones stop working) and turns off, each after the password', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const { recoveryCodes, cookie } = await enrol(user.id);
    const submit = (form: Record<string, string>) =>
      callAction(twoFactorRoute, makeRequest('/profile/security/two-factor', { cookie, form }));
    const renewed = await json<{ recoveryCodes: string[] }>(
      await submit({ intent: 'recovery-codes', currentPassword: DEMO_PASSWORD }),
    );
    expect(renewed.recoveryCodes).toHaveLength(10);
    const login = await passwordLogin(user.email);
    const old = await typeCode(challengeCookie(login), recoveryCodes[0]!);
    expect((await json(old)).errors).toEqual({ code: { key: 'auth:secondStep.wrong' } });

    expect((await submit({ intent: 'disable', currentPassword: 'wrong' })).status).toBe(400);
    expect(await db.twoFactor.count({ where: { userId: user.id } })).toBe(1);
    expect((await submit({ intent: 'disable', currentPassword: DEMO_PASSWORD })).status).toBe(200);
    expect(await db.twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await passwordLogin(user.email)).headers.get('Location')).toBe('/');
  });

  it('limits password guesses when changing it', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const { cookie } = await enrol(user.id);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await callAction(
        twoFactorRoute,
        makeRequest('/profile/security/two-factor', {
          cookie,
          form: { intent: 'disable', currentPassword: `guess ${i}` },
        }),
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
  });
});

describe('two-step verification: logging in', () => {
  it('asks for the code after the right password, and only then starts a session', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const { secret } = await enrol(user.id);
    const before = await db.session.count({ where: { userId: user.id } });
    const login = await passwordLogin(user.email, DEMO_PASSWORD, '/forum');
    expect(login.status).toBe(302);
    expect(login.headers.get('Location')).toBe('/login/code?redirectTo=%2Fforum');
    expect(sessionTokenFrom(login)).toBeNull();
    expect(login.headers.get('Set-Cookie')).toMatch(
      /tk_login_step=[a-z2-7]+; HttpOnly; SameSite=Lax; Path=\/login/,
    );
    expect(await db.session.count({ where: { userId: user.id } })).toBe(before);

    // A wrong password never reaches the second step.
    const wrong = await passwordLogin(user.email, 'not the password');
    expect(wrong.status).toBe(400);

    // The next time step's code: the one used to set it up is spent.
    const code = currentCode(secret, Date.now() + STEP);
    const done = await typeCode(challengeCookie(login), code, '/forum');
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/forum');
    expect(sessionTokenFrom(done)).toBeTruthy();
    const audit = await db.auditLog.findFirst({
      where: { action: 'login', actorId: user.id },
      orderBy: { at: 'desc' },
    });
    expect(audit!.details).toMatchObject({ method: 'password', secondFactor: 'totp' });

    // The same code again, even with a fresh password: refused (a code is used once).
    const again = await passwordLogin(user.email);
    const replay = await typeCode(challengeCookie(again), code);
    expect((await json(replay)).errors).toEqual({ code: { key: 'auth:secondStep.wrong' } });
  });

  it('takes a recovery code once', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const { recoveryCodes } = await enrol(user.id);
    const first = await passwordLogin(user.email);
    // Typed in capitals with a space, as from paper.
    const typed = recoveryCodes[3]!.toUpperCase().replace('-', ' ');
    const ok = await typeCode(challengeCookie(first), typed);
    expect(ok.status).toBe(302);
    const second = await passwordLogin(user.email);
    const reused = await typeCode(challengeCookie(second), recoveryCodes[3]!);
    expect(reused.status).toBe(400);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it('ends a challenge after five wrong codes, limits codes per member, and refuses without a challenge', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const { secret } = await enrol(user.id);
    const login = await passwordLogin(user.email);
    const cookie = challengeCookie(login);
    const answers: unknown[] = [];
    for (let i = 0; i < 5; i++) answers.push((await json(await typeCode(cookie, '123456'))).errors);
    expect(answers.slice(0, 4)).toEqual(Array(4).fill({ code: { key: 'auth:secondStep.wrong' } }));
    expect(answers[4]).toEqual({ form: { key: 'auth:secondStep.expired' } });
    // The challenge is gone: even the right code does not help now.
    const late = await typeCode(cookie, currentCode(secret, Date.now() + STEP));
    expect((await json(late)).errors).toEqual({ form: { key: 'auth:secondStep.expired' } });
    // Fresh challenges do not reset the member's own limit (10 per 15 minutes).
    let last: Response | undefined;
    for (let i = 0; i < LIMITS['login-code'].hits; i++) {
      last = await typeCode(challengeCookie(await passwordLogin(user.email)), '654321');
    }
    expect(last!.status).toBe(429);
    expect(last!.headers.get('Retry-After')).toBeTruthy();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1); // the enrolment's own
    const none = await typeCode('', currentCode(secret));
    expect((await json(none)).errors).toEqual({ form: { key: 'auth:secondStep.expired' } });
  });

  it('asks for the code after a password reset, too', async () => {
    const user = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const { secret } = await enrol(user.id);
    await callAction(resetRequestRoute, makeRequest('/reset-password', { form: { email: user.email } }));
    const mail = await deliveredMailTo(user.email);
    const link = linkIn(mail.text, '/reset-password/');
    const token = link.split('/').pop()!;
    const newPassword = 'Uusi pitkä salasana 2026';
    const reset = await callAction(
      resetRoute,
      makeRequest(link, { form: { password: newPassword, confirmPassword: newPassword } }),
      { token },
    );
    expect(reset.status).toBe(302);
    expect(reset.headers.get('Location')).toBe('/login/code');
    expect(sessionTokenFrom(reset)).toBeNull();
    const done = await typeCode(challengeCookie(reset), currentCode(secret, Date.now() + STEP));
    expect(sessionTokenFrom(done)).toBeTruthy();
  });
});

describe('two-step verification: required for coordinators and admins', () => {
  it('sends a coordinator without it to set it up, and nowhere else, until it is on', async () => {
    const coordinator = await makeUser(db, { role: 'coordinator', organisationId: orgId });
    await db.$transaction((tx) => setSecondFactorRoles(tx, ['coordinator', 'admin']));
    try {
      const cookie = await cookieFor(coordinator.id);
      const home = await callLoader(homeRoute, makeRequest('/', { cookie }));
      expect(home.status).toBe(302);
      expect(home.headers.get('Location')).toBe('/profile/security/two-factor');
      const member = await makeUser(db, { role: 'adviser', organisationId: orgId });
      const deactivate = await callAction(
        memberRoute,
        makeRequest(`/members/${member.id}`, { cookie, form: { intent: 'deactivate', confirmed: 'yes' } }),
        { id: member.id },
      );
      expect(deactivate.status).toBe(302);
      expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('active');
      const page = await json<{ mustSetUp: boolean; status: { required: boolean } }>(
        await callLoader(twoFactorRoute, makeRequest('/profile/security/two-factor', { cookie })),
      );
      expect(page).toMatchObject({ mustSetUp: true, status: { required: true } });

      await enrol(coordinator.id);
      expect((await callLoader(homeRoute, makeRequest('/', { cookie }))).status).toBe(200);
      // Required: it cannot be turned off.
      const off = await callAction(
        twoFactorRoute,
        makeRequest('/profile/security/two-factor', {
          cookie,
          form: { intent: 'disable', currentPassword: DEMO_PASSWORD },
        }),
      );
      expect(off.status).toBe(403);
      expect(
        await db.twoFactor.count({ where: { userId: coordinator.id, confirmedAt: { not: null } } }),
      ).toBe(1);
    } finally {
      await db.$transaction((tx) => setSecondFactorRoles(tx, []));
    }
  });

  it('an admin sets which roles require it (audited); others get 404', async () => {
    const admin = await makeUser(db, { role: 'admin', organisationId: orgId });
    const coordinator = await makeUser(db, { role: 'coordinator', organisationId: orgId });
    const adminCookie = await cookieFor(admin.id);
    const page = await json<{ roles: { key: string; required: boolean }[] }>(
      await callLoader(adminSecurityRoute, makeRequest('/admin/security', { cookie: adminCookie })),
    );
    expect(page.roles.map((r) => r.key)).toEqual([
      'adviser',
      'trainer',
      'eservice_rep',
      'org_admin',
      'coordinator',
      'admin',
    ]);
    const saved = await callAction(
      adminSecurityRoute,
      makeRequest('/admin/security', { cookie: adminCookie, form: { roles: ['org_admin'] } }),
    );
    expect(saved.status).toBe(200);
    try {
      const required = await db.role.findMany({
        where: { requiresSecondFactor: true },
        select: { key: true },
      });
      expect(required.map((r) => r.key)).toEqual(['org_admin']);
      const audit = await db.auditLog.findFirst({
        where: { action: 'two_factor_policy', actorId: admin.id },
      });
      expect(audit!.details).toEqual({ before: [], after: ['org_admin'] });
      const bad = await callAction(
        adminSecurityRoute,
        makeRequest('/admin/security', { cookie: adminCookie, form: { roles: ['superuser'] } }),
      );
      expect(bad.status).toBe(400);
      const coordinatorCookie = await cookieFor(coordinator.id);
      expect(
        (await callLoader(adminSecurityRoute, makeRequest('/admin/security', { cookie: coordinatorCookie })))
          .status,
      ).toBe(404);
      expect(
        (
          await callAction(
            adminSecurityRoute,
            makeRequest('/admin/security', { cookie: coordinatorCookie, form: { roles: [] } }),
          )
        ).status,
      ).toBe(404);
    } finally {
      await db.$transaction((tx) => setSecondFactorRoles(tx, []));
    }
  });

  it('an admin resets a member’s lost second factor after confirming (audited); a coordinator cannot', async () => {
    const admin = await makeUser(db, { role: 'admin', organisationId: orgId });
    const coordinator = await makeUser(db, { role: 'coordinator', organisationId: orgId });
    const member = await makeUser(db, { role: 'adviser', organisationId: orgId });
    await enrol(member.id);
    const reset = (cookie: string, form: Record<string, string>) =>
      callAction(memberRoute, makeRequest(`/members/${member.id}`, { cookie, form }), { id: member.id });
    const byCoordinator = await reset(await cookieFor(coordinator.id), {
      intent: 'reset-two-factor',
      confirmed: 'yes',
    });
    expect(byCoordinator.status).toBe(404);
    const adminCookie = await cookieFor(admin.id);
    const asked = await json(await reset(adminCookie, { intent: 'reset-two-factor' }));
    expect(asked.confirm).toBe('reset-two-factor');
    expect(await db.twoFactor.count({ where: { userId: member.id } })).toBe(1);
    const done = await json(await reset(adminCookie, { intent: 'reset-two-factor', confirmed: 'yes' }));
    expect(done.message).toEqual({ key: 'members:done.reset-two-factor' });
    expect(await db.twoFactor.count({ where: { userId: member.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: member.id } })).toBe(0);
    expect(
      await db.auditLog.count({
        where: { action: 'two_factor_reset', actorId: admin.id, targetId: member.id },
      }),
    ).toBe(1);
    // One step again.
    expect((await passwordLogin(member.email)).headers.get('Location')).toBe('/');
  });
});
