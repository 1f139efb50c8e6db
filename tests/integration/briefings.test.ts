import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import { briefingReach } from '~/domain/briefings/reads.server';
import { statementCount } from '~/db/adapters.server';
import * as eservicesRoute from '~/routes/eservices._index';
import * as newEServiceRoute from '~/routes/eservices.new';
import * as eserviceRoute from '~/routes/eservices.$slug._index';
import * as briefingsRoute from '~/routes/briefings._index';
import * as newBriefingRoute from '~/routes/briefings.new';
import * as briefingRoute from '~/routes/briefings.$id._index';
import * as editRoute from '~/routes/briefings.$id.edit';
import * as searchRoute from '~/routes/search';
import * as notificationsRoute from '~/routes/notifications._index';
import { makeCategory, makeMaterial, makeOrganisation, makeThread } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

let orgA: string;
let orgB: string;
let coordinator: Awaited<ReturnType<typeof loginAs>>;
let rep: Awaited<ReturnType<typeof loginAs>>;
let otherRep: Awaited<ReturnType<typeof loginAs>>;
let adviserA: Awaited<ReturnType<typeof loginAs>>;
let adviserB: Awaited<ReturnType<typeof loginAs>>;
let serviceId: string;

function local(days: number, time = '09:00') {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

const eserviceForm = (overrides: Record<string, string> = {}) => ({
  slug: 'uusi-palvelu',
  nameFi: 'Uusi palvelu',
  nameSv: 'Ny tjänst',
  nameEn: '',
  helpFi: 'Näin autat.',
  owner: 'Helsingin kaupunki',
  status: 'pilot',
  launchDate: '2027-02-01',
  publicUrl: 'https://www.hel.fi/uusi',
  contacts: '',
  ...overrides,
});

const briefingForm = (overrides: Record<string, string | string[]> = {}) => ({
  eserviceId: serviceId,
  language: 'fi',
  title: 'Uusi kirjautuminen helmikuussa',
  forWhom: 'Kaikki asukkaat',
  bodyText: 'Salainen yksityiskohta: painike siirtyy vasempaan reunaan.',
  knownProblems: '',
  adviceToResidents: 'Kerro, että vanha tapa toimii tammikuun loppuun.',
  launchAt: local(20),
  eventId: '',
  audience: 'all',
  ...overrides,
});

async function createBriefing(cookie: string, overrides: Record<string, string | string[]> = {}) {
  const response = await callAction(
    newBriefingRoute,
    makeRequest('/briefings/new', { cookie, form: briefingForm(overrides) }),
  );
  expect(response.status, (await response.clone().text()).slice(0, 300)).toBe(302);
  return response.headers.get('Location')!.split('/')[2]!;
}

const publish = (
  id: string,
  cookie: string,
  changeNote = '',
  overrides: Record<string, string | string[]> = {},
) =>
  callAction(
    editRoute,
    makeRequest(`/briefings/${id}/edit`, {
      cookie,
      form: { ...briefingForm(overrides), intent: 'publish', changeNote },
    }),
    { id },
  );
const page = (id: string, cookie: string) =>
  callLoader(briefingRoute, makeRequest(`/briefings/${id}`, { cookie }), { id });
const listed = async (cookie: string) =>
  (
    await json<{ briefings: { id: string }[] }>(
      await callLoader(briefingsRoute, makeRequest('/briefings', { cookie })),
    )
  ).briefings.map((b) => b.id);
const found = async (q: string, cookie: string) =>
  (
    await json<{ hits: { url: string; snippet: { text: string }[] }[] }>(
      await callLoader(searchRoute, makeRequest(`/search?q=${encodeURIComponent(q)}`, { cookie })),
    )
  ).hits;

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  coordinator = await loginAs('coordinator', orgA);
  rep = await loginAs('eservice_rep', orgA);
  otherRep = await loginAs('eservice_rep', orgB);
  adviserA = await loginAs('adviser', orgA);
  adviserB = await loginAs('adviser', orgB);
  const created = await callAction(
    newEServiceRoute,
    makeRequest('/eservices/new', {
      cookie: coordinator.cookie,
      form: eserviceForm({ contacts: rep.user.email }),
    }),
  );
  expect(created.status).toBe(302);
  serviceId = (await db.eService.findUniqueOrThrow({ where: { slug: 'uusi-palvelu' } })).id;
  // The other rep writes for another e-service.
  await callAction(
    newEServiceRoute,
    makeRequest('/eservices/new', {
      cookie: coordinator.cookie,
      form: eserviceForm({ slug: 'toinen-palvelu', nameFi: 'Toinen palvelu', contacts: otherRep.user.email }),
    }),
  );
});

describe('the e-service catalogue', () => {
  it('coordinators keep it; contacts must be representatives; everyone can browse it', async () => {
    const refused = await callAction(
      newEServiceRoute,
      makeRequest('/eservices/new', {
        cookie: coordinator.cookie,
        form: eserviceForm({ slug: 'toinen', contacts: `${adviserA.user.email}\nei.ole@example.test` }),
      }),
    );
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.errors.contacts.key).toBe('briefings:errors.contacts');
    expect(body.errors.contacts.values.emails).toContain('ei.ole@example.test');
    expect(body.errors.contacts.values.emails).toContain(adviserA.user.email);
    expect(body.values.nameFi).toBe('Uusi palvelu'); // what was typed comes back
    expect(await db.eService.findUnique({ where: { slug: 'toinen' } })).toBeNull();
    const taken = await callAction(
      newEServiceRoute,
      makeRequest('/eservices/new', { cookie: coordinator.cookie, form: eserviceForm() }),
    );
    expect((await taken.json()).errors.slug.key).toBe('briefings:errors.slugTaken');

    expect(
      (await callLoader(newEServiceRoute, makeRequest('/eservices/new', { cookie: rep.cookie }))).status,
    ).toBe(404);
    const list = await json<{ services: { slug: string; name: string }[] }>(
      await callLoader(eservicesRoute, makeRequest('/eservices?q=uusi&lng=sv', { cookie: adviserA.cookie })),
    );
    expect(list.services).toEqual([expect.objectContaining({ slug: 'uusi-palvelu', name: 'Ny tjänst' })]);
    const service = await json<{ service: { contacts: { name: string }[] }; canWrite: boolean }>(
      await callLoader(eserviceRoute, makeRequest('/eservices/uusi-palvelu', { cookie: adviserA.cookie }), {
        slug: 'uusi-palvelu',
      }),
    );
    expect(service.service.contacts.map((c) => c.name)).toEqual([rep.user.name]);
    expect(service.canWrite).toBe(false);
    // Its contact person writes for it; who is logged in, then the whole page: two statements.
    const before = statementCount();
    const asContact = await json<{ canWrite: boolean }>(
      await callLoader(eserviceRoute, makeRequest('/eservices/uusi-palvelu', { cookie: rep.cookie }), {
        slug: 'uusi-palvelu',
      }),
    );
    expect(statementCount() - before).toBe(2);
    expect(asContact.canWrite).toBe(true);
    expect(
      (
        await callLoader(eserviceRoute, makeRequest('/eservices/ei-ole', { cookie: rep.cookie }), {
          slug: 'ei-ole',
        })
      ).status,
    ).toBe(404);
  });

  it("a service's page lists the newest forum threads tagged with it, never hidden ones", async () => {
    const category = await makeCategory(db);
    const author = adviserA.user.id;
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    const tagged = async (title: string, h: number, extra: Partial<{ hiddenAt: Date }> = {}) => {
      const t = await makeThread(db, {
        categoryId: category.id,
        authorId: author,
        title,
        createdAt: hoursAgo(h),
      });
      await db.forumThread.update({
        where: { id: t.id },
        data: { eserviceTags: ['toinen-palvelu', 'kela'], lastPostAt: hoursAgo(h), ...extra },
      });
      return t.id;
    };
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await tagged(`Toisen palvelun kysymys ${i}`, 12 - i));
    const hidden = await tagged('Piilotettu kysymys', 0, { hiddenAt: new Date() });
    await makeThread(db, { categoryId: category.id, authorId: author, title: 'Ilman tunnistetta' });
    const page = await json<{ threads: { id: string; title: string }[] }>(
      await callLoader(eserviceRoute, makeRequest('/eservices/toinen-palvelu', { cookie: adviserB.cookie }), {
        slug: 'toinen-palvelu',
      }),
    );
    // The ten newest by their last post, newest first.
    expect(page.threads.map((t) => t.id)).toEqual(ids.slice(2).reverse());
    expect(page.threads.map((t) => t.id)).not.toContain(hidden);
  });
});

describe("an e-service's library material", () => {
  it("the twenty newest materials tagged with it, one version each, in the reader's language", async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    const tag = (id: string, h: number) =>
      db.libraryMaterial.update({
        where: { id },
        data: { eserviceTags: ['toinen-palvelu'], publishedAt: hoursAgo(h) },
      });
    const actorId = coordinator.user.id;
    const finnish = [];
    for (let i = 0; i < 22; i++) {
      const m = await makeMaterial({ actorId, title: `Palvelun ohje ${i}` });
      await tag(m.id, 100 - i);
      finnish.push(m);
    }
    // The oldest listed one also in Swedish, published at the same instant: both versions sit at
    // the twentieth place, where a limit on versions cut the group in two.
    const swedish = await makeMaterial({
      actorId,
      title: 'Tjänstens guide 2',
      language: 'sv',
      translationOf: finnish[2]!.id,
    });
    await tag(swedish.id, 98);
    await tag(finnish[2]!.id, 98);
    const draft = await makeMaterial({ actorId, title: 'Luonnos', publish: false });
    await db.libraryMaterial.update({ where: { id: draft.id }, data: { eserviceTags: ['toinen-palvelu'] } });
    const listed = async (cookie: string) =>
      (
        await json<{ materials: { slug: string }[] }>(
          await callLoader(eserviceRoute, makeRequest('/eservices/toinen-palvelu', { cookie }), {
            slug: 'toinen-palvelu',
          }),
        )
      ).materials.map((m) => m.slug);
    const newest = finnish.slice(2).reverse();
    expect(await listed(adviserA.cookie)).toEqual(newest.map((m) => m.slug));
    await db.user.update({ where: { id: adviserB.user.id }, data: { locale: 'sv' } });
    expect(await listed(adviserB.cookie)).toEqual([...newest.slice(0, 19), swedish].map((m) => m.slug));
    await db.user.update({ where: { id: adviserB.user.id }, data: { locale: 'fi' } });
  });
});

describe('writing and publishing', () => {
  it('a rep writes only for their own e-services; a draft is seen by its writers only', async () => {
    expect(
      (await callLoader(newBriefingRoute, makeRequest('/briefings/new', { cookie: adviserA.cookie }))).status,
    ).toBe(404);
    const wrong = await callAction(
      newBriefingRoute,
      makeRequest('/briefings/new', { cookie: otherRep.cookie, form: briefingForm() }),
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors.eserviceId.key).toBe('briefings:errors.eservice');

    const id = await createBriefing(rep.cookie);
    expect((await page(id, rep.cookie)).status).toBe(200);
    expect((await page(id, coordinator.cookie)).status).toBe(200);
    for (const who of [adviserA, otherRep]) {
      expect((await page(id, who.cookie)).status).toBe(404);
      expect(await listed(who.cookie)).not.toContain(id);
    }
    const edit = (cookie: string) =>
      callLoader(editRoute, makeRequest(`/briefings/${id}/edit`, { cookie }), { id });
    expect((await edit(otherRep.cookie)).status).toBe(404);
    expect((await publish(id, otherRep.cookie)).status).toBe(404);
    expect((await edit(rep.cookie)).status).toBe(200);
  });

  it('publishing tells the audience with the title only; confidential text stays out of search, mail and notifications until the launch', async () => {
    const confidential = { title: 'Luottamuksellinen tiedote sovelluksesta' };
    const id = await createBriefing(rep.cookie, confidential);
    expect((await publish(id, rep.cookie, '', confidential)).status).toBe(200);
    const audience = await db.user.count({ where: { status: 'active' } });
    await runDueJobs();
    await runDueJobs(); // a second run (as after a restart) tells nobody twice
    const told = await db.notification.findMany({
      where: { type: 'briefing_published', url: `/briefings/${id}` },
    });
    expect(told).toHaveLength(audience);
    expect(new Set(told.map((n) => n.userId)).size).toBe(audience);
    const mail = await db.email.findMany({ where: { subject: { contains: 'Luottamuksellinen tiedote' } } });
    expect(mail.length).toBe(audience); // briefing_published is e-mailed by default
    for (const m of mail) {
      expect(m.text).not.toContain('Salainen yksityiskohta');
      expect(m.html).not.toContain('Salainen yksityiskohta');
    }
    const bell = await json<{ notifications: { title: string; data: unknown }[] }>(
      await callLoader(notificationsRoute, makeRequest('/notifications', { cookie: adviserA.cookie })),
    );
    expect(JSON.stringify(bell)).not.toContain('Salainen yksityiskohta');

    const view = await json<{ briefing: { confidential: boolean } }>(await page(id, adviserA.cookie));
    expect(view.briefing.confidential).toBe(true);
    expect((await found('luottamuksellinen tiedote', adviserA.cookie)).map((h) => h.url)).toContain(
      `/briefings/${id}`,
    );
    expect(await found('yksityiskohta vasempaan', adviserA.cookie)).toEqual([]);

    // The launch passes: its job gives the search row the text.
    const { launchAt } = await db.briefing.findUniqueOrThrow({ where: { id } });
    const launch = await db.job.findFirstOrThrow({
      where: { type: 'briefings.launch', payload: { equals: { briefingId: id } } },
    });
    expect(launch.runAt.getTime()).toBe(launchAt.getTime());
    await db.briefing.update({ where: { id }, data: { launchAt: new Date(Date.now() - 60_000) } });
    await db.job.update({ where: { id: launch.id }, data: { runAt: new Date(Date.now() - 60_000) } });
    await runDueJobs();
    const after = await json<{ briefing: { confidential: boolean } }>(await page(id, adviserA.cookie));
    expect(after.briefing.confidential).toBe(false);
    expect((await found('yksityiskohta vasempaan', adviserA.cookie)).map((h) => h.url)).toContain(
      `/briefings/${id}`,
    );
  });

  it('a briefing for organisation A reaches A only: list, page, search, notifications', async () => {
    const forA = {
      title: 'Vain A-järjestön opastajille',
      audience: 'organisations',
      audienceOrgIds: [orgA],
      launchAt: local(-1),
    };
    const id = await createBriefing(rep.cookie, forA);
    expect((await publish(id, rep.cookie, '', forA)).status).toBe(200);
    await runDueJobs();
    expect(await listed(adviserA.cookie)).toContain(id);
    expect(await listed(adviserB.cookie)).not.toContain(id);
    expect((await page(id, adviserB.cookie)).status).toBe(404);
    expect((await found('järjestön opastajille', adviserB.cookie)).map((h) => h.url)).not.toContain(
      `/briefings/${id}`,
    );
    expect((await found('järjestön opastajille', adviserA.cookie)).map((h) => h.url)).toContain(
      `/briefings/${id}`,
    );
    const told = await db.notification.findMany({
      where: { url: `/briefings/${id}` },
      select: { user: { select: { organisationId: true } } },
    });
    expect(told.length).toBe(await db.user.count({ where: { status: 'active', organisationId: orgA } }));
    expect(told.every((n) => n.user.organisationId === orgA)).toBe(true);
  });
});

describe('confidential text stays out of digests, the event and its calendar file', () => {
  it('a daily digest names the briefing only; the event page lists it to its audience; the .ics never mentions it', async () => {
    const eventsNew = await import('~/routes/events.new');
    const eventPage = await import('~/routes/events.$id._index');
    const eventIcs = await import('~/routes/events.$id.ics');
    const { sendDigests } = await import('~/domain/notifications/digest.server');
    const created = await callAction(
      eventsNew,
      makeRequest('/events/new', {
        cookie: coordinator.cookie,
        form: {
          type: 'network_meeting',
          titleFi: 'Verkostotapaaminen ja esittely',
          startsAt: local(5, '14:00'),
          endsAt: local(5, '16:00'),
          placeKind: 'address',
          address: 'Oodi, Töölönlahdenkatu 4',
          audience: 'all',
        },
      }),
    );
    const eventId = created.headers.get('Location')!.split('/')[2]!.split('?')[0]!;
    await db.notificationPreference.create({
      data: { userId: adviserB.user.id, type: 'briefing_published', channel: 'digest' },
    });
    const secret = {
      title: 'Esiteltävä salainen palvelu',
      bodyText: 'Salainen yksityiskohta: uusi maksutapa.',
      eventId,
      audience: 'organisations',
      audienceOrgIds: [orgA, orgB],
    };
    const id = await createBriefing(rep.cookie, secret);
    await publish(id, rep.cookie, '', secret);
    await runDueJobs();
    await sendDigests('http://localhost:3000');
    const digest = await db.email.findFirstOrThrow({
      where: { to: adviserB.user.email, subject: { not: { contains: 'Uusi ennakkotiedote' } } },
      orderBy: { createdAt: 'desc' },
    });
    expect(digest.text).toContain('Esiteltävä salainen palvelu');
    expect(digest.text).not.toContain('maksutapa');
    expect(digest.html).not.toContain('maksutapa');

    const onEvent = (cookie: string) =>
      callLoader(eventPage, makeRequest(`/events/${eventId}`, { cookie }), { id: eventId }).then((r) =>
        json<{ briefings: { id: string; title: string; confidential: boolean }[] }>(r),
      );
    expect((await onEvent(adviserA.cookie)).briefings).toEqual([
      { id, language: 'fi', title: 'Esiteltävä salainen palvelu', confidential: true },
    ]);
    const outsider = await loginAs('adviser', (await makeOrganisation(db)).id);
    expect((await onEvent(outsider.cookie)).briefings).toEqual([]);
    // The briefing's page links its event.
    const shown = await json<{ briefing: { event: { id: string; startsAt: string } | null } }>(
      await page(id, adviserA.cookie),
    );
    expect(shown.briefing.event).toMatchObject({ id: eventId });
    expect(Date.parse(shown.briefing.event!.startsAt)).not.toBeNaN();
    // Nor is the briefing itself there for the outsider.
    expect((await page(id, outsider.cookie)).status).toBe(404);
    const ics = await (
      await callLoader(eventIcs, makeRequest(`/events/${eventId}/ics`, { cookie: adviserA.cookie }), {
        id: eventId,
      })
    ).text();
    expect(ics).toContain('Verkostotapaaminen ja esittely');
    expect(ics).not.toContain('salainen');
    expect(ics).not.toContain('maksutapa');
  });
});

describe('reading and reach', () => {
  it('counts first readings by Helsinki calendar day, either side of midnight in winter and summer time', async () => {
    const info = { title: 'Päivittäin luettu', launchAt: local(-2) };
    const id = await createBriefing(rep.cookie, info);
    await publish(id, rep.cookie, '', info);
    const members = await db.user.findMany({ where: { status: 'active' }, select: { id: true }, take: 6 });
    // Summer time began on 29 March 2026 at 01:00 UTC (UTC+2 before, UTC+3 after).
    const instants = [
      '2026-03-28T21:59:59Z', // 23:59:59 on the 28th
      '2026-03-28T22:00:00Z', // 00:00 on the 29th
      '2026-03-29T21:30:00Z', // 00:30 on the 30th
      '2026-07-01T20:59:59Z', // 23:59:59 on 1 July
      '2026-07-01T21:00:00Z', // 00:00 on 2 July
      '2026-07-02T20:59:59Z', // 23:59:59 on 2 July
    ];
    await db.briefingRead.createMany({
      data: members.map((m, i) => ({
        briefingId: id,
        userId: m.id,
        versionNumber: 1,
        firstReadAt: new Date(instants[i]!),
        readAt: new Date(instants[i]!),
      })),
    });
    const reach = await briefingReach({
      id,
      liveNumber: 1,
      audience: 'all',
      audienceOrgIds: [],
      audienceRoles: [],
    });
    expect(reach.days).toEqual([
      { day: '2026-03-28', read: 1, total: 1 },
      { day: '2026-03-29', read: 1, total: 2 },
      { day: '2026-03-30', read: 1, total: 3 },
      { day: '2026-07-01', read: 1, total: 4 },
      { day: '2026-07-02', read: 2, total: 6 },
    ]);
  });

  it('acknowledged, revised, "updated since you read it", re-acknowledged; reach matches a recount; reminders reach non-readers once a day', async () => {
    const readable = { title: 'Luettava tiedote', launchAt: local(-2) };
    const id = await createBriefing(rep.cookie, readable);
    await publish(id, rep.cookie, '', readable);
    await runDueJobs();
    const readers = [adviserA, await loginAs('adviser', orgB)];
    const ack = (cookie: string) =>
      callAction(
        briefingRoute,
        makeRequest(`/briefings/${id}`, { cookie, form: { intent: 'acknowledge' } }),
        { id },
      );
    for (const r of readers) expect((await ack(r.cookie)).status).toBe(200);
    expect((await json<{ state: string }>(await page(id, adviserA.cookie))).state).toBe('read');
    // The page names its e-service and the reader's own reading (the writer has read nothing).
    type Shown = {
      briefing: { readVersion: number | null; readAt: string | null; eservice: { slug: string } };
    };
    const shownToReader = (await json<Shown>(await page(id, adviserA.cookie))).briefing;
    expect(shownToReader).toMatchObject({ readVersion: 1, eservice: { slug: 'uusi-palvelu' } });
    expect(Date.parse(shownToReader.readAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect((await json<Shown>(await page(id, rep.cookie))).briefing).toMatchObject({
      readVersion: null,
      readAt: null,
    });

    const noNote = await publish(id, rep.cookie, '', readable);
    expect(noNote.status).toBe(400);
    expect((await noNote.json()).errors.changeNote.key).toBe('briefings:errors.changeNote');
    expect((await db.briefing.findUniqueOrThrow({ where: { id } })).liveNumber).toBe(1);
    expect(
      (await publish(id, rep.cookie, 'Lisätty tunnettu ongelma', { knownProblems: 'Ei toimi iPadilla.' }))
        .status,
    ).toBe(200);
    await runDueJobs();
    const updated = await db.notification.findMany({
      where: { type: 'briefing_updated', url: `/briefings/${id}` },
    });
    expect(updated.map((n) => n.userId).sort()).toEqual(readers.map((r) => r.user.id).sort());
    const view = await json<{ state: string; live: { changeNote: string; knownProblems: string } }>(
      await page(id, adviserA.cookie),
    );
    expect(view.state).toBe('updated');
    expect(view.live).toMatchObject({
      changeNote: 'Lisätty tunnettu ongelma',
      knownProblems: 'Ei toimi iPadilla.',
    });
    expect((await ack(adviserA.cookie)).status).toBe(200);
    expect((await json<{ state: string }>(await page(id, adviserA.cookie))).state).toBe('read');

    type Reach = {
      members: number;
      read: number;
      readLatest: number;
      organisations: { name: string; members: number; read: number }[];
      days: { total: number }[];
    };
    const reach = (await json<{ reach: Reach }>(await page(id, rep.cookie))).reach;
    const members = await db.user.findMany({
      where: { status: 'active' },
      select: { id: true, organisation: { select: { name: true } } },
    });
    const reads = await db.briefingRead.findMany({ where: { briefingId: id } });
    expect(reach.members).toBe(members.length);
    expect(reach.read).toBe(reads.length);
    expect(reach.readLatest).toBe(reads.filter((r) => r.versionNumber === 2).length);
    expect(reach.readLatest).toBe(1);
    for (const o of reach.organisations) {
      const inOrg = members.filter((m) => m.organisation.name === o.name);
      expect(o.members).toBe(inOrg.length);
      expect(o.read).toBe(reads.filter((r) => inOrg.some((m) => m.id === r.userId)).length);
    }
    expect(reach.days.at(-1)!.total).toBe(reads.length);
    expect(await json<{ reach: null }>(await page(id, adviserA.cookie))).toMatchObject({ reach: null });
    // The same rule for an audience of organisations and of roles.
    const readIds = new Set(reads.map((r) => r.userId));
    const ofOrg = await briefingReach({
      id,
      liveNumber: 2,
      audience: 'organisations',
      audienceOrgIds: [adviserA.user.organisationId],
      audienceRoles: [],
    });
    const inA = await db.user.findMany({
      where: { status: 'active', organisationId: adviserA.user.organisationId },
      select: { id: true },
    });
    expect(ofOrg.members).toBe(inA.length);
    expect(ofOrg.organisations).toHaveLength(1);
    expect(ofOrg.read).toBe(inA.filter((m) => readIds.has(m.id)).length);
    const ofRole = await briefingReach({
      id,
      liveNumber: 2,
      audience: 'roles',
      audienceOrgIds: [],
      audienceRoles: ['trainer'],
    });
    const trainers = await db.user.findMany({
      where: { status: 'active', roles: { some: { role: { key: 'trainer' } } } },
      select: { id: true },
    });
    expect(ofRole.members).toBe(trainers.length);
    expect(ofRole.read).toBe(trainers.filter((m) => readIds.has(m.id)).length);

    const remind = () =>
      callAction(
        briefingRoute,
        makeRequest(`/briefings/${id}`, { cookie: rep.cookie, form: { intent: 'remind' } }),
        { id },
      );
    expect(
      (
        await callAction(
          briefingRoute,
          makeRequest(`/briefings/${id}`, { cookie: adviserA.cookie, form: { intent: 'remind' } }),
          { id },
        )
      ).status,
    ).toBe(404);
    expect((await remind()).status).toBe(200);
    await runDueJobs();
    const reminded = await db.notification.findMany({
      where: { type: 'briefing_reminder', url: `/briefings/${id}` },
    });
    expect(reminded.length).toBe(members.length - reads.length);
    expect(reminded.some((n) => readers.some((r) => r.user.id === n.userId))).toBe(false);
    const again = await remind();
    expect(again.status).toBe(400);
    expect((await again.json()).errors.remind.key).toBe('briefings:errors.remindedRecently');
    expect(await db.auditLog.count({ where: { targetId: id, action: 'briefing_remind' } })).toBe(1);
  });
});

describe('questions and the FAQ', () => {
  it('readers ask, the writers answer and lift answers into the FAQ; all within the audience', async () => {
    const forA = { title: 'Kysymyksiä herättävä tiedote', audience: 'organisations', audienceOrgIds: [orgA] };
    const id = await createBriefing(rep.cookie, forA);
    await publish(id, rep.cookie, '', forA);
    const post = (cookie: string, form: Record<string, string>) =>
      callAction(briefingRoute, makeRequest(`/briefings/${id}`, { cookie, form }), { id });
    expect((await post(adviserB.cookie, { intent: 'ask', question: 'Koskeeko tämä meitä?' })).status).toBe(
      404,
    );
    const empty = await post(adviserA.cookie, { intent: 'ask', question: ' ' });
    expect((await empty.json()).errors.question.key).toBe('validation.required');
    expect(
      (await post(adviserA.cookie, { intent: 'ask', question: 'Toimiiko vanha sovellus vielä?' })).status,
    ).toBe(200);
    expect((await post(adviserA.cookie, { intent: 'ask', question: 'Entä tabletilla?' })).status).toBe(200);
    const asked = await db.notification.findMany({
      where: { type: 'briefing_question', userId: rep.user.id },
    });
    expect(asked.length).toBe(2);
    expect(asked.every((n) => n.title === 'Kysymyksiä herättävä tiedote')).toBe(true);

    type Questions = {
      questions: {
        id: string;
        body: string;
        answer: string;
        inFaq: boolean;
        author: { name: string };
        answeredBy: { name: string } | null;
      }[];
    };
    const [first, second] = (await json<Questions>(await page(id, adviserA.cookie))).questions;
    expect(
      (await post(adviserA.cookie, { intent: 'answer', questionId: first!.id, answer: 'Ei.' })).status,
    ).toBe(404);
    // Only an answered question goes into the FAQ.
    expect((await post(rep.cookie, { intent: 'faq', questionId: second!.id, inFaq: 'true' })).status).toBe(
      404,
    );
    expect(
      (
        await post(rep.cookie, {
          intent: 'answer',
          questionId: first!.id,
          answer: 'Toimii tammikuun loppuun.',
        })
      ).status,
    ).toBe(200);
    expect((await post(rep.cookie, { intent: 'faq', questionId: first!.id, inFaq: 'true' })).status).toBe(
      200,
    );
    expect(
      await db.notification.count({
        where: { type: 'briefing_answer', userId: adviserA.user.id, url: { startsWith: `/briefings/${id}` } },
      }),
    ).toBe(1);
    const after = (await json<Questions>(await page(id, adviserA.cookie))).questions;
    expect(after.find((q) => q.id === first!.id)).toMatchObject({
      answer: 'Toimii tammikuun loppuun.',
      inFaq: true,
      author: { name: adviserA.user.name },
      answeredBy: { name: rep.user.name },
    });
    expect(after.find((q) => q.id === second!.id)).toMatchObject({
      answer: '',
      inFaq: false,
      author: { name: adviserA.user.name },
      answeredBy: null,
    });
    // Who published each version comes with the history, in the statements counted below.
    const shown = await json<{ history: { number: number; publishedBy: { name: string } }[] }>(
      await page(id, adviserA.cookie),
    );
    expect(shown.history[0]).toMatchObject({ publishedBy: { name: rep.user.name } });
    // The reader's page: who is asking (1), the briefing with its e-service, event and the
    // reader's read (1), the live version, its history and the questions with their people (3).
    const before = statementCount();
    await page(id, adviserA.cookie);
    expect(statementCount() - before).toBe(5);
  });
});

describe('screenshots', () => {
  it('are served to the uploader, and to readers once a version shows them', async () => {
    const { storeImage } = await import('~/domain/uploads/images.server');
    const { memberById } = await import('~/auth/guards.server');
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#0af' } })
      .png()
      .toBuffer();
    const stored = await storeImage((await memberById(rep.user.id))!, new Uint8Array(png), 'briefing');
    if (!stored.ok) throw new Error('upload failed');
    const uploadsRoute = await import('~/routes/uploads.$id');
    const fetchImage = (cookie: string) =>
      callLoader(uploadsRoute, makeRequest(`/uploads/${stored.id}`, { cookie }), { id: stored.id });
    expect((await fetchImage(rep.cookie)).status).toBe(200);
    expect((await fetchImage(adviserA.cookie)).status).toBe(404);
    const body = JSON.stringify({
      type: 'doc',
      content: [{ type: 'image', attrs: { src: `/uploads/${stored.id}`, alt: 'Kuvakaappaus' } }],
    });
    const id = await createBriefing(rep.cookie, { audience: 'organisations', audienceOrgIds: [orgA] });
    await publish(id, rep.cookie, '', { body, audience: 'organisations', audienceOrgIds: [orgA] });
    expect((await fetchImage(adviserA.cookie)).status).toBe(200);
    expect((await fetchImage(adviserB.cookie)).status).toBe(404);
  });
});
