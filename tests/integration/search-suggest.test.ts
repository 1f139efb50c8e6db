// Suggestions while typing (issue 13 item 6) and "asked already?" under a new question's title
// (issue 21 item 2): /search/suggest, with the search page's audience rules.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import * as suggestRoute from '~/routes/search_.suggest';
import * as askedBeforeRoute from '~/routes/forum.asked-before';
import * as newThreadRoute from '~/routes/forum.new';
import * as moderationRoute from '~/routes/forum.moderation';
import {
  hideThread,
  makeCategory,
  makeMaterial,
  makeOrganisation,
  makeSupportPoint,
  makeThread,
  makeUser,
} from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

type Items = { items: { kind: string; url: string; title: string }[] };

let adviser: string;
let trainer: string;
let open: { id: string; questionId: string };
let other: { id: string; questionId: string };

beforeAll(async () => {
  const orgId = (await makeOrganisation(db)).id;
  const author = await makeUser(db, { role: 'adviser', organisationId: orgId });
  const trainerUser = await loginAs('trainer', orgId);
  trainer = trainerUser.cookie;
  adviser = (await loginAs('adviser', orgId)).cookie;
  const categoryId = (await makeCategory(db)).id;
  open = await makeThread(db, {
    categoryId,
    authorId: author.id,
    title: 'Skanneri ei tunnista passia',
    text: 'Kirjaston skanneri ei lue asukkaan passia, kun hän hakee henkilökorttia.',
  });
  other = await makeThread(db, {
    categoryId,
    authorId: author.id,
    title: 'Skannerin ajurit',
    text: 'Mistä saa skannerin ajurit?',
  });
  const hidden = await makeThread(db, {
    categoryId,
    authorId: author.id,
    title: 'Skannerissa asiakkaan tiedot',
    text: 'Poistettava viesti.',
  });
  await hideThread(db, hidden);
  await makeMaterial({
    actorId: trainerUser.user.id,
    title: 'Skannausohje kouluttajille',
    audience: 'trainers',
  });
  await makeSupportPoint(db, { name: 'Skannauspiste Kallio', address: 'Viides linja 11' });
  await makeSupportPoint(db, { name: 'Skannauspiste suljettu', active: false });
});

const suggest = async (cookie: string, params: Record<string, string>) =>
  json<Items>(
    await callLoader(suggestRoute, makeRequest(`/search/suggest?${new URLSearchParams(params)}`, { cookie })),
  );

describe('suggestions while typing', () => {
  it('match half-typed words, list a thread once, name support points, and keep to what the reader may see', async () => {
    const { items } = await suggest(adviser, { q: 'skann' });
    const titles = items.map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['Skanneri ei tunnista passia', 'Skannerin ajurit']));
    expect(items.filter((i) => i.url === `/forum/p/${open.questionId}`)).toHaveLength(1);
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'support_point', title: 'Skannauspiste Kallio' }),
    );
    // Hidden posts, material for trainers and closed points are not the adviser's to see.
    expect(titles).not.toContain('Skannerissa asiakkaan tiedot');
    expect(titles).not.toContain('Skannausohje kouluttajille');
    expect(titles).not.toContain('Skannauspiste suljettu');
    const forTrainer = await suggest(trainer, { q: 'skann' });
    expect(forTrainer.items.map((i) => i.title)).toContain('Skannausohje kouluttajille');
  });

  it('cost two statements: who is asking, and the search (no lookup in the word list)', async () => {
    await suggest(adviser, { q: 'skann' });
    const before = statementCount();
    expect((await suggest(adviser, { q: 'skanne' })).items.length).toBeGreaterThan(0);
    expect(statementCount() - before).toBe(2);
  });

  it('say nothing for one letter, and send a visitor to log in', async () => {
    expect((await suggest(adviser, { q: 's' })).items).toEqual([]);
    const anonymous = await callLoader(suggestRoute, makeRequest('/search/suggest?q=skanneri'));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login/);
  });

  it('under a question being written: the threads sharing most of its words, solved first, then library material', async () => {
    const orgId = (await makeOrganisation(db)).id;
    const author = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const trainerUser = await makeUser(db, { role: 'trainer', organisationId: orgId });
    const solved = await makeThread(db, {
      categoryId: (await makeCategory(db)).id,
      authorId: author.id,
      title: 'Passin kuva ei kelpaa',
      text: 'Asukkaan passin kuva hylättiin.',
      replies: [{ authorId: trainerUser.id, text: 'Ota uusi kuva valokuvaamossa.' }],
      acceptedReply: 0,
    });
    const material = await makeMaterial({ actorId: trainerUser.id, title: 'Skannerin käyttö kirjastossa' });
    const { items } = await suggest(adviser, { q: 'Kirjaston skanneri ei lue passia', any: '1' });
    const urls = items.map((i) => i.url);
    expect(urls.slice(0, 3)).toEqual([
      `/forum/p/${solved.questionId}`,
      `/forum/p/${open.questionId}`,
      `/forum/p/${other.questionId}`,
    ]);
    expect(items.filter((i) => i.kind === 'forum_post').length).toBeLessThanOrEqual(5);
    expect(urls).toContain(`/library/${material.slug}`);
    expect(urls.indexOf(`/library/${material.slug}`)).toBeGreaterThan(
      urls.indexOf(`/forum/p/${other.questionId}`),
    );
    // Trainer-only material and hidden threads stay out here too.
    expect(items.map((i) => i.title)).not.toContain('Skannausohje kouluttajille');
    expect(items.map((i) => i.title)).not.toContain('Skannerissa asiakkaan tiedot');
  });
});

describe('how often "asked already?" saves a question', () => {
  it('counts an opened suggestion and a question asked after it, per day, and nothing about who', async () => {
    const orgId = (await makeOrganisation(db)).id;
    const asker = await loginAs('adviser', orgId);
    const categoryId = (await makeCategory(db)).id;
    const go = (to: string, cookie = asker.cookie) =>
      callLoader(
        askedBeforeRoute,
        makeRequest(`/forum/asked-before?${new URLSearchParams({ to })}`, { cookie }),
      );
    // Only a forum post or a library material, never elsewhere.
    for (const elsewhere of ['https://evil.example/', '//evil.example/x', '/admin', '/forum/p/x'])
      expect((await go(elsewhere)).status, elsewhere).toBe(404);
    const opened = await go(`/forum/p/${open.questionId}`);
    expect(opened.status).toBe(302);
    expect(opened.headers.get('Location')).toBe(`/forum/p/${open.questionId}`);
    const cookie = opened.headers.get('Set-Cookie')!.split(';')[0]!;
    // The cookie holds nothing but "1" (base64 of the JSON string).
    expect(cookie).toBe('tk_asked_before=IjEi');
    const body = (text: string) =>
      JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    const ask = (extra: string, title: string, member = asker.cookie) =>
      callAction(
        newThreadRoute,
        makeRequest('/forum/new', {
          cookie: `${member}; ${extra}`,
          form: { categoryId, title, language: 'fi', body: body(`${title}: kokeiltu jo.`) },
        }),
      );
    const asked = await ask(cookie, 'Skanneri ei toimi vieläkään');

    expect(asked.status).toBe(302);
    expect(asked.headers.get('Set-Cookie')).toMatch(/tk_asked_before=;.*Max-Age=0/);
    // Without the cookie a question is not "asked after".
    const other = await loginAs('adviser', orgId);
    expect((await ask('', 'Tulostin ei toimi', other.cookie)).status).toBe(302);
    const coordinator = await loginAs('coordinator', orgId);
    const queue = await json<{ similar: { opened: number; askedAfter: number; notAsked: number } }>(
      await callLoader(moderationRoute, makeRequest('/forum/moderation', { cookie: coordinator.cookie })),
    );
    expect(queue.similar).toMatchObject({ opened: 1, askedAfter: 1, notAsked: 0 });
    const columns = await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name::text FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'similar_question_day'`;
    expect(columns.map((c) => c.column_name).sort()).toEqual(['asked_after', 'day', 'opened']);
  });
});
