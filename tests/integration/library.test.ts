import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import { env } from '~/env.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import { publishDueVersions } from '~/domain/library/publish.server';
import { filePath } from '~/domain/uploads/files.server';
import * as homeRoute from '~/routes/_index';
import * as libraryRoute from '~/routes/library._index';
import * as newRoute from '~/routes/library.new';
import * as materialRoute from '~/routes/library.$slug._index';
import * as editRoute from '~/routes/library.$slug.edit';
import * as versionsRoute from '~/routes/library.$slug.versions._index';
import * as versionRoute from '~/routes/library.$slug.versions.$number';
import * as compareRoute from '~/routes/library.$slug.compare';
import * as statsRoute from '~/routes/library.$slug.stats';
import * as translationsRoute from '~/routes/library.translations';
import * as pathsRoute from '~/routes/library.paths._index';
import * as pathRoute from '~/routes/library.paths.$slug';
import * as promoteRoute from '~/routes/library.promote';
import * as searchRoute from '~/routes/search';
import * as uploadRoute from '~/routes/uploads.$id';
import { makeCategory, makeMaterial, makeOrganisation, makeThread, TEST_META } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest, ORIGIN } from '#tests/helpers';
import { textPdf } from '#tests/fixtures/pdf';

type Page = Record<string, unknown>;

let orgA: string;
let orgB: string;
let trainer: Awaited<ReturnType<typeof loginAs>>;
let adviserA: Awaited<ReturnType<typeof loginAs>>;
let adviserB: Awaited<ReturnType<typeof loginAs>>;

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  trainer = await loginAs('trainer', orgA);
  adviserA = await loginAs('adviser', orgA);
  adviserB = await loginAs('adviser', orgB);
});

const materialForm = (overrides: Record<string, string | string[]> = {}) => ({
  title: 'OmaKanta: kirjautuminen',
  summary: 'Näin autat asukasta kirjautumaan.',
  bodyText: 'Avaa omakanta.fi ja valitse Kirjaudu.\n\nKirjautumisessa tarvitaan pankkitunnukset.',
  type: 'guide',
  level: '',
  topicTags: 'tunnistautuminen',
  eserviceTags: 'omakanta',
  audience: 'all',
  videoLinks: '',
  language: 'fi',
  ...overrides,
});

async function create(overrides: Record<string, string | string[]> = {}) {
  const response = await callAction(
    newRoute,
    makeRequest('/library/new', { cookie: trainer.cookie, form: materialForm(overrides) }),
  );
  expect(response.status).toBe(302);
  const slug = response.headers.get('Location')!.match(/^\/library\/([^/]+)\/edit/)![1]!;
  return slug;
}

function edit(slug: string, form: Record<string, string | string[]>, cookie = trainer.cookie) {
  return callAction(editRoute, makeRequest(`/library/${slug}/edit`, { cookie, form }), { slug });
}

function upload(
  slug: string,
  bytes: Uint8Array,
  name: string,
  type = 'application/octet-stream',
  cookie = trainer.cookie,
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return callAction(
    editRoute,
    new Request(`${ORIGIN}/library/${slug}/edit`, {
      method: 'POST',
      body: form,
      headers: { Cookie: cookie, Origin: ORIGIN },
    }),
    { slug },
  );
}

const page = (slug: string, cookie: string) =>
  callLoader(materialRoute, makeRequest(`/library/${slug}`, { cookie }), { slug });
const list = async (cookie: string, query = '') =>
  json<{ items: { slug: string; title: string; language: string }[]; total: number }>(
    await callLoader(libraryRoute, makeRequest(`/library${query}`, { cookie })),
  );
const searchFor = async (q: string, cookie: string) =>
  (
    await json<{ hits: { url: string; kind: string }[] }>(
      await callLoader(searchRoute, makeRequest(`/search?q=${encodeURIComponent(q)}`, { cookie })),
    )
  ).hits.map((h) => h.url);
const fetchFile = (id: string, cookie: string, query = '') =>
  callLoader(uploadRoute, makeRequest(`/uploads/${id}${query}`, { cookie }), { id });
async function draftFiles(slug: string) {
  const m = await db.libraryMaterial.findUniqueOrThrow({
    where: { slug },
    select: { files: { where: { versionId: null, inline: false }, select: { upload: true } } },
  });
  return m.files.map((f) => f.upload);
}

describe('writing, publishing and versions', () => {
  it('a draft is only for trainers; publishing makes version 1 readable, listed and searchable', async () => {
    const slug = await create();
    expect((await page(slug, adviserA.cookie)).status).toBe(404);
    expect((await list(adviserA.cookie)).items.map((i) => i.slug)).not.toContain(slug);
    expect(await searchFor('kirjautumiseen', adviserA.cookie)).not.toContain(`/library/${slug}`);
    expect((await page(slug, trainer.cookie)).status).toBe(200);

    const published = await edit(slug, {
      intent: 'publish',
      changeNote: 'Ensimmäinen versio',
      publishAt: '',
    });
    expect(published.status).toBe(200);
    const view = await json<Page & { live: { number: number; bodyHtml: string } }>(
      await page(slug, adviserA.cookie),
    );
    expect(view.live.number).toBe(1);
    expect(view.live.bodyHtml).toContain('<p>Avaa omakanta.fi ja valitse Kirjaudu.</p>');
    expect((await list(adviserA.cookie)).items.map((i) => i.slug)).toContain(slug);
    // Finnish inflection: "kirjautumiseen" finds "kirjautumisessa".
    expect(await searchFor('kirjautumiseen', adviserA.cookie)).toContain(`/library/${slug}`);
    const audit = await db.auditLog.findFirst({
      where: { action: 'library_publish', actorId: trainer.user.id },
    });
    expect(audit?.details).toMatchObject({ version: 1 });
  });

  it('a revision is version 2 with its note; version 1 stays readable and trainers see what changed', async () => {
    const slug = await create({
      title: 'HSL-sovellus: lipun osto',
      bodyText: 'Valitse kertalippu ja vyöhyke AB.',
    });
    await edit(slug, { intent: 'publish', changeNote: 'Ensimmäinen versio', publishAt: '' });
    const saved = await edit(slug, {
      intent: 'save',
      ...materialForm({ title: 'HSL-sovellus: lipun osto', bodyText: 'Valitse kertalippu ja vyöhyke ABC.' }),
    });
    expect(saved.status).toBe(200);
    // Saving the draft changes nothing readers see.
    expect(
      (await json<{ live: { bodyHtml: string } }>(await page(slug, adviserA.cookie))).live.bodyHtml,
    ).toContain('vyöhyke AB.');
    await edit(slug, { intent: 'publish', changeNote: 'Vyöhyke C lisätty', publishAt: '' });

    const history = await json<{ versions: { number: number; changeNote: string }[] }>(
      await callLoader(versionsRoute, makeRequest(`/library/${slug}/versions`, { cookie: adviserA.cookie }), {
        slug,
      }),
    );
    expect(history.versions.map((v) => [v.number, v.changeNote])).toEqual([
      [2, 'Vyöhyke C lisätty'],
      [1, 'Ensimmäinen versio'],
    ]);
    const old = await json<{ version: { bodyHtml: string } }>(
      await callLoader(
        versionRoute,
        makeRequest(`/library/${slug}/versions/1`, { cookie: adviserA.cookie }),
        { slug, number: '1' },
      ),
    );
    expect(old.version.bodyHtml).toContain('vyöhyke AB.');
    expect(
      (
        await callLoader(
          versionRoute,
          makeRequest(`/library/${slug}/versions/9`, { cookie: adviserA.cookie }),
          { slug, number: '9' },
        )
      ).status,
    ).toBe(404);

    const compareUrl = `/library/${slug}/compare?a=1&b=2`;
    const diff = await json<{ diff: { body: { text: string; change: string }[] } }>(
      await callLoader(compareRoute, makeRequest(compareUrl, { cookie: trainer.cookie }), { slug }),
    );
    expect(diff.diff.body.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toEqual(['AB']);
    expect(diff.diff.body.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual(['ABC']);
    expect(
      (await callLoader(compareRoute, makeRequest(compareUrl, { cookie: adviserA.cookie }), { slug })).status,
    ).toBe(404);
  });

  it('a scheduled publish waits for its time, then the job makes it live', async () => {
    const slug = await create({ title: 'Kanta-sovellus julkaistaan' });
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Helsinki',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(inAWeek)
      .replace(' ', 'T');
    const response = await edit(slug, { intent: 'publish', changeNote: 'Julkaisu', publishAt: local });
    expect(response.status).toBe(200);
    const material = await db.libraryMaterial.findUniqueOrThrow({ where: { slug } });
    expect(material.status).toBe('scheduled');
    expect((await page(slug, adviserA.cookie)).status).toBe(404);
    const job = await db.job.findFirst({
      where: { type: 'library.publish' },
      orderBy: { createdAt: 'desc' },
    });
    expect(Math.abs(job!.runAt.getTime() - inAWeek.getTime())).toBeLessThan(60_000);

    expect(await publishDueVersions(new Date())).toBe(0);
    await publishDueVersions(new Date(inAWeek.getTime() + 60_000));
    expect((await page(slug, adviserA.cookie)).status).toBe(200);
    // Running it again (a second instance, a retried job) publishes nothing twice.
    await publishDueVersions(new Date(inAWeek.getTime() + 120_000));
    expect(await db.libraryVersion.count({ where: { materialId: material.id } })).toBe(1);

    const past = await edit(slug, { intent: 'publish', changeNote: 'Vanha', publishAt: '2020-01-01T10:00' });
    expect(past.status).toBe(400);
    expect((await json<{ errors: Record<string, { key: string }> }>(past)).errors.publishAt?.key).toBe(
      'library:errors.publishAtPast',
    );
  });

  it('archived materials leave lists and search but keep their address', async () => {
    const material = await makeMaterial({ actorId: trainer.user.id, title: 'Vanha mobiilivarmenneohje' });
    await edit(material.slug, { intent: 'archive' });
    expect((await list(adviserA.cookie)).items.map((i) => i.slug)).not.toContain(material.slug);
    expect(await searchFor('mobiilivarmenneohje', adviserA.cookie)).not.toContain(
      `/library/${material.slug}`,
    );
    expect((await page(material.slug, adviserA.cookie)).status).toBe(200);
    await edit(material.slug, { intent: 'unarchive' });
    expect(await searchFor('mobiilivarmenneohje', adviserA.cookie)).toContain(`/library/${material.slug}`);
  });
});

describe('translations', () => {
  it('link together; a reader gets their language first and can switch; trainers see what is missing', async () => {
    const fi = await makeMaterial({ actorId: trainer.user.id, title: 'Suomi.fi-valtuudet', language: 'fi' });
    const sv = await makeMaterial({
      actorId: trainer.user.id,
      title: 'Suomi.fi-fullmakter',
      language: 'sv',
      translationOf: fi.id,
    });
    expect(sv.groupId).toBe(fi.groupId);

    const swede = await loginAs('adviser', orgA);
    await db.user.update({ where: { id: swede.user.id }, data: { locale: 'sv' } });
    const svList = await list(swede.cookie, '?sort=newest');
    expect(svList.items.find((i) => i.slug === sv.slug)).toBeDefined();
    expect(svList.items.find((i) => i.slug === fi.slug)).toBeUndefined();
    const fiList = await list(adviserA.cookie);
    expect(fiList.items.find((i) => i.slug === fi.slug)).toBeDefined();
    expect(fiList.items.find((i) => i.slug === sv.slug)).toBeUndefined();

    const fiPage = await json<{ translations: { slug: string; language: string }[] }>(
      await page(fi.slug, adviserA.cookie),
    );
    expect(fiPage.translations).toEqual([{ slug: sv.slug, language: 'sv', status: 'published' }]);

    const missing = await json<{ groups: { groupId: string; missing: string[] }[] }>(
      await callLoader(translationsRoute, makeRequest('/library/translations', { cookie: trainer.cookie })),
    );
    expect(missing.groups.find((g) => g.groupId === fi.groupId)?.missing).toEqual(['en']);
    expect(
      (await callLoader(translationsRoute, makeRequest('/library/translations', { cookie: adviserA.cookie })))
        .status,
    ).toBe(404);

    const duplicate = await callAction(
      newRoute,
      makeRequest('/library/new', {
        cookie: trainer.cookie,
        form: materialForm({ language: 'sv', translationOf: fi.id }),
      }),
    );
    expect(duplicate.status).toBe(400);
  });

  it('the list counts a material once however many languages it has, on every page', async () => {
    const topicTags = ['laskenta-testi'];
    const first = await makeMaterial({ actorId: trainer.user.id, title: 'Laskettava yksi', topicTags });
    await makeMaterial({
      actorId: trainer.user.id,
      title: 'Räknad ett',
      language: 'sv',
      translationOf: first.id,
      topicTags,
    });
    await makeMaterial({ actorId: trainer.user.id, title: 'Laskettava kaksi', topicTags });
    const counted = await list(adviserA.cookie, '?tag=laskenta-testi');
    expect(counted.items).toHaveLength(2);
    expect(counted.total).toBe(2);
    // Past the last page no row carries the count: it is still the same.
    const past = await list(adviserA.cookie, '?tag=laskenta-testi&page=3');
    expect(past.items).toHaveLength(0);
    expect(past.total).toBe(2);
    expect((await list(adviserA.cookie, '?tag=ei-kaytossa-missaan')).total).toBe(0);
  });

  it("pages through the list in every order: each material once, in the reader's language where it has one", async () => {
    const topicTags = ['sivutus-testi'];
    const made: { id: string; slug: string; groupId: string; title: string }[] = [];
    // 27 materials: more than one page of 24. Titles out of creation order, mixed case.
    for (let i = 0; i < 27; i++) {
      const title = `${i % 2 ? 'sivutettava' : 'Sivutettava'} ${String((i * 7) % 27).padStart(2, '0')}`;
      made.push({ ...(await makeMaterial({ actorId: trainer.user.id, title, topicTags })), title });
    }
    const swedish = await makeMaterial({
      actorId: trainer.user.id,
      title: 'Sidindelad',
      language: 'sv',
      translationOf: made[3]!.id,
      topicTags,
    });
    await db.libraryMaterial.updateMany({ where: { slug: made[5]!.slug }, data: { viewCount: 50 } });
    await db.libraryMaterial.updateMany({ where: { slug: made[9]!.slug }, data: { viewCount: 40 } });
    const swede = await loginAs('adviser', orgA);
    await db.user.update({ where: { id: swede.user.id }, data: { locale: 'sv' } });

    const all = async (cookie: string, sort: string) => {
      const pages = [await list(cookie, `?tag=sivutus-testi&sort=${sort}`)];
      pages.push(await list(cookie, `?tag=sivutus-testi&sort=${sort}&page=2`));
      expect(pages.map((p) => [p.items.length, p.total])).toEqual([
        [24, 27],
        [3, 27],
      ]);
      return pages.flatMap((p) => p.items);
    };
    const newest = await all(adviserA.cookie, 'newest');
    expect(newest.map((i) => i.slug)).toEqual(made.map((m) => m.slug).reverse());
    const byTitle = await all(adviserA.cookie, 'title');
    expect(byTitle.map((i) => i.title)).toEqual(
      made.map((m) => m.title).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    const popular = await all(adviserA.cookie, 'popular');
    expect(popular.slice(0, 2).map((i) => i.slug)).toEqual([made[5]!.slug, made[9]!.slug]);
    expect(new Set(popular.map((i) => i.slug)).size).toBe(27);
    // The Swedish reader gets the Swedish version for its group (published last, so first), the
    // rest in Finnish.
    const forSwede = await all(swede.cookie, 'newest');
    expect(forSwede.map((i) => i.slug)).toEqual([
      swedish.slug,
      ...made
        .filter((_, i) => i !== 3)
        .map((m) => m.slug)
        .reverse(),
    ]);
    expect(forSwede[0]).toMatchObject({ title: 'Sidindelad', language: 'sv' });
    // Other tests order the whole library by views.
    await db.libraryMaterial.updateMany({
      where: { topicTags: { has: 'sivutus-testi' } },
      data: { viewCount: 0 },
    });
  });
});

describe('audience', () => {
  it('an organisation-restricted material is invisible to other organisations in list, search, URL and files', async () => {
    const slug = await create({
      title: 'Enter ry: vuorolistat ja yhteyshenkilöt',
      bodyText: 'Katso vuorolistoista, kuka on vuorossa.',
      audience: 'organisations',
      audienceOrgIds: [orgA],
    });
    expect(
      (await upload(slug, textPdf(['Vuorolistat syksy']), 'vuorolistat.pdf', 'application/pdf')).status,
    ).toBe(200);
    await edit(slug, { intent: 'publish', changeNote: 'Ensimmäinen versio', publishAt: '' });
    const [file] = await draftFiles(slug);

    expect((await page(slug, adviserA.cookie)).status).toBe(200);
    expect((await list(adviserA.cookie)).items.map((i) => i.slug)).toContain(slug);
    expect(await searchFor('vuorolistoja', adviserA.cookie)).toContain(`/library/${slug}`);
    expect((await fetchFile(file!.id, adviserA.cookie)).status).toBe(200);

    expect((await page(slug, adviserB.cookie)).status).toBe(404);
    expect((await list(adviserB.cookie)).items.map((i) => i.slug)).not.toContain(slug);
    expect(await searchFor('vuorolistoja', adviserB.cookie)).not.toContain(`/library/${slug}`);
    expect((await fetchFile(file!.id, adviserB.cookie)).status).toBe(404);
    for (const route of [versionsRoute, statsRoute]) {
      expect(
        (await callLoader(route, makeRequest(`/library/${slug}/x`, { cookie: adviserB.cookie }), { slug }))
          .status,
      ).toBe(404);
    }
    expect(
      (
        await callLoader(
          versionRoute,
          makeRequest(`/library/${slug}/versions/1`, { cookie: adviserB.cookie }),
          { slug, number: '1' },
        )
      ).status,
    ).toBe(404);
    // Marking it done from outside does nothing either.
    const done = await callAction(
      materialRoute,
      makeRequest(`/library/${slug}`, { cookie: adviserB.cookie, form: { intent: 'done' } }),
      { slug },
    );
    expect(done.status).toBe(404);
  });

  it('"trainers only" is hidden from advisers everywhere', async () => {
    const m = await makeMaterial({
      actorId: trainer.user.id,
      title: 'Kouluttajan diat: koulutuspäivä',
      audience: 'trainers',
    });
    expect((await page(m.slug, adviserA.cookie)).status).toBe(404);
    expect(await searchFor('koulutuspäivän', adviserA.cookie)).not.toContain(`/library/${m.slug}`);
    const otherTrainer = await loginAs('trainer', orgB);
    expect(await searchFor('koulutuspäivän', otherTrainer.cookie)).toContain(`/library/${m.slug}`);
  });

  it('a draft file is not served to advisers, only to trainers', async () => {
    const slug = await create({ title: 'Luonnos liitteellä' });
    await upload(slug, textPdf(['Luonnos']), 'luonnos.pdf');
    const [file] = await draftFiles(slug);
    expect((await fetchFile(file!.id, adviserA.cookie)).status).toBe(404);
    expect((await fetchFile(file!.id, trainer.cookie)).status).toBe(200);
  });
});

describe('attachments', () => {
  it('are typed by content, streamed back with a download name, and their words are found', async () => {
    const slug = await create({ title: 'Pankkitunnukset opastuksessa' });
    const pdf = textPdf(['Mobiilivarmenteen aktivointi operaattorin sovelluksessa']);
    const response = await upload(slug, pdf, 'Mobiilivarmenne ohje.pdf', 'text/plain');
    expect(response.status).toBe(200);
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#00a' } })
      .png()
      .toBuffer();
    expect((await upload(slug, png, 'näyttökuva.png', 'image/png')).status).toBe(200);
    await edit(slug, { intent: 'publish', changeNote: 'Ensimmäinen versio', publishAt: '' });
    await runDueJobs(); // reads the PDF's words in the background

    const [stored, picture] = await draftFiles(slug);
    expect(stored).toMatchObject({
      mime: 'application/pdf',
      fileName: 'Mobiilivarmenne ohje.pdf',
      byteSize: pdf.byteLength,
    });
    expect(stored!.textContent).toContain('Mobiilivarmenteen aktivointi');
    const onDisk = filePath(stored!.id);
    expect(onDisk.startsWith(path.resolve(env().UPLOAD_DIR))).toBe(true);
    expect(fs.readFileSync(onDisk).equals(pdf)).toBe(true);

    // The page lists them in the order they were added, with the names they were sent under. It
    // is read in four statements: who is logged in, the material, the rest of the page (version,
    // files, translations, progress, paths) together, and the view recorded.
    const before = statementCount();
    const shown = await json<{
      live: { files: { id: string; fileName: string; mime: string; byteSize: number }[] };
    }>(await page(slug, adviserA.cookie));
    expect(statementCount() - before).toBe(4);
    expect(shown.live.files).toEqual([
      {
        id: stored!.id,
        fileName: 'Mobiilivarmenne ohje.pdf',
        mime: 'application/pdf',
        byteSize: pdf.byteLength,
        thumbnail: false,
      },
      expect.objectContaining({ id: picture!.id, fileName: 'näyttökuva.png', thumbnail: true }),
    ]);

    const served = await fetchFile(stored!.id, adviserA.cookie);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('application/pdf');
    expect(served.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Mobiilivarmenne ohje.pdf"; filename*=UTF-8''Mobiilivarmenne%20ohje.pdf`,
    );
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);

    const thumb = await fetchFile(picture!.id, adviserA.cookie, '?size=thumb');
    expect(thumb.headers.get('Content-Type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(480);

    // PDF text (inflected) and the file name are both in the search index.
    expect(await searchFor('aktivointia', adviserA.cookie)).toContain(`/library/${slug}`);
    expect(await searchFor('näyttökuva', adviserA.cookie)).toContain(`/library/${slug}`);
  });

  it('refuse bad files with a translated reason and leave no file or row behind', async () => {
    const slug = await create({ title: 'Liitteiden tarkistus' });
    const uploadsBefore = await db.upload.count();
    const tmp = path.join(path.resolve(env().UPLOAD_DIR), 'tmp');
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const cases: [Uint8Array, string, string][] = [
      [Buffer.from('<html><script>alert(1)</script></html>'), 'ohje.pdf', 'library:errors.fileType'],
      [Buffer.from('MZ\x90\x00\x03\x00\x00\x00executable'), 'lasku.pdf', 'library:errors.fileType'],
      [png, 'kuva.pdf', 'library:errors.fileDisguised'],
      [textPdf(['x']), '<img src=x onerror=alert(1)>.pdf', 'library:errors.fileName'],
      [textPdf(['x']), '../../etc/passwd.pdf', 'library:errors.fileName'],
      [textPdf(['x']), '..\\..\\boot.pdf', 'library:errors.fileName'],
      [new Uint8Array(0), 'tyhja.pdf', 'library:errors.fileMissing'],
    ];
    for (const [bytes, name, key] of cases) {
      const response = await upload(slug, bytes, name);
      expect(response.status, name).toBe(400);
      expect((await json<{ errors: { file: { key: string } } }>(response)).errors.file.key, name).toBe(key);
    }
    expect(await db.upload.count()).toBe(uploadsBefore);
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
  });

  it('are limited to 30 uploads in ten minutes per member', async () => {
    const uploader = await loginAs('trainer', orgA);
    const slug = await create({ title: 'Monta liitettä' });
    for (let i = 0; i < 30; i++) {
      expect(
        (await upload(slug, Buffer.from('ei tiedosto'), `x${i}.pdf`, 'text/plain', uploader.cookie)).status,
      ).toBe(400);
    }
    const refused = await upload(slug, textPdf(['x']), 'x.pdf', 'application/pdf', uploader.cookie);
    expect(refused.status).toBe(429);
    expect((await json<{ errors: { file: { key: string } } }>(refused)).errors.file.key).toBe(
      'library:errors.tooManyUploads',
    );
  });

  it('over the size limit: refused while it streams, nothing written', async () => {
    const { receiveUpload } = await import('~/domain/uploads/files.server');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(300_000)]), 'iso.pdf');
    const request = new Request(`${ORIGIN}/x`, { method: 'POST', body: form });
    const result = await receiveUpload(request, { field: 'file', maxBytes: 100_000 });
    expect(result).toMatchObject({ ok: false, key: 'library:errors.fileTooLarge' });
    const tmp = path.join(path.resolve(env().UPLOAD_DIR), 'tmp');
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
  });

  it('removing or deleting keeps files that a version or a translation still uses', async () => {
    const slug = await create({ title: 'Jaettu liite' });
    await upload(slug, textPdf(['Jaettu']), 'jaettu.pdf');
    await edit(slug, { intent: 'publish', changeNote: 'v1', publishAt: '' });
    const [file] = await draftFiles(slug);
    // Asked first, nothing removed; then off the draft, but version 1 still has it.
    const askedDetach = await edit(slug, { intent: 'detach', uploadId: file!.id });
    expect(await json(askedDetach)).toMatchObject({ confirm: 'detach', values: { uploadId: file!.id } });
    expect(await draftFiles(slug)).toHaveLength(1);
    await edit(slug, { intent: 'detach', uploadId: file!.id, confirmed: 'yes' });
    expect(await draftFiles(slug)).toEqual([]);
    expect(fs.existsSync(filePath(file!.id))).toBe(true);
    expect((await fetchFile(file!.id, adviserA.cookie)).status).toBe(200);

    const source = await db.libraryMaterial.findUniqueOrThrow({ where: { slug } });
    const other = await create({ title: 'Toinen liite' });
    await upload(other, textPdf(['Toinen']), 'toinen.pdf');
    const otherMaterial = await db.libraryMaterial.findUniqueOrThrow({ where: { slug: other } });
    // A translation made from it shares its file.
    const sv = await makeMaterial({
      actorId: trainer.user.id,
      title: 'Delad bilaga',
      language: 'sv',
      translationOf: otherMaterial.id,
    });
    const [shared] = await draftFiles(other);
    expect((await draftFiles(sv.slug)).map((f) => f.id)).toEqual([shared!.id]);

    const asked = await edit(other, { intent: 'delete' });
    expect(asked.status).toBe(200);
    expect(await json(asked)).toMatchObject({ confirm: 'delete' });
    expect(await db.libraryMaterial.count({ where: { slug: other } })).toBe(1);
    expect((await edit(other, { intent: 'delete', confirmed: 'yes' })).status).toBe(302);
    expect(fs.existsSync(filePath(shared!.id))).toBe(true);
    expect(await db.upload.findUnique({ where: { id: shared!.id } })).not.toBeNull();

    expect((await edit(sv.slug, { intent: 'delete', confirmed: 'yes' })).status).toBe(302);
    expect(await db.upload.findUnique({ where: { id: shared!.id } })).toBeNull();
    expect(fs.existsSync(filePath(shared!.id))).toBe(false);

    expect((await edit(slug, { intent: 'delete', confirmed: 'yes' })).status).toBe(302);
    expect(fs.existsSync(filePath(file!.id))).toBe(false);
    expect(await db.libraryGroup.findUnique({ where: { id: source.groupId } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: 'library_delete', targetId: source.id } })).toBe(1);
  });
});

describe('bad input keeps what was typed', () => {
  it('an empty title, bad video links and a missing organisation are refused field by field', async () => {
    const response = await callAction(
      newRoute,
      makeRequest('/library/new', {
        cookie: trainer.cookie,
        form: materialForm({ title: '  ', videoLinks: 'Video ilman osoitetta', audience: 'organisations' }),
      }),
    );
    expect(response.status).toBe(400);
    const body = await json<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
      response,
    );
    expect(body.errors.title?.key).toBe('validation.required');
    expect(body.errors.videoLinks?.key).toBe('library:errors.videoLink');
    expect(body.errors.audienceOrgIds?.key).toBe('library:errors.audienceOrgs');
    expect(body.values.bodyText).toBe(materialForm().bodyText);
    expect(body.values.summary).toBe(materialForm().summary);
  });

  it('only trainers write: advisers get 404 from every editing route', async () => {
    const m = await makeMaterial({ actorId: trainer.user.id, title: 'Vain kouluttajat muokkaavat' });
    expect(
      (await callLoader(newRoute, makeRequest('/library/new', { cookie: adviserA.cookie }))).status,
    ).toBe(404);
    expect(
      (
        await callAction(
          newRoute,
          makeRequest('/library/new', { cookie: adviserA.cookie, form: materialForm() }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await edit(m.slug, { intent: 'publish', changeNote: 'x', publishAt: '' }, adviserA.cookie)).status,
    ).toBe(404);
    expect((await upload(m.slug, textPdf(['x']), 'x.pdf', 'application/pdf', adviserA.cookie)).status).toBe(
      404,
    );
  });
});

describe('reading progress, paths and figures', () => {
  it('"updated since you read it" on the material, the path and the home page; paths count starters and finishers', async () => {
    const a = await makeMaterial({ actorId: trainer.user.id, title: 'Polun eka materiaali' });
    const b = await makeMaterial({ actorId: trainer.user.id, title: 'Polun toka materiaali' });
    const created = await callAction(
      pathsRoute,
      makeRequest('/library/paths', {
        cookie: trainer.cookie,
        form: { slug: 'testipolku', titleFi: 'Testipolku', titleSv: 'Teststig', titleEn: 'Test path' },
      }),
    );
    expect(created.headers.get('Location')).toBe('/library/paths/testipolku');
    for (const m of [a, b]) {
      await callAction(
        pathRoute,
        makeRequest('/library/paths/testipolku', {
          cookie: trainer.cookie,
          form: { intent: 'add-item', groupId: m.groupId },
        }),
        { slug: 'testipolku' },
      );
    }
    const reader = await loginAs('adviser', orgA);
    const pathPage = async (cookie = reader.cookie) =>
      json<{ steps: { slug: string; state: string }[]; stats: { started: number; finished: number } | null }>(
        await callLoader(pathRoute, makeRequest('/library/paths/testipolku', { cookie }), {
          slug: 'testipolku',
        }),
      );
    expect((await pathPage()).steps.map((s) => [s.slug, s.state])).toEqual([
      [a.slug, 'todo'],
      [b.slug, 'todo'],
    ]);
    expect((await pathPage()).stats).toBeNull();

    await callAction(
      materialRoute,
      makeRequest(`/library/${a.slug}`, { cookie: reader.cookie, form: { intent: 'done' } }),
      { slug: a.slug },
    );
    expect((await pathPage(trainer.cookie)).stats).toEqual({ started: 1, finished: 0 });
    await callAction(
      materialRoute,
      makeRequest(`/library/${b.slug}`, { cookie: reader.cookie, form: { intent: 'done' } }),
      { slug: b.slug },
    );
    expect((await pathPage(trainer.cookie)).stats).toEqual({ started: 1, finished: 1 });

    // A new version of a: the reader is told everywhere.
    const materialA = await db.libraryMaterial.findUniqueOrThrow({ where: { slug: a.slug } });
    await db.libraryMaterial.update({
      where: { id: materialA.id },
      data: { draftTitle: 'Polun eka materiaali (päivitetty)' },
    });
    await edit(a.slug, { intent: 'publish', changeNote: 'Päivitys', publishAt: '' });
    expect(
      (await json<{ updatedSinceRead: boolean }>(await page(a.slug, reader.cookie))).updatedSinceRead,
    ).toBe(true);
    expect((await pathPage()).steps.map((s) => s.state)).toEqual(['updated', 'done']);
    type Feed = { feed: { kind: string; url: string; state?: string }[] };
    const onHome = async () =>
      (
        await json<Feed>(await callLoader(homeRoute, makeRequest('/', { cookie: reader.cookie })))
      ).feed.filter((i) => i.kind === 'material' && i.url === `/library/${a.slug}`);
    expect((await onHome()).map((i) => i.state)).toEqual(['updatedSinceRead']);
    // Reading it again clears it.
    await callAction(
      materialRoute,
      makeRequest(`/library/${a.slug}`, { cookie: reader.cookie, form: { intent: 'done' } }),
      { slug: a.slug },
    );
    expect(
      (await json<{ updatedSinceRead: boolean }>(await page(a.slug, reader.cookie))).updatedSinceRead,
    ).toBe(false);
    expect((await onHome()).map((i) => i.state)).toEqual(['updated']);
  });

  it('trainers see views (one per reader per day), completions and organisations, never names', async () => {
    const m = await makeMaterial({ actorId: trainer.user.id, title: 'Luettu materiaali' });
    const other = await loginAs('adviser', orgB);
    for (const cookie of [adviserA.cookie, adviserA.cookie, other.cookie]) await page(m.slug, cookie);
    await callAction(
      materialRoute,
      makeRequest(`/library/${m.slug}`, { cookie: other.cookie, form: { intent: 'done' } }),
      { slug: m.slug },
    );
    const stats = await json<{
      stats: { views: number; readers: number; completions: number; organisations: { readers: number }[] };
    }>(
      await callLoader(statsRoute, makeRequest(`/library/${m.slug}/stats`, { cookie: trainer.cookie }), {
        slug: m.slug,
      }),
    );
    expect(stats.stats).toMatchObject({ views: 2, readers: 2, completions: 1 });
    expect(stats.stats.organisations.map((o) => o.readers)).toEqual([1, 1]);
    expect(JSON.stringify(stats)).not.toContain(other.user.name);
    const sorted = await list(adviserA.cookie, '?sort=popular');
    expect(sorted.items[0]?.slug).toBe(m.slug);
  });

  it('a trainer promotes a forum answer into a draft that links back to the thread', async () => {
    const category = await makeCategory(db);
    const thread = await makeThread(db, {
      categoryId: category.id,
      authorId: adviserA.user.id,
      title: 'Miten Kela-asiointiin kirjaudutaan?',
      text: 'Asukas ei löydä kirjautumista.',
      replies: [
        { authorId: trainer.user.id, text: 'Valitse oikeasta yläkulmasta Kirjaudu ja tunnistaudu pankilla.' },
      ],
    });
    const form = { postId: thread.replyIds[0]! };
    expect(
      (await callAction(promoteRoute, makeRequest('/library/promote', { cookie: adviserA.cookie, form })))
        .status,
    ).toBe(404);
    const response = await callAction(
      promoteRoute,
      makeRequest('/library/promote', { cookie: trainer.cookie, form }),
    );
    expect(response.status).toBe(302);
    const slug = response.headers.get('Location')!.split('/')[2]!;
    const material = await db.libraryMaterial.findUniqueOrThrow({ where: { slug } });
    expect(material).toMatchObject({
      status: 'draft',
      sourceThreadId: thread.id,
      draftTitle: 'Miten Kela-asiointiin kirjaudutaan?',
    });
    expect(JSON.stringify(material.draftBody)).toContain('Valitse oikeasta yläkulmasta Kirjaudu');
    await edit(slug, { intent: 'publish', changeNote: 'Foorumista', publishAt: '' });
    const view = await json<{ sourceThread: { id: string } }>(await page(slug, adviserA.cookie));
    expect(view.sourceThread.id).toBe(thread.id);
  });
});

// Reused by the publishing helper: the meta travels to the audit log.
void TEST_META;
