import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import * as memberRoute from '~/routes/members.$id';
import * as membersRoute from '~/routes/members._index';
import * as homeRoute from '~/routes/_index';
import { memberById } from '~/auth/guards.server';
import { makeOrganisation, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, loginAs, makeRequest } from '#tests/helpers';

let orgA: string;
let orgB: string;
beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
});

type ListData = {
  members: { id: string; organisation: { id: string }; roles: string[]; status: string }[];
  total: number;
};

describe('member management', () => {
  it('a coordinator lists everyone and filters by organisation, role, status and name', async () => {
    const { cookie } = await loginAs('coordinator', orgA);
    const target = await makeUser(db, { role: 'trainer', organisationId: orgB, name: 'Tuula Tarkka' });
    await makeUser(db, { role: 'adviser', organisationId: orgB, status: 'deactivated' });
    const list = async (query: string) =>
      json<ListData>(await callLoader(membersRoute, makeRequest(`/members${query}`, { cookie })));

    const byOrg = await list(`?organisationId=${orgB}`);
    expect(byOrg.members.every((m) => m.organisation.id === orgB)).toBe(true);
    expect(byOrg.total).toBe(2);
    expect((await list(`?organisationId=${orgB}&role=trainer`)).members.map((m) => m.id)).toEqual([
      target.id,
    ]);
    expect((await list(`?organisationId=${orgB}&status=deactivated`)).members).toHaveLength(1);
    expect((await list('?q=tarkka')).members.map((m) => m.id)).toEqual([target.id]);
    // LIKE's wildcards are taken as typed; the name or the e-mail address matches.
    expect((await list('?q=tarkk_')).members).toEqual([]);
    expect(
      (await list(`?q=${encodeURIComponent(target.email.toUpperCase())}`)).members.map((m) => m.id),
    ).toEqual([target.id]);
    // Who is logged in, then the page, its count, the invitations and organisations: two statements.
    const before = statementCount();
    await list('');
    expect(statementCount() - before).toBe(2);
    // A stale or hand-edited filter is ignored, not an error.
    expect(
      (await callLoader(membersRoute, makeRequest('/members?role=emperor&page=-3', { cookie }))).status,
    ).toBe(200);
  });

  it('an org_admin sees only their own organisation, and another organisation’s member is a 404', async () => {
    const { cookie } = await loginAs('org_admin', orgA);
    const own = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const foreign = await makeUser(db, { role: 'adviser', organisationId: orgB });
    const data = await json<ListData>(
      await callLoader(membersRoute, makeRequest(`/members?organisationId=${orgB}`, { cookie })),
    );
    expect(data.members).toHaveLength(0);
    const all = await json<ListData>(await callLoader(membersRoute, makeRequest('/members', { cookie })));
    expect(all.members.every((m) => m.organisation.id === orgA)).toBe(true);
    expect(
      (await callLoader(memberRoute, makeRequest(`/members/${own.id}`, { cookie }), { id: own.id })).status,
    ).toBe(200);
    expect(
      (await callLoader(memberRoute, makeRequest(`/members/${foreign.id}`, { cookie }), { id: foreign.id }))
        .status,
    ).toBe(404);
    const attempt = await callAction(
      memberRoute,
      makeRequest(`/members/${foreign.id}`, { cookie, form: { intent: 'deactivate' } }),
      { id: foreign.id },
    );
    expect(attempt.status).toBe(404);
    expect((await db.user.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe('active');
  });

  it('deactivation ends all the member’s sessions at once; reactivation lets them log in again', async () => {
    const { cookie, user: coordinator } = await loginAs('coordinator', orgA);
    const member = await makeUser(db, { role: 'adviser', organisationId: orgB });
    const phone = await cookieFor(member.id);
    const laptop = await cookieFor(member.id);
    expect((await callLoader(homeRoute, makeRequest('/', { cookie: phone }))).status).toBe(200);

    // First the page asks to confirm, and nothing changes yet.
    const asked = await callAction(
      memberRoute,
      makeRequest(`/members/${member.id}`, { cookie, form: { intent: 'deactivate' } }),
      { id: member.id },
    );
    expect(await json(asked)).toMatchObject({ ok: false, confirm: 'deactivate' });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('active');
    expect(await db.session.count({ where: { userId: member.id } })).toBe(2);

    const response = await callAction(
      memberRoute,
      makeRequest(`/members/${member.id}`, { cookie, form: { intent: 'deactivate', confirmed: 'yes' } }),
      { id: member.id },
    );
    expect(await json(response)).toMatchObject({ ok: true });
    expect(await db.session.count({ where: { userId: member.id } })).toBe(0);
    for (const c of [phone, laptop]) {
      const r = await callLoader(homeRoute, makeRequest('/', { cookie: c }));
      expect(r.status).toBe(302);
      expect(r.headers.get('Location')).toBe('/login');
    }
    expect(
      await db.auditLog.count({
        where: { action: 'deactivate', actorId: coordinator.id, targetId: member.id },
      }),
    ).toBe(1);

    await callAction(
      memberRoute,
      makeRequest(`/members/${member.id}`, { cookie, form: { intent: 'reactivate' } }),
      {
        id: member.id,
      },
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('active');
    expect(
      (await callLoader(homeRoute, makeRequest('/', { cookie: await cookieFor(member.id) }))).status,
    ).toBe(200);
  });

  it('nobody deactivates themselves or someone above them', async () => {
    const { cookie, user } = await loginAs('org_admin', orgA);
    const self = await callAction(
      memberRoute,
      makeRequest(`/members/${user.id}`, { cookie, form: { intent: 'deactivate', confirmed: 'yes' } }),
      {
        id: user.id,
      },
    );
    expect((await json(self)).errors).toEqual({ form: { key: 'members:errors.self' } });
    const boss = await makeUser(db, { role: 'coordinator', organisationId: orgA });
    const up = await callAction(
      memberRoute,
      makeRequest(`/members/${boss.id}`, { cookie, form: { intent: 'deactivate', confirmed: 'yes' } }),
      {
        id: boss.id,
      },
    );
    expect((await json(up)).errors).toEqual({ form: { key: 'members:errors.higherRole' } });
  });

  it('roles combine: a coordinator gives and removes roles (confirmed, audited, undoable); rights follow at once', async () => {
    const member = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const coordinator = await loginAs('coordinator', orgA);
    const post = (cookie: string, form: Record<string, string>, id = member.id) =>
      callAction(memberRoute, makeRequest(`/members/${id}`, { cookie, form }), { id });
    const rolesOf = async () =>
      (
        await db.userRole.findMany({
          where: { userId: member.id },
          select: { role: { select: { key: true } } },
        })
      )
        .map((r) => r.role.key)
        .sort();

    expect(
      await json(await post(coordinator.cookie, { intent: 'give-role', role: 'trainer' })),
    ).toMatchObject({
      ok: true,
      message: { key: 'members:done.give-role' },
    });
    expect(await rolesOf()).toEqual(['adviser', 'trainer']);
    // The union of both roles' grants: still logs guidance (adviser), now verifies answers (trainer).
    const both = (await memberById(member.id))!;
    expect(both.roles).toEqual(['adviser', 'trainer']);
    expect(both.permissions['guidance:log']).toBe('all');
    expect(both.permissions['forum:verify']).toBe('all');
    expect(
      (await db.auditLog.findFirstOrThrow({ where: { action: 'role_granted', targetId: member.id } }))
        .details,
    ).toEqual({ role: 'trainer', before: ['adviser'] });

    // Only an admin gives the admin role.
    expect(
      (await json(await post(coordinator.cookie, { intent: 'give-role', role: 'admin' }))).errors,
    ).toEqual({
      form: { key: 'members:errors.role' },
    });

    // Removing asks first and changes nothing until confirmed.
    const ask = await json(await post(coordinator.cookie, { intent: 'remove-role', role: 'adviser' }));
    expect(ask).toMatchObject({ confirm: 'remove-role' });
    expect(await rolesOf()).toEqual(['adviser', 'trainer']);
    const removed = await json(
      await post(coordinator.cookie, { intent: 'remove-role', role: 'adviser', confirmed: 'yes' }),
    );
    expect(removed).toMatchObject({ ok: true, removedRole: 'adviser' });
    expect(await rolesOf()).toEqual(['trainer']);
    // A trainer who does not advise: no guidance log any more.
    expect((await memberById(member.id))!.permissions['guidance:log']).toBeUndefined();
    expect(
      (await db.auditLog.findFirstOrThrow({ where: { action: 'role_removed', targetId: member.id } }))
        .details,
    ).toEqual({ role: 'adviser', before: ['adviser', 'trainer'] });
    // The last role stays: a member holds at least one.
    expect(
      (
        await json(
          await post(coordinator.cookie, { intent: 'remove-role', role: 'trainer', confirmed: 'yes' }),
        )
      ).errors,
    ).toEqual({ form: { key: 'members:errors.lastRole' } });
    // Undo gives the removed role back.
    await post(coordinator.cookie, { intent: 'give-role', role: 'adviser' });
    expect(await rolesOf()).toEqual(['adviser', 'trainer']);

    // Nonsense is a field error; an adviser cannot reach the page at all.
    expect((await post(coordinator.cookie, { intent: 'give-role', role: 'emperor' })).status).toBe(400);
    const adviser = await loginAs('adviser', orgA);
    expect((await post(adviser.cookie, { intent: 'give-role', role: 'trainer' })).status).toBe(404);
  });

  it('an org admin gives advisers and trainers of their own organisation only; an admin gives any role', async () => {
    const orgAdmin = await loginAs('org_admin', orgA);
    const own = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const foreign = await makeUser(db, { role: 'adviser', organisationId: orgB });
    const coordinatorHere = await makeUser(db, { role: 'coordinator', organisationId: orgA });
    const post = (cookie: string, id: string, form: Record<string, string>) =>
      callAction(memberRoute, makeRequest(`/members/${id}`, { cookie, form }), { id });

    expect(
      await json(await post(orgAdmin.cookie, own.id, { intent: 'give-role', role: 'trainer' })),
    ).toMatchObject({
      ok: true,
    });
    expect(
      (await json(await post(orgAdmin.cookie, own.id, { intent: 'give-role', role: 'eservice_rep' }))).errors,
    ).toEqual({ form: { key: 'members:errors.role' } });
    expect((await post(orgAdmin.cookie, foreign.id, { intent: 'give-role', role: 'trainer' })).status).toBe(
      404,
    );
    // A coordinator holds a role an org admin cannot give: not theirs to change.
    expect(
      (await json(await post(orgAdmin.cookie, coordinatorHere.id, { intent: 'give-role', role: 'trainer' })))
        .errors,
    ).toEqual({ form: { key: 'members:errors.higherRole' } });
    // The page offers only what this viewer may give.
    const page = await json<{ grantable: string[] }>(
      await callLoader(memberRoute, makeRequest(`/members/${own.id}`, { cookie: orgAdmin.cookie }), {
        id: own.id,
      }),
    );
    expect(page.grantable).toEqual(['adviser', 'trainer']);

    const admin = await loginAs('admin', orgA);
    expect(
      await json(await post(admin.cookie, foreign.id, { intent: 'give-role', role: 'admin' })),
    ).toMatchObject({
      ok: true,
    });
    expect((await memberById(foreign.id))!.roles).toEqual(['adviser', 'admin']);
  });
});
