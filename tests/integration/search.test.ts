import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import * as searchRoute from '~/routes/search';
import { SEARCH_CANDIDATES, SEARCH_PAGE_SIZE } from '~/domain/search/schema.server';
import {
  hideThread,
  makeCategory,
  makeMaterial,
  makeOrganisation,
  makeThread,
  makeUser,
} from '#tests/factories';
import { callLoader, json, loginAs, makeRequest } from '#tests/helpers';

type Hit = {
  url: string;
  title: string;
  context: string;
  snippet: string;
  language: string;
  flags: string[];
  authorName: string;
};
type Result = { hits: Hit[]; total: number; pages: number };

let cookie: string;
let banking: string;
let phones: string;
let threads: Record<string, { id: string; questionId: string; replyIds: string[] }> = {};

beforeAll(async () => {
  const orgId = (await makeOrganisation(db)).id;
  const author = await makeUser(db, { role: 'adviser', organisationId: orgId, name: 'Kaarina Kirjoittaja' });
  const other = await makeUser(db, { role: 'adviser', organisationId: orgId, name: 'Olli Muu' });
  banking = (await makeCategory(db)).id;
  phones = (await makeCategory(db)).id;
  cookie = (await loginAs('adviser', orgId)).cookie;
  threads = {
    fi: await makeThread(db, {
      categoryId: phones,
      authorId: author.id,
      language: 'fi',
      title: 'Opastusta kirjaston tietokoneella',
      text: 'Asukas tuli kirjastoon, ja kirjasto oli täynnä. Missä muualla on tietokoneita?',
      createdAt: new Date('2026-03-10T10:00:00Z'),
      replies: [{ authorId: other.id, text: 'Palvelukeskuksissa on asiakaskoneita.' }],
      acceptedReply: 0,
    }),
    sv: await makeThread(db, {
      categoryId: banking,
      authorId: other.id,
      language: 'sv',
      title: 'Bankkod på papper',
      text: 'Kunden har en gammal bankkod och vet inte hur man loggar in.',
      createdAt: new Date('2026-06-01T10:00:00Z'),
    }),
    en: await makeThread(db, {
      categoryId: banking,
      authorId: author.id,
      language: 'en',
      title: 'Identification with a mobile certificate',
      text: 'The resident is identifying herself with mobile certificates for the first time.',
      createdAt: new Date('2026-09-15T10:00:00Z'),
    }),
  };
});

const search = async (query: string) =>
  json<Result>(await callLoader(searchRoute, makeRequest(`/search?${query}`, { cookie })));

describe('search across languages with stemming', () => {
  it('finds words in any inflected form with the post’s own language', async () => {
    // Finnish: kirjastossa (inessive) -> kirjasto; the Finnish thread says kirjaston, kirjastoon, kirjasto.
    const fi = await search('q=kirjastossa');
    expect(fi.hits.map((h) => h.url)).toEqual([`/forum/p/${threads.fi!.questionId}`]);
    // Swedish: bankkoder (plural) -> bankkod.
    expect((await search('q=bankkoder')).hits.map((h) => h.url)).toEqual([
      `/forum/p/${threads.sv!.questionId}`,
    ]);
    // English: identified -> identifi…, certificate -> certif…
    expect((await search('q=identified+certificate')).hits.map((h) => h.url)).toEqual([
      `/forum/p/${threads.en!.questionId}`,
    ]);
  });

  it('ranks title matches first, highlights the matches and names the thread and author', async () => {
    const result = await search('q=asiakaskone');
    expect(result.hits[0]).toMatchObject({
      url: `/forum/p/${threads.fi!.replyIds[0]}`,
      context: 'Opastusta kirjaston tietokoneella',
      authorName: 'Olli Muu',
      flags: ['solved'],
    });
    expect(result.hits[0]!.snippet).toEqual([
      { text: 'Palvelukeskuksissa on ', hit: false },
      { text: 'asiakaskoneita', hit: true },
    ]);
    const ranked = await search('q=tietokone');
    expect(ranked.hits[0]!.title).toBe('Opastusta kirjaston tietokoneella');
  });

  it('filters by category, solved, author, language and date range (Helsinki days)', async () => {
    const urls = async (query: string) => (await search(query)).hits.map((h) => h.url).sort();
    expect(await urls(`q=kirjasto&container=${banking}`)).toEqual([]);
    expect(await urls(`q=kirjasto&container=${phones}`)).toEqual([`/forum/p/${threads.fi!.questionId}`]);
    expect(await urls('q=kirjasto&flag=solved')).toEqual([`/forum/p/${threads.fi!.questionId}`]);
    expect(await urls('q=kirjasto&flag=verified')).toEqual([]);
    expect(await urls('q=bankkod&author=olli')).toEqual([`/forum/p/${threads.sv!.questionId}`]);
    expect(await urls('q=bankkod&author=kaarina')).toEqual([]);
    expect(await urls('q=bankkod&language=fi')).toEqual([]);
    expect(await urls('q=bankkod&language=sv')).toEqual([`/forum/p/${threads.sv!.questionId}`]);
    expect(await urls('q=certificate&from=2026-09-15&to=2026-09-15')).toEqual([
      `/forum/p/${threads.en!.questionId}`,
    ]);
    expect(await urls('q=certificate&from=2026-09-16')).toEqual([]);
    // Nonsense filters are ignored rather than failing the page.
    expect(
      (await callLoader(searchRoute, makeRequest('/search?q=kirjasto&from=yesterday&flag=x', { cookie })))
        .status,
    ).toBe(200);
  });

  it('pages through many results', async () => {
    const orgId = (await makeOrganisation(db)).id;
    const author = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const category = await makeCategory(db);
    // One entry per thread: 25 threads, one of them with a reply that matches too.
    for (let i = 0; i < SEARCH_PAGE_SIZE + 5; i++) {
      await makeThread(db, {
        categoryId: category.id,
        authorId: author.id,
        text: `Sovelluksen asennus, vaihe ${i}`,
        replies: i === 0 ? [{ authorId: author.id, text: 'Asennus onnistui.' }] : [],
      });
    }
    const first = await search(`q=asennus&container=${category.id}`);
    expect(first.total).toBe(SEARCH_PAGE_SIZE + 5);
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.pages).toBe(2);
    const second = await search(`q=asennus&container=${category.id}&page=2`);
    expect(second.hits).toHaveLength(5);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.url)).size).toBe(SEARCH_PAGE_SIZE + 5);
  });

  it('a very common word: the newest matches are ranked and counted in one statement, and the page says there are more', async () => {
    await db.$executeRaw`
      INSERT INTO search_document (id, kind, source_id, language, title, body, url, published_at)
      SELECT gen_random_uuid(), 'forum_post', gen_random_uuid(), 'fi', '',
        CASE WHEN g = 3 THEN 'Tukipiste tukipisteellä tukipisteessä' ELSE 'Tukipiste ' || g END,
        '/forum/p/' || g, now() - g * interval '1 minute'
      FROM generate_series(1, ${SEARCH_CANDIDATES + 5}::int) g`;
    const before = statementCount();
    const response = await callLoader(searchRoute, makeRequest('/search?q=tukipisteit%C3%A4', { cookie }));
    // Who is logged in, the index's words near the query's, the search (the categories for the
    // filter are kept in memory and were read by an earlier search).
    expect(statementCount() - before).toBe(3);
    // The same word again within the minute: its expansions are kept, no words lookup.
    const again = statementCount();
    await callLoader(searchRoute, makeRequest('/search?q=tukipisteit%C3%A4&page=2', { cookie }));
    expect(statementCount() - again).toBe(2);
    const result = await json<Result & { more: boolean }>(response);
    expect(result).toMatchObject({
      total: SEARCH_CANDIDATES,
      more: true,
      pages: SEARCH_CANDIDATES / SEARCH_PAGE_SIZE,
    });
    expect(result.hits[0]!.url).toBe('/forum/p/3'); // the densest match ranks first
  });

  it('lists a thread once, by its best-matching post', async () => {
    const orgId = (await makeOrganisation(db)).id;
    const author = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const thread = await makeThread(db, {
      categoryId: phones,
      authorId: author.id,
      title: 'Tulostin ei tulosta',
      text: 'Kirjaston tulostin ei tulosta asukkaan asiakirjaa.',
      replies: [
        { authorId: author.id, text: 'Tulostin tarvitsee uuden ajurin.' },
        { authorId: author.id, text: 'Tulostimen paperi oli loppu.' },
      ],
    });
    const result = await search('q=tulostin');
    const urls = [thread.questionId, ...thread.replyIds].map((id) => `/forum/p/${id}`);
    expect(result.hits.filter((h) => urls.includes(h.url))).toHaveLength(1);
    expect(result.total).toBe(1);
  });

  it('a long post is indexed and found, however many words it has', async () => {
    // A reply of ~1,500 different words: its stemmed text is several kilobytes, more than a
    // B-tree entry may hold (2,704 bytes). An index that copies the text into a B-tree (tried
    // for the newest-first walk, docs/decisions/019) made saving such a post fail.
    let seed = 7;
    const letter = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 'abdefghijklmnoprstuvy'[seed % 21]!;
    };
    const words = Array.from({ length: 1500 }, () => Array.from({ length: 9 }, letter).join(''));
    const orgId = (await makeOrganisation(db)).id;
    const author = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const thread = await makeThread(db, {
      categoryId: phones,
      authorId: author.id,
      title: 'Pitkä ohje kaikista asetuksista',
      text: 'Lyhyt kysymys.',
      replies: [{ authorId: author.id, text: words.join(' ') }],
    });
    const result = await search(`q=${words[1234]}`);
    expect(result.hits.map((h) => h.url)).toEqual([`/forum/p/${thread.replyIds[0]}`]);
  });

  it('offers "Did you mean" for a slip, and never a word only others may see', async () => {
    const orgId = (await makeOrganisation(db)).id;
    const author = await makeUser(db, { role: 'adviser', organisationId: orgId });
    await makeThread(db, {
      categoryId: phones,
      authorId: author.id,
      title: 'Näppäimistö katosi näytöltä',
      text: 'Puhelimen näppäimistö ei tule esiin viestiä kirjoittaessa.',
    });
    const slip = await search('q=n%C3%A4pp%C3%A4imits%C3%B6'); // näppäimitsö
    expect(slip.hits.map((h) => h.title)).toContain('Näppäimistö katosi näytöltä');
    expect((slip as Result & { suggestion: string }).suggestion).toBe('näppäimistö');

    // A word that only a hidden post holds (its words stay in the index's word list).
    const hidden = await makeThread(db, {
      categoryId: phones,
      authorId: author.id,
      title: 'Asiakas Virtasalmi',
      text: 'Asiakas Virtasalmi soitti.',
    });
    await hideThread(db, hidden);
    const probe = await search('q=virtasalmo');
    expect(probe.total).toBe(0);
    expect((probe as Result & { suggestion: string | null }).suggestion).toBeNull();

    // A word only in a material for another organisation: not offered either.
    const elsewhere = (await makeOrganisation(db)).id;
    const trainer = await makeUser(db, { role: 'trainer', organisationId: elsewhere });
    await makeMaterial({
      actorId: trainer.id,
      title: 'Kotihoitajasovellus',
      text: 'Kotihoitajasovellus on vain tämän järjestön ohje.',
      audience: 'organisations',
      audienceOrgIds: [elsewhere],
    });
    const restricted = await search('q=kotihoitajasovelus');
    expect(restricted.total).toBe(0);
    expect((restricted as Result & { suggestion: string | null }).suggestion).toBeNull();
    // A filter the suggested words find nothing under offers nothing; without it, they are offered.
    const filtered = await search('q=n%C3%A4pp%C3%A4imits%C3%B6&kind=library_material');
    expect((filtered as Result & { suggestion: string | null }).suggestion).toBeNull();
  });

  it('an empty query or one made only of operators finds nothing and does not fail', async () => {
    expect((await search('q=')).total).toBe(0);
    expect((await search('q=%22%22+-+or')).total).toBe(0);
    expect((await search(`q=${encodeURIComponent("'); DROP TABLE search_document; --")}`)).total).toBe(0);
    expect(await db.searchDocument.count()).toBeGreaterThan(0);
  });
});
