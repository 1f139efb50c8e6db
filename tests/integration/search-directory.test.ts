// Support points and e-services in the shared search index (issue 13 item 5): each language
// version found in its own language, kept current by the forms that save them, never a closed
// point, and found however many newer posts use the same words.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as searchRoute from '~/routes/search';
import * as suggestRoute from '~/routes/search_.suggest';
import * as newPointRoute from '~/routes/support-points.new';
import * as editPointRoute from '~/routes/support-points.$slug.edit';
import * as newEServiceRoute from '~/routes/eservices.new';
import * as editEServiceRoute from '~/routes/eservices.$slug.edit';
import { indexUnindexedSupportPoints } from '~/domain/support-points/search-index.server';
import { indexUnindexedEServices } from '~/domain/briefings/eservice-index.server';
import { newFeedbackCode } from '~/domain/guidance/feedback-link.server';
import { DIRECTORY_KINDS } from '~/domain/search/kinds';
import { makeCategory, makeOrganisation, makeThread, makeUser } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

type Hit = { kind: string; url: string; title: string; context: string; language: string };

let adviser: string;
let coordinator: string;

const pointForm = (overrides: Record<string, string | string[]> = {}) => ({
  name: 'Kallion kirjasto',
  slug: 'kallion-kirjasto-haku',
  kind: 'library',
  address: 'Viides linja 11',
  district: 'Kallio',
  hoursFi: 'ti 10–12',
  hoursSv: 'tis 10–12',
  accessibilityFi: 'Esteetön sisäänkäynti Viidenneltä linjalta, induktiosilmukka neuvonnassa.',
  accessibilitySv: 'Hinderfri ingång från Femte linjen, hörslinga vid informationen.',
  languages: ['fi', 'ru'],
  active: 'on',
  ...overrides,
});

const serviceForm = (overrides: Record<string, string> = {}) => ({
  slug: 'kela-asiointi',
  nameFi: 'Kelan asiointipalvelu',
  nameSv: 'FPA:s e-tjänst',
  nameEn: '',
  helpFi: 'Asukas kirjautuu pankkitunnuksilla ja voi hakea asumistukea.',
  helpSv: 'Invånaren loggar in med bankkoder och kan ansöka om bostadsbidrag.',
  helpEn: '',
  owner: 'Kela',
  status: 'launched',
  launchDate: '',
  publicUrl: 'https://www.kela.fi/asiointi',
  contacts: '',
  ...overrides,
});

async function search(q: string, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({ q, ...extra });
  return (
    await json<{ hits: Hit[]; total: number }>(
      await callLoader(searchRoute, makeRequest(`/search?${params}`, { cookie: adviser })),
    )
  ).hits;
}

const urls = (hits: Hit[]) => hits.map((h) => h.url);

beforeAll(async () => {
  const orgId = (await makeOrganisation(db)).id;
  adviser = (await loginAs('adviser', orgId)).cookie;
  coordinator = (await loginAs('coordinator', orgId)).cookie;
  const point = await callAction(
    newPointRoute,
    makeRequest('/support-points/new', { cookie: coordinator, form: pointForm() }),
  );
  expect(point.status).toBe(302);
  const service = await callAction(
    newEServiceRoute,
    makeRequest('/eservices/new', { cookie: coordinator, form: serviceForm() }),
  );
  expect(service.status).toBe(302);
});

describe('support points in search', () => {
  it('are found in every language by name, kind, district, languages and access notes, once each', async () => {
    const url = '/support-points/kallion-kirjasto-haku';
    for (const q of [
      'kallion kirjasto',
      'kirjastossa kallio',
      'Berghäll',
      'bibliotek',
      'venäjä',
      'ryska',
      'induktiosilmukka',
      'hörslinga',
      'Viides linja',
    ]) {
      const hits = await search(q);
      expect(urls(hits), q).toContain(url);
      expect(
        urls(hits).filter((u) => u === url),
        `${q}: listed once`,
      ).toHaveLength(1);
    }
    const [swedish] = (await search('hinderfri')).filter((h) => h.url === url);
    expect(swedish).toMatchObject({ kind: 'support_point', language: 'sv', title: 'Kallion kirjasto' });
    expect(swedish!.context).toBe('Viides linja 11, Berghäll');
    // The area filter keeps to points.
    expect(
      (await search('kirjasto', { kind: 'support_point' })).every((h) => h.kind === 'support_point'),
    ).toBe(true);
  });

  it('follow the form: a changed name is found and the old one not; a closed point is found by no one', async () => {
    const url = '/support-points/kallion-kirjasto-haku';
    const renamed = await callAction(
      editPointRoute,
      makeRequest(`/support-points/kallion-kirjasto-haku/edit`, {
        cookie: coordinator,
        form: pointForm({ name: 'Kallion digituki' }),
      }),
      { slug: 'kallion-kirjasto-haku' },
    );
    expect(renamed.status).toBe(302);
    expect(urls(await search('digituki'))).toContain(url);
    expect((await search('Kallion')).find((h) => h.url === url)?.title).toBe('Kallion digituki');
    const { active: _active, ...closedForm } = pointForm({ name: 'Kallion digituki' });
    const closed = await callAction(
      editPointRoute,
      makeRequest(`/support-points/kallion-kirjasto-haku/edit`, { cookie: coordinator, form: closedForm }),
      { slug: 'kallion-kirjasto-haku' },
    );
    expect(closed.status).toBe(302);
    expect(urls(await search('digituki'))).not.toContain(url);
    const suggested = await json<{ items: { url: string }[] }>(
      await callLoader(suggestRoute, makeRequest('/search/suggest?q=digitu', { cookie: coordinator })),
    );
    expect(suggested.items.map((i) => i.url)).not.toContain(url);
    expect(await db.searchDocument.count({ where: { url } })).toBe(0);
  });

  it('are found however many newer posts share the word', async () => {
    const author = await makeUser(db, { role: 'adviser', organisationId: (await makeOrganisation(db)).id });
    const categoryId = (await makeCategory(db)).id;
    // Older than every post below: outside the newest-200 window posts are searched in.
    const old = await db.supportPoint.create({
      data: {
        name: 'Saunalahden kirjasto',
        slug: 'saunalahti-haku',
        kind: 'library',
        address: 'Saunalahdentie 2',
        district: 'Kallio',
        feedbackCode: newFeedbackCode(),
        createdAt: new Date('2020-01-01T00:00:00Z'),
      },
    });
    expect(await indexUnindexedSupportPoints(db)).toBe(1);
    for (let i = 0; i < 205; i += 1)
      await makeThread(db, {
        categoryId,
        authorId: author.id,
        title: `Kysymys ${i}`,
        text: 'Missä Saunalahden palvelut ovat?',
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
    // Its name matches in the title, the posts only in their text: it comes first.
    const hits = await search('saunalahden');
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0]?.url).toBe(`/support-points/${old.slug}`);
    expect(urls(await search('saunalahden kirjasto'))).toContain(`/support-points/${old.slug}`);
    // Backfill writes nothing twice.
    expect(await indexUnindexedSupportPoints(db)).toBe(0);
  });
});

describe('e-services in search', () => {
  it('are found by name and help in the languages they are written in, and suggested while typing', async () => {
    const url = '/eservices/kela-asiointi';
    expect(urls(await search('asiointipalvelu'))).toContain(url);
    expect(urls(await search('asumistuki'))).toContain(url);
    expect(urls(await search('bostadsbidrag'))).toContain(url);
    expect(urls(await search('kela-asiointi'))).toContain(url);
    expect((await search('bostadsbidraget')).find((h) => h.url === url)).toMatchObject({
      kind: 'eservice',
      language: 'sv',
      title: 'FPA:s e-tjänst',
    });
    // Written in Finnish and Swedish only: no English row.
    expect(
      (await db.searchDocument.findMany({ where: { url }, select: { language: true } }))
        .map((d) => d.language)
        .sort(),
    ).toEqual(['fi', 'sv']);
    const suggested = await json<{ items: { kind: string; url: string }[] }>(
      await callLoader(suggestRoute, makeRequest('/search/suggest?q=asiointip', { cookie: adviser })),
    );
    expect(suggested.items).toContainEqual(expect.objectContaining({ kind: 'eservice', url }));
  });

  it('follow the form: a new address and name replace the old ones', async () => {
    const saved = await callAction(
      editEServiceRoute,
      makeRequest('/eservices/kela-asiointi/edit', {
        cookie: coordinator,
        form: serviceForm({ slug: 'kela-omat-sivut', nameFi: 'OmaKela', helpSv: '', nameSv: '' }),
      }),
      { slug: 'kela-asiointi' },
    );
    expect(saved.status).toBe(302);
    expect(urls(await search('omakela'))).toContain('/eservices/kela-omat-sivut');
    expect(urls(await search('asiointipalvelu'))).not.toContain('/eservices/kela-asiointi');
    expect(await db.searchDocument.count({ where: { url: '/eservices/kela-asiointi' } })).toBe(0);
    // Nothing in Swedish any more: its Swedish row went with it.
    expect(urls(await search('bostadsbidrag'))).not.toContain('/eservices/kela-omat-sivut');
  });

  it('written by SQL before this index existed get their rows from the backfill, once', async () => {
    await db.eService.create({
      data: { slug: 'vanha-palvelu', nameFi: 'Pysäköintitunnus', helpFi: 'Asukas hakee tunnuksen.' },
    });
    expect(urls(await search('pysäköintitunnus'))).not.toContain('/eservices/vanha-palvelu');
    expect(await indexUnindexedEServices(db)).toBe(1);
    expect(urls(await search('pysäköintitunnus'))).toContain('/eservices/vanha-palvelu');
    expect(await indexUnindexedEServices(db)).toBe(0);
  });
});

describe('directory entries in the index', () => {
  it('have a text index of their own whose condition names every directory kind', async () => {
    // The search writes the kinds out in the index's own form (search.server.ts): a kind added to
    // one and not the other is still found, but every entry's text is tested again per search.
    const [index] = await db.$queryRaw<{ indexdef: string }[]>`
      SELECT indexdef FROM pg_indexes WHERE indexname = 'search_document_directory_tsv_idx'`;
    const kinds = [...(index?.indexdef ?? '').matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]);
    expect(kinds.sort()).toEqual([...DIRECTORY_KINDS].sort());
    // An expression only this index holds, which the search matches on (DIRECTORY_TEXT): on the
    // plain column PostgreSQL chose the whole text index for a Finnish compound part (13 ms).
    expect(index?.indexdef).toMatch(/USING gin \(+tsv \|\| ''::tsvector\)+/);
  });
});
