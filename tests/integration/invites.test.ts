import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { getLanguage } from '~/i18n/i18n.server';
import * as acceptRoute from '~/routes/invite.$token';
import * as membersRoute from '~/routes/members._index';
import * as inviteRoute from '~/routes/members.invite';
import { makeOrganisation } from '#tests/factories';
import {
  callAction,
  callLoader,
  deliveredMailTo,
  json,
  linkIn,
  loginAs,
  makeRequest,
  sessionTokenFrom,
} from '#tests/helpers';

let orgA: string;
let orgB: string;
beforeAll(async () => {
  orgA = (await makeOrganisation(db, { name: 'Enter ry (test)' })).id;
  orgB = (await makeOrganisation(db, { name: 'HelsinkiMissio (test)' })).id;
});

const invite = (cookie: string, form: Record<string, string>) =>
  callAction(
    inviteRoute,
    makeRequest('/members/invite', { cookie, form: { locale: 'fi', roles: 'adviser', ...form } }),
  );

async function acceptFrom(email: string, form: Record<string, string>) {
  const mail = await deliveredMailTo(email);
  const link = linkIn(mail.text, '/invite/');
  const token = new URL(link, 'http://localhost').pathname.split('/').pop()!;
  return {
    link,
    token,
    mail,
    response: await callAction(acceptRoute, makeRequest(link, { form }), { token }),
  };
}

const NEW_MEMBER = {
  name: 'Kerttu Kuusela',
  password: 'kahvia ja pullaa 2026',
  confirmPassword: 'kahvia ja pullaa 2026',
};

describe('invitations', () => {
  it('a coordinator invites, the invitee sets name and password, is logged in and lands in the right organisation and role', async () => {
    const { cookie, user: coordinator } = await loginAs('coordinator', orgA);
    const sent = await invite(cookie, {
      email: 'Kerttu.Kuusela@Example.test',
      organisationId: orgB,
      roles: 'trainer',
      locale: 'sv',
    });
    expect(await json(sent)).toMatchObject({ ok: true, message: { key: 'members:invite.sent' } });
    const audit = await db.auditLog.findFirst({ where: { action: 'invite', actorId: coordinator.id } });
    expect(audit?.details).toMatchObject({ email: 'kerttu.kuusela@example.test', roles: ['trainer'] });

    const { link, token, mail, response } = await acceptFrom('kerttu.kuusela@example.test', NEW_MEMBER);
    expect(mail.subject).toBe('Inbjudan till Tukiverkko');
    // The page opens in the invitation's language, whatever the browser says.
    expect(link).toMatch(/\?lng=sv$/);
    expect(await getLanguage(makeRequest(link, { headers: { 'Accept-Language': 'fi-FI,fi' } }))).toBe('sv');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/');
    expect(sessionTokenFrom(response)).toBeTruthy();
    const member = await db.user.findUniqueOrThrow({
      where: { email: 'kerttu.kuusela@example.test' },
      select: {
        name: true,
        organisationId: true,
        locale: true,
        roles: { select: { role: { select: { key: true } }, grantedById: true } },
      },
    });
    // A trainer who is not an adviser: roles combine, none implies another.
    expect(member).toEqual({
      name: 'Kerttu Kuusela',
      organisationId: orgB,
      locale: 'sv',
      roles: [{ role: { key: 'trainer' }, grantedById: coordinator.id }],
    });

    // Single use.
    expect((await json(await callLoader(acceptRoute, makeRequest(link), { token }))).invite).toEqual({
      status: 'used',
    });
    const again = await callAction(acceptRoute, makeRequest(link, { form: NEW_MEMBER }), { token });
    expect((await json(again)).errors).toEqual({ form: { key: 'auth:invite.used' } });
  });

  it('an expired link says so and creates nobody', async () => {
    const { cookie } = await loginAs('admin', orgA);
    await invite(cookie, { email: 'late@example.test', organisationId: orgA });
    await db.invite.updateMany({
      where: { email: 'late@example.test' },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const { response } = await acceptFrom('late@example.test', NEW_MEMBER);
    expect((await json(response)).errors).toEqual({ form: { key: 'auth:invite.expired' } });
    expect(await db.user.count({ where: { email: 'late@example.test' } })).toBe(0);
  });

  it('links expire after 7 days', async () => {
    const { cookie } = await loginAs('coordinator', orgA);
    await invite(cookie, { email: 'week@example.test', organisationId: orgA });
    const row = await db.invite.findFirstOrThrow({ where: { email: 'week@example.test' } });
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
  });

  it('a newer invitation replaces the older link', async () => {
    const { cookie } = await loginAs('coordinator', orgA);
    await invite(cookie, { email: 'twice@example.test', organisationId: orgA });
    const first = linkIn((await deliveredMailTo('twice@example.test')).text, '/invite/').split('?')[0]!;
    await invite(cookie, { email: 'twice@example.test', organisationId: orgA });
    const token = first.split('/').pop()!;
    expect((await json(await callLoader(acceptRoute, makeRequest(first), { token }))).invite).toEqual({
      status: 'revoked',
    });
  });

  it('an org_admin invites only into their own organisation, and only advisers and trainers', async () => {
    const { cookie } = await loginAs('org_admin', orgA);
    const otherOrg = await invite(cookie, { email: 'x1@example.test', organisationId: orgB });
    expect(otherOrg.status).toBe(400);
    expect((await json(otherOrg)).errors).toEqual({
      organisationId: { key: 'members:invite.errors.organisation' },
    });
    const higher = await invite(cookie, {
      email: 'x2@example.test',
      organisationId: orgA,
      roles: 'coordinator',
    });
    expect((await json(higher)).errors).toEqual({ roles: { key: 'members:invite.errors.role' } });
    const orgAdmin = await invite(cookie, {
      email: 'x4@example.test',
      organisationId: orgA,
      roles: 'org_admin',
    });
    expect((await json(orgAdmin)).errors).toEqual({ roles: { key: 'members:invite.errors.role' } });
    expect(
      await db.invite.count({
        where: { email: { in: ['x1@example.test', 'x2@example.test', 'x4@example.test'] } },
      }),
    ).toBe(0);
    const ok = await invite(cookie, { email: 'x3@example.test', organisationId: orgA, roles: 'trainer' });
    expect(ok.status).toBe(200);
    expect((await db.invite.findFirstOrThrow({ where: { email: 'x3@example.test' } })).roles).toEqual([
      'trainer',
    ]);
    // The form offers only their own organisation.
    const page = await json(await callLoader(inviteRoute, makeRequest('/members/invite', { cookie })));
    expect(page.organisations).toEqual([{ id: orgA, name: 'Enter ry (test)' }]);
  });

  it('refuses an address that already has an account, and bad input, with field errors', async () => {
    const { cookie, user } = await loginAs('coordinator', orgA);
    const exists = await invite(cookie, { email: user.email, organisationId: orgA });
    expect((await json(exists)).errors).toEqual({ email: { key: 'members:invite.errors.exists' } });
    const bad = await json(
      await invite(cookie, { email: 'nope', organisationId: 'not-a-uuid', roles: 'emperor' }),
    );
    expect(bad.errors).toMatchObject({
      email: { key: 'validation.email' },
      organisationId: { key: 'validation.required' },
      roles: { key: 'validation.invalid' },
    });
    expect(bad.values).toMatchObject({ email: 'nope' });
  });

  it('the accept form keeps the typed name on error and never echoes the password', async () => {
    const { cookie } = await loginAs('coordinator', orgA);
    await invite(cookie, { email: 'keeps@example.test', organisationId: orgA });
    const { response } = await acceptFrom('keeps@example.test', {
      name: 'Veikko',
      password: 'short',
      confirmPassword: 'short',
    });
    const body = await json(response);
    expect(response.status).toBe(400);
    expect(body.values).toEqual({ name: 'Veikko' });
  });
});

describe('withdrawing an invitation', () => {
  it('a coordinator withdraws a pending invitation; its link then says it is no longer valid', async () => {
    const { cookie, user } = await loginAs('coordinator', orgA);
    await invite(cookie, { email: 'oops@example.test', organisationId: orgB });
    const row = await db.invite.findFirstOrThrow({ where: { email: 'oops@example.test' } });
    const response = await callAction(
      membersRoute,
      makeRequest('/members', { cookie, form: { intent: 'withdraw-invite', inviteId: row.id } }),
    );
    expect(await json(response)).toMatchObject({ ok: true, message: { key: 'members:invites.withdrawn' } });
    expect(
      await db.auditLog.count({ where: { action: 'invite_revoked', actorId: user.id, targetId: row.id } }),
    ).toBe(1);
    const { response: accept } = await acceptFrom('oops@example.test', NEW_MEMBER);
    expect((await json(accept)).errors).toEqual({ form: { key: 'auth:invite.revoked' } });
    // Already withdrawn: nothing left to withdraw.
    const again = await callAction(
      membersRoute,
      makeRequest('/members', { cookie, form: { intent: 'withdraw-invite', inviteId: row.id } }),
    );
    expect(again.status).toBe(404);
  });

  it('an org_admin cannot withdraw another organisation’s invitation', async () => {
    const coordinator = await loginAs('coordinator', orgA);
    await invite(coordinator.cookie, { email: 'theirs@example.test', organisationId: orgB });
    const row = await db.invite.findFirstOrThrow({ where: { email: 'theirs@example.test' } });
    const { cookie } = await loginAs('org_admin', orgA);
    const response = await callAction(
      membersRoute,
      makeRequest('/members', { cookie, form: { intent: 'withdraw-invite', inviteId: row.id } }),
    );
    expect(response.status).toBe(404);
    expect((await db.invite.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull();
  });
});
