// Suggestions while typing (issue 13 item 6) and "asked already?" under a new question's title
// (issue 21 item 2): /search/suggest, with the search page's audience rules.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as suggestRoute from '~/routes/search_.suggest';
import {
  hideThread,
  makeCategory,
  makeMaterial,
  makeOrganisation,
  makeSupportPoint,
  makeThread,
  makeUser,
} from '#tests/factories';
import { callLoader, json, loginAs, makeRequest } from '#tests/helpers';

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

  it('say nothing for one letter, and send a visitor to log in', async () => {
    expect((await suggest(adviser, { q: 's' })).items).toEqual([]);
    const anonymous = await callLoader(suggestRoute, makeRequest('/search/suggest?q=skanneri'));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login/);
  });

  it('under a question being written: threads sharing most of its words first, forum only', async () => {
    const { items } = await suggest(adviser, {
      q: 'Kirjaston skanneri ei lue passia',
      kind: 'forum_post',
      any: '1',
    });
    expect(items[0]!.url).toBe(`/forum/p/${open.questionId}`);
    expect(items.map((i) => i.url)).toContain(`/forum/p/${other.questionId}`);
    expect(items.every((i) => i.kind === 'forum_post')).toBe(true);
  });
});
