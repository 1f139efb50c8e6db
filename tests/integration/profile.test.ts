import { describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import * as profileRoute from '~/routes/profile._index';
import * as sessionsRoute from '~/routes/profile.sessions';
import { makeSupportPoint } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, loginAs, makeRequest } from '#tests/helpers';

describe('profile', () => {
  it('saves name, language, advising languages and support points; organisation stays read-only', async () => {
    const { cookie, user } = await loginAs('adviser');
    const oodi = await makeSupportPoint(db, { name: 'Keskustakirjasto Oodi' });
    const kontula = await makeSupportPoint(db, { name: 'Kontulan palvelukeskus' });
    const response = await callAction(
      profileRoute,
      makeRequest('/profile', {
        cookie,
        form: {
          name: 'Aino Äijälä',
          locale: 'sv',
          adviseLanguages: ['fi', 'so'],
          supportPointIds: [oodi.id, kontula.id],
          organisationId: 'ignored',
        },
      }),
    );
    expect(await json(response)).toMatchObject({ ok: true, message: { key: 'profile:saved' } });
    expect(response.headers.get('Set-Cookie')).toContain('tk_lng=');
    const saved = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        name: true,
        locale: true,
        adviseLanguages: true,
        organisationId: true,
        supportPoints: { select: { supportPointId: true } },
      },
    });
    expect(saved).toMatchObject({
      name: 'Aino Äijälä',
      locale: 'sv',
      adviseLanguages: ['fi', 'so'],
      organisationId: user.organisationId,
    });
    expect(saved.supportPoints.map((s) => s.supportPointId).sort()).toEqual([oodi.id, kontula.id].sort());
    const before = statementCount();
    const page = await json<{ profile: { supportPoints: { supportPointId: string }[] } }>(
      await callLoader(profileRoute, makeRequest('/profile', { cookie })),
    );
    // Who is logged in, then the profile with its places and the place list: two statements.
    expect(statementCount() - before).toBe(2);
    expect(page.profile).toMatchObject({
      name: 'Aino Äijälä',
      locale: 'sv',
      adviseLanguages: ['fi', 'so'],
      organisation: { name: expect.any(String) },
      roles: [{ role: { key: 'adviser' } }],
    });
    expect(page.profile.supportPoints.map((s) => s.supportPointId).sort()).toEqual(
      [oodi.id, kontula.id].sort(),
    );
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const { cookie, user } = await loginAs('adviser');
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const response = await callAction(
      profileRoute,
      makeRequest('/profile', {
        cookie,
        form: { name: '   ', locale: 'de', adviseLanguages: ['klingon'], supportPointIds: ['nope'] },
      }),
    );
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.errors).toMatchObject({
      name: { key: 'validation.required' },
      locale: { key: 'validation.invalid' },
      adviseLanguages: { key: 'validation.invalid' },
      supportPointIds: { key: 'validation.invalid' },
    });
    expect(body.values).toMatchObject({ name: '   ', locale: 'de' });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toEqual(before);
  });
});

describe('own sessions', () => {
  it('lists sessions, ends one, ends all others, and cannot touch another member’s', async () => {
    const { cookie, user } = await loginAs('adviser');
    await cookieFor(user.id);
    await cookieFor(user.id);
    const list = async () =>
      json<{ sessions: { id: string; current: boolean }[] }>(
        await callLoader(sessionsRoute, makeRequest('/profile/sessions', { cookie })),
      );
    const { sessions } = await list();
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    const ended = await callAction(
      sessionsRoute,
      makeRequest('/profile/sessions', { cookie, form: { intent: 'revoke', sessionId: other.id } }),
    );
    expect(await json(ended)).toMatchObject({ ok: true });
    expect((await list()).sessions).toHaveLength(2);

    const stranger = await loginAs('adviser');
    const strangerSession = await db.session.findFirstOrThrow({ where: { userId: stranger.user.id } });
    const foreign = await callAction(
      sessionsRoute,
      makeRequest('/profile/sessions', { cookie, form: { intent: 'revoke', sessionId: strangerSession.id } }),
    );
    expect(foreign.status).toBe(404);
    expect(await db.session.count({ where: { id: strangerSession.id } })).toBe(1);

    await callAction(
      sessionsRoute,
      makeRequest('/profile/sessions', { cookie, form: { intent: 'revoke-others' } }),
    );
    expect((await list()).sessions.map((s) => s.current)).toEqual([true]);
  });
});
