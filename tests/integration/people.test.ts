// The member directory (issue 21 item 1): every active member by name, and by what each chose
// to show; a hidden field is absent from the page's data and cannot be searched by.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import * as peopleRoute from '~/routes/people._index';
import * as personRoute from '~/routes/people.$id';
import * as profileRoute from '~/routes/profile._index';
import { makeCategory, makeOrganisation, makeSupportPoint, makeThread, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, loginAs, makeRequest } from '#tests/helpers';

type Person = Record<string, unknown> & { id: string; name: string };
type Listed = { people: Person[]; total: number };

let cookie: string;
let orgId: string;
let pointId: string;
const who: Record<string, { id: string; email: string }> = {};

beforeAll(async () => {
  orgId = (await makeOrganisation(db, { name: 'Hakemistoseura' })).id;
  pointId = (await makeSupportPoint(db, { name: 'Hakemistokirjasto' })).id;
  cookie = (await loginAs('adviser', orgId)).cookie;
  // Shows what is shown by default: organisation and languages.
  who.aino = await makeUser(db, {
    role: 'adviser',
    organisationId: orgId,
    name: 'Aino Arabiantaitaja',
    adviseLanguages: ['ar', 'fi'],
    supportPointIds: [pointId],
  });
  await db.user.update({
    where: { id: who.aino.id },
    data: { phone: '+358 40 111 2222', knowDevices: ['iphone'], knowTopics: ['kela'] },
  });
  // Shows everything.
  who.bertta = await makeUser(db, {
    role: 'trainer',
    organisationId: orgId,
    name: 'Bertta Kaikkinäkyvä',
    adviseLanguages: ['sv'],
    supportPointIds: [pointId],
  });
  await db.user.update({
    where: { id: who.bertta.id },
    data: {
      phone: '+358 50 333 4444',
      knowDevices: ['iphone'],
      knowTopics: ['kela'],
      directoryShows: ['organisation', 'languages', 'supportPoints', 'skills', 'email', 'phone'],
    },
  });
  // Shows nothing but the name.
  who.cecilia = await makeUser(db, {
    role: 'adviser',
    organisationId: orgId,
    name: 'Cecilia Piilotettu',
    adviseLanguages: ['ar'],
  });
  await db.user.update({ where: { id: who.cecilia.id }, data: { directoryShows: [] } });
  who.dan = await makeUser(db, {
    role: 'adviser',
    organisationId: orgId,
    name: 'Dan Deaktivoitu',
    adviseLanguages: ['ar'],
    status: 'deactivated',
  });
});

const list = async (query: string) =>
  json<Listed>(await callLoader(peopleRoute, makeRequest(`/people?${query}`, { cookie })));
const names = (l: Listed) => l.people.map((p) => p.name);

describe('the member directory', () => {
  it('finds members by what they show, never by what they hide, and never the deactivated', async () => {
    expect(names(await list('language=ar&q=a'))).toEqual(['Aino Arabiantaitaja']);
    const before = statementCount();
    expect(names(await list('language=sv&q=Bertta'))).toEqual(['Bertta Kaikkinäkyvä']);
    // Who is logged in, then the page, its count, the organisations and places: two statements.
    expect(statementCount() - before).toBe(2);
    expect(names(await list(`point=${pointId}`))).toEqual(['Bertta Kaikkinäkyvä']);
    expect(names(await list('device=iphone&q=a'))).toEqual(['Bertta Kaikkinäkyvä']);
    expect(names(await list('topic=kela&q=a'))).toEqual(['Bertta Kaikkinäkyvä']);
    expect(names(await list(`organisation=${orgId}`)).filter((n) => /Aino|Bertta|Cecilia/.test(n))).toEqual([
      'Aino Arabiantaitaja',
      'Bertta Kaikkinäkyvä',
    ]);
    // By name, everyone active; the role filter and badge.
    expect(names(await list('q=Piilotettu'))).toEqual(['Cecilia Piilotettu']);
    expect(names(await list('q=Deaktivoitu'))).toEqual([]);
    expect(names(await list('role=trainer&q=Bertta'))).toEqual(['Bertta Kaikkinäkyvä']);
  });

  it('sends only the fields a member shows: absent from the list and the page data', async () => {
    const everyone = await list(`q=${encodeURIComponent('a')}&organisation=`);
    const byName = Object.fromEntries(everyone.people.map((p) => [p.name, p]));
    expect(byName['Aino Arabiantaitaja']).toEqual({
      id: who.aino!.id,
      name: 'Aino Arabiantaitaja',
      roles: ['adviser'],
      organisation: 'Hakemistoseura',
      adviseLanguages: ['ar', 'fi'],
    });
    expect(byName['Cecilia Piilotettu']).toEqual({
      id: who.cecilia!.id,
      name: 'Cecilia Piilotettu',
      roles: ['adviser'],
    });
    expect(byName['Bertta Kaikkinäkyvä']).toMatchObject({
      roles: ['adviser', 'trainer'],
      email: who.bertta!.email,
      phone: '+358 50 333 4444',
      knowDevices: ['iphone'],
      supportPoints: [expect.objectContaining({ name: 'Hakemistokirjasto' })],
    });
    const page = await callLoader(personRoute, makeRequest(`/people/${who.aino!.id}`, { cookie }), {
      id: who.aino!.id,
    });
    const text = await page.text();
    for (const hidden of ['111 2222', who.aino!.email, 'Hakemistokirjasto', 'iphone', 'kela'])
      expect(text, hidden).not.toContain(hidden);
    expect(text).toContain('Hakemistoseura');
  });

  it('a member page lists answers anyone may open and counts the accepted ones; a deactivated member is 404', async () => {
    const categoryId = (await makeCategory(db)).id;
    const asker = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const solved = await makeThread(db, {
      categoryId,
      authorId: asker.id,
      title: 'Kelan sovellus ei aukea',
      replies: [{ authorId: who.bertta!.id, text: 'Päivitä sovellus.' }],
      acceptedReply: 0,
    });
    const hidden = await makeThread(db, {
      categoryId,
      authorId: asker.id,
      title: 'Piilotettu ketju',
      replies: [{ authorId: who.bertta!.id, text: 'Vastaus piilotetussa ketjussa.' }],
    });
    await db.forumThread.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const page = await json<{ answers: { id: string; thread: { title: string } }[]; accepted: number }>(
      await callLoader(personRoute, makeRequest(`/people/${who.bertta!.id}`, { cookie }), {
        id: who.bertta!.id,
      }),
    );
    expect(page.answers.map((a) => a.thread.title)).toEqual(['Kelan sovellus ei aukea']);
    expect(page.answers[0]!.id).toBe(solved.replyIds[0]);
    expect(page.accepted).toBe(1);
    const gone = await callLoader(personRoute, makeRequest(`/people/${who.dan!.id}`, { cookie }), {
      id: who.dan!.id,
    });
    expect(gone.status).toBe(404);
    const nonsense = await callLoader(personRoute, makeRequest('/people/x', { cookie }), { id: 'x' });
    expect(nonsense.status).toBe(404);
  });

  it('a member chooses what to show on their profile; a bad phone number is refused and nothing changes', async () => {
    const me = await makeUser(db, { role: 'adviser', organisationId: orgId, name: 'Eero Esimerkki' });
    const mine = await cookieFor(me.id);
    const save = (form: Record<string, string | string[]>) =>
      callAction(
        profileRoute,
        makeRequest('/profile', { cookie: mine, form: { name: 'Eero Esimerkki', locale: 'fi', ...form } }),
      );
    const refused = await save({ phone: 'soita minulle', directoryShows: ['phone'] });
    expect(refused.status).toBe(400);
    expect((await json<{ errors: { phone: { key: string } } }>(refused)).errors.phone.key).toBe(
      'profile:errors.phone',
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).directoryShows).toEqual([
      'organisation',
      'languages',
    ]);
    expect(
      (await save({ phone: '+358 44 555 6666', directoryShows: ['phone'], knowTopics: ['hsl'] })).status,
    ).toBe(200);
    const listed = await list('q=Eero');
    expect(listed.people).toEqual([
      { id: me.id, name: 'Eero Esimerkki', roles: ['adviser'], phone: '+358 44 555 6666' },
    ]);
  });

  it('pages through the matches by name, 30 a page, counted, each with what they show', async () => {
    for (let i = 0; i < 35; i++)
      await makeUser(db, {
        role: (34 - i) % 7 === 0 ? 'trainer' : 'adviser',
        organisationId: orgId,
        name: `Sivutus ${String(34 - i).padStart(2, '0')}`,
      });
    const page = async (n: number) =>
      json<Listed & { pages: number }>(
        await callLoader(peopleRoute, makeRequest(`/people?q=Sivutus&page=${n}`, { cookie })),
      );
    const [first, second, past] = [await page(1), await page(2), await page(3)];
    expect(first).toMatchObject({ total: 35, pages: 2 });
    expect(second.total).toBe(35);
    expect([...names(first), ...names(second)]).toEqual(
      Array.from({ length: 35 }, (_, i) => `Sivutus ${String(i).padStart(2, '0')}`),
    );
    expect(first.people).toHaveLength(30);
    // The columns of a page's members: roles and what they show by default.
    expect(first.people[0]).toMatchObject({ roles: ['adviser', 'trainer'], organisation: 'Hakemistoseura' });
    expect(first.people[1]).toMatchObject({ roles: ['adviser'] });
    // A page past the last (an old link) is empty and still says how many there are.
    expect(past).toMatchObject({ people: [], total: 35, pages: 2 });
  });
});
