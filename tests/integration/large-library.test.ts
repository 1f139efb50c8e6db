// A large library (issue 14, the national data's 5,000 materials: "≤ 200 KB on a cold visit to
// any page"): a learning path's "add a material" offers materials found by title rather than a
// select of all of them, and the missing translations come 50 at a time, every one reachable.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { ADDABLE_LIST_MAX } from '~/domain/library/paths.server';
import * as pathRoute from '~/routes/library.paths.$slug';
import * as pathsRoute from '~/routes/library.paths._index';
import * as translationsRoute from '~/routes/library.translations';
import { makeMaterial } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

type PathPage = {
  addable: { materials: { groupId: string; title: string }[]; shortened: boolean };
  find: string;
};
type Translations = { groups: { groupId: string }[]; total: number; page: number; pages: number };

let trainer: Awaited<ReturnType<typeof loginAs>>;
let kela: { id: string; groupId: string; slug: string };
let onPath: { id: string; groupId: string };

const pathPage = async (query = '', cookie = trainer.cookie) =>
  json<PathPage>(
    await callLoader(pathRoute, makeRequest(`/library/paths/iso-polku${query}`, { cookie }), {
      slug: 'iso-polku',
    }),
  );
const titles = (page: PathPage) => page.addable.materials.map((m) => m.title);

/** `count` published copies of a material, each a group of its own, titled "Bulk material 000"…. */
async function copies(of: string, count: number) {
  await db.$executeRaw`
    WITH groups AS (
      INSERT INTO library_group (id) SELECT gen_random_uuid() FROM generate_series(1, ${count}::int) RETURNING id
    )
    INSERT INTO library_material
    SELECT (jsonb_populate_record(m, jsonb_build_object(
      'id', gen_random_uuid(), 'group_id', g.id, 'slug', 'bulk-material-' || g.i,
      'title', 'Bulk material ' || lpad(g.i::text, 3, '0'),
      -- Each version belongs to one material: the copies list without one (these lists need none).
      'live_version_id', null))).*
    FROM library_material m, (SELECT id, row_number() OVER () - 1 AS i FROM groups) g
    WHERE m.id = ${of}::uuid`;
}

beforeAll(async () => {
  trainer = await loginAs('trainer');
  kela = await makeMaterial({ actorId: trainer.user.id, title: 'Kela-sovellus alkuun' });
  await makeMaterial({
    actorId: trainer.user.id,
    title: 'Kela-appen för nybörjare',
    language: 'sv',
    translationOf: kela.id,
  });
  onPath = await makeMaterial({ actorId: trainer.user.id, title: 'Jo polulla' });
  const created = await callAction(
    pathsRoute,
    makeRequest('/library/paths', {
      cookie: trainer.cookie,
      form: { slug: 'iso-polku', titleFi: 'Iso polku', titleSv: 'Stor stig', titleEn: 'Big path' },
    }),
  );
  expect(created.status).toBe(302);
  await callAction(
    pathRoute,
    makeRequest('/library/paths/iso-polku', {
      cookie: trainer.cookie,
      form: { intent: 'add-item', groupId: onPath.groupId },
    }),
    { slug: 'iso-polku' },
  );
});

describe("a learning path's materials to add", () => {
  it('a library of the usual size offers every published material not on the path', async () => {
    const page = await pathPage();
    expect(page.addable.shortened).toBe(false);
    expect(titles(page)).toContain('Kela-sovellus alkuun');
    expect(titles(page)).not.toContain('Jo polulla');
  });

  it('a large library offers those whose title, in any language, contains what was typed', async () => {
    await copies(onPath.id, ADDABLE_LIST_MAX);
    const plain = await pathPage();
    expect(plain.addable).toEqual({ materials: [], shortened: true });
    // In the trainer's language, found by either language's title.
    for (const find of ['kela', 'APPEN']) {
      const found = await pathPage(`?find=${find}`);
      expect(found.find).toBe(find);
      expect(found.addable.materials).toEqual([
        { groupId: kela.groupId, title: 'Kela-sovellus alkuun', language: 'fi' },
      ]);
    }
    // Ten titles contain "material 00"; a word in 300 titles gives the first 50.
    expect(titles(await pathPage('?find=material%2000'))).toHaveLength(10);
    const many = titles(await pathPage('?find=bulk'));
    expect(many).toHaveLength(50);
    expect(many[0]).toBe('Bulk material 000');
    // What is on the path already is not offered; a pattern's own characters are only text.
    expect(titles(await pathPage('?find=polulla'))).toEqual([]);
    expect(titles(await pathPage('?find=%25'))).toEqual([]);
    // A material found is added as before.
    const added = await callAction(
      pathRoute,
      makeRequest('/library/paths/iso-polku?find=kela', {
        cookie: trainer.cookie,
        form: { intent: 'add-item', groupId: kela.groupId },
      }),
      { slug: 'iso-polku' },
    );
    expect(added.status).toBe(200);
    // (Now 300 are left to add: a library of that size lists them all again.)
    expect(titles(await pathPage('?find=kela'))).not.toContain('Kela-sovellus alkuun');
  });

  it('a reader gets no list at all', async () => {
    const reader = await loginAs('adviser', trainer.user.organisationId);
    expect((await pathPage('?find=bulk', reader.cookie)).addable).toEqual({
      materials: [],
      shortened: false,
    });
  });
});

describe('the missing translations of a large library', () => {
  it('come 50 at a time, counted, each material on one page', async () => {
    const page = async (n: number) =>
      json<Translations>(
        await callLoader(
          translationsRoute,
          makeRequest(`/library/translations?page=${n}`, { cookie: trainer.cookie }),
        ),
      );
    const first = await page(1);
    const [counted] = await db.$queryRaw<{ lacking: number }[]>`
      SELECT count(*)::int AS lacking FROM (
        SELECT group_id FROM library_material WHERE status <> 'archived' GROUP BY group_id HAVING count(*) < 3
      ) g`;
    const lacking = counted!.lacking;
    expect(lacking).toBeGreaterThan(ADDABLE_LIST_MAX);
    expect(first).toMatchObject({ total: lacking, page: 1, pages: Math.ceil(lacking / 50) });
    expect(first.groups).toHaveLength(50);
    const seen = new Set<string>();
    for (let n = 1; n <= first.pages; n++) for (const g of (await page(n)).groups) seen.add(g.groupId);
    expect(seen.size).toBe(lacking);
    expect(seen).toContain(kela.groupId);
  });
});
