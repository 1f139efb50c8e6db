// A large network's place lists (issue 14, the national data's 1,500 places: "≤ 200 KB on a cold
// visit to any page"): the profile, a referral slip, an event and the people directory's filter
// list the member's own places, their organisation's and one picked on a place's page, not
// every place; the directory pages through all of them. A network of the usual size lists all.
// (The guidance log's form: guidance-large-network.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import { POINT_LIST_MAX } from '~/domain/reports/point-choices';
import * as eventEdit from '~/routes/events.$id.edit';
import * as eventNew from '~/routes/events.new';
import * as peoplePage from '~/routes/people._index';
import * as profileRoute from '~/routes/profile._index';
import * as referralNew from '~/routes/referrals.new';
import * as directory from '~/routes/support-points._index';
import * as pointPage from '~/routes/support-points.$slug._index';
import { makeBulkSupportPoints, makeOrganisation, makeSupportPoint } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

type Place = { id: string; name: string; district: string };
type ProfilePage = {
  supportPoints: Place[];
  placesShortened: boolean;
  adding: string | null;
  profile: { supportPoints: { supportPointId: string }[] };
};

let orgA: string;
let orgB: string;
let member: Awaited<ReturnType<typeof loginAs>>;
const points: Record<string, { id: string; name: string; slug: string }> = {};

const profileFor = async (cookie: string, query = '') =>
  json<ProfilePage>(await callLoader(profileRoute, makeRequest(`/profile${query}`, { cookie })));

async function saveProfile(cookie: string, supportPointIds: string[]) {
  const response = await callAction(
    profileRoute,
    makeRequest('/profile', { cookie, form: { name: 'Aino', locale: 'fi', supportPointIds } }),
  );
  expect(response.status, await response.clone().text()).toBe(200);
}

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  member = await loginAs('adviser', orgA);
  points.hosted = await makeSupportPoint(db, { hostOrganisationId: orgA, name: 'A: oman organisaation' });
  points.mine = await makeSupportPoint(db, { hostOrganisationId: orgB, name: 'B: oma', district: 'Kontula' });
  points.stranger = await makeSupportPoint(db, { hostOrganisationId: orgB, name: 'C: vieras' });
  points.closed = await makeSupportPoint(db, {
    hostOrganisationId: orgA,
    active: false,
    name: 'D: suljettu',
  });
  points.neighbour = await makeSupportPoint(db, {
    hostOrganisationId: orgB,
    name: 'E: naapuri',
    district: 'Kontula',
  });
  await db.userSupportPoint.create({ data: { userId: member.user.id, supportPointId: points.mine.id } });
});

describe("the profile's places in a network of the usual size", () => {
  it('lists every active place, nothing shortened', async () => {
    const page = await profileFor(member.cookie);
    expect(page.placesShortened).toBe(false);
    const ids = page.supportPoints.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([points.hosted!.id, points.mine!.id, points.stranger!.id]));
    expect(ids).not.toContain(points.closed!.id);
  });
});

describe("the profile's places in a large network", () => {
  beforeAll(async () => {
    await makeBulkSupportPoints(db, POINT_LIST_MAX, { hostOrganisationId: orgB, district: 'Pasila' });
  });

  it("lists the member's own places and their organisation's, in name order", async () => {
    const page = await profileFor(member.cookie);
    expect(page.placesShortened).toBe(true);
    expect(page.supportPoints.map((p) => p.name)).toEqual(['A: oman organisaation', 'B: oma']);
    expect(page.supportPoints[1]!.district).toBe('Kontula');
    expect(page.adding).toBeNull();
  });

  it("a place's page offers to add it; the profile then lists it ticked, and saving adds it", async () => {
    const pageOf = async (slug: string) =>
      await json<{ point: { mine: boolean } }>(
        await callLoader(pointPage, makeRequest(`/support-points/${slug}`, { cookie: member.cookie }), {
          slug,
        }),
      );
    expect((await pageOf(points.mine!.slug)).point.mine).toBe(true);
    expect((await pageOf(points.stranger!.slug)).point.mine).toBe(false);

    const page = await profileFor(member.cookie, `?point=${points.stranger!.id}`);
    expect(page.supportPoints.map((p) => p.name)).toEqual(['A: oman organisaation', 'B: oma', 'C: vieras']);
    expect(page.adding).toBe(points.stranger!.id);
    // A closed place, one already hers, or not a place at all, adds nothing.
    for (const query of [
      `?point=${points.closed!.id}`,
      `?point=${points.mine!.id}`,
      '?point=not-a-uuid',
      '?point=',
    ]) {
      const other = await profileFor(member.cookie, query);
      expect(other.supportPoints).toHaveLength(2);
      expect(other.adding).toBeNull();
    }
    await saveProfile(member.cookie, [points.mine!.id, points.stranger!.id]);
    const after = await profileFor(member.cookie);
    expect(after.supportPoints.map((p) => p.name)).toEqual(['A: oman organisaation', 'B: oma', 'C: vieras']);
    // Unticking one of the listed places removes it, and it leaves the list.
    await saveProfile(member.cookie, [points.stranger!.id]);
    const removed = await profileFor(member.cookie);
    expect(removed.supportPoints.map((p) => p.name)).toEqual(['A: oman organisaation', 'C: vieras']);
  });

  it("a colleague's list is their own; a newcomer's is empty but says where to find places", async () => {
    const colleague = await loginAs('adviser', orgB);
    const page = await profileFor(colleague.cookie);
    expect(page.supportPoints.map((p) => p.id)).not.toContain(points.hosted!.id);
    // Their organisation hosts every bulk place and the other three: all of them.
    expect(page.supportPoints).toHaveLength(POINT_LIST_MAX + 3);
    const newcomer = await loginAs('adviser', (await makeOrganisation(db)).id);
    expect(await profileFor(newcomer.cookie)).toMatchObject({ supportPoints: [], placesShortened: true });
  });
});

describe('the other place lists of a large network', () => {
  // The member's own places: A (their organisation's), B and C (their profile's).
  beforeAll(() => saveProfile(member.cookie, [points.mine!.id, points.stranger!.id]));
  const names = (list: { name: string }[]) => list.map((p) => p.name);

  it('the directory pages through every place and counts them all', async () => {
    type Directory = { points: { name: string }[]; total: number; page: number; pages: number };
    const first = await json<Directory>(
      await callLoader(directory, makeRequest('/support-points', { cookie: member.cookie })),
    );
    const active = await db.supportPoint.count({ where: { active: true } });
    expect(active).toBeGreaterThan(POINT_LIST_MAX);
    expect(first).toMatchObject({ total: active, page: 1, pages: Math.ceil(active / 50) });
    expect(first.points).toHaveLength(50);
    const last = await json<Directory>(
      await callLoader(
        directory,
        makeRequest(`/support-points?page=${first.pages}`, { cookie: member.cookie }),
      ),
    );
    expect(last.points).toHaveLength(active - (first.pages - 1) * 50);
    // Every active place is on one page, once.
    const all: string[] = [];
    for (let page = 1; page <= first.pages; page++) {
      const listed = await json<Directory>(
        await callLoader(directory, makeRequest(`/support-points?page=${page}`, { cookie: member.cookie })),
      );
      all.push(...names(listed.points));
    }
    expect(new Set(all).size).toBe(active);
    expect(all).toContain('Bulk 299');
    // In name order across the pages, and one statement a page besides who is asking.
    expect(all).toEqual([...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const before = statementCount();
    await callLoader(directory, makeRequest('/support-points?page=2', { cookie: member.cookie }));
    expect(statementCount() - before).toBe(2);
  });

  it('a referral goes to a place near the adviser’s own, or to one picked in the directory', async () => {
    type Referral = {
      choices: {
        toPoints: { slug: string; name: string }[];
        fromPoints: { name: string }[];
        shortened: boolean;
      };
      defaults: { toPoint: string };
      formAction: string;
    };
    const form = async (query = '') =>
      json<Referral>(
        await callLoader(referralNew, makeRequest(`/referrals/new${query}`, { cookie: member.cookie })),
      );
    const plain = await form();
    expect(plain.choices.shortened).toBe(true);
    // Kontula's places (B is one of hers, E its neighbour) and her other places' districts'
    // (A and C are in Keskusta, none of the bulk places is), by district.
    expect(names(plain.choices.toPoints)).toEqual([
      'A: oman organisaation',
      'C: vieras',
      'B: oma',
      'E: naapuri',
    ]);
    expect(names(plain.choices.fromPoints)).toEqual(['A: oman organisaation', 'B: oma', 'C: vieras']);
    expect(plain.formAction).toBe('/referrals/new');
    const picked = await form('?to=bulk-7');
    expect(names(picked.choices.toPoints)).toContain('Bulk 007');
    expect(picked.defaults.toPoint).toBe('bulk-7');
    expect(picked.formAction).toBe('/referrals/new?to=bulk-7');
    // Where from stays the adviser's own places.
    expect(names(picked.choices.fromPoints)).toEqual(['A: oman organisaation', 'B: oma', 'C: vieras']);
    const closed = await form(`?to=${points.closed!.slug}`);
    expect(closed.choices.toPoints).toHaveLength(4);
    expect(closed.defaults.toPoint).toBe('');
  });

  it("the people directory's filter lists the member's places and the one filtered by", async () => {
    type People = { points: { id: string; name: string }[]; pointsShortened: boolean };
    const page = await json<People>(
      await callLoader(peoplePage, makeRequest('/people', { cookie: member.cookie })),
    );
    expect(page.pointsShortened).toBe(true);
    expect(names(page.points)).toEqual(['A: oman organisaation', 'B: oma', 'C: vieras']);
    const bulk = await db.supportPoint.findUniqueOrThrow({ where: { slug: 'bulk-9' } });
    const filtered = await json<People>(
      await callLoader(peoplePage, makeRequest(`/people?point=${bulk.id}`, { cookie: member.cookie })),
    );
    expect(names(filtered.points)).toContain('Bulk 009');
  });

  it("an event is announced at the organiser's places, one picked on a place's page, or its own", async () => {
    const organiser = await loginAs('coordinator', orgA);
    type EventForm = {
      supportPoints: { id: string; name: string }[];
      supportPointsShortened: boolean;
      defaults: { supportPointId: string };
    };
    const plain = await json<EventForm>(
      await callLoader(eventNew, makeRequest('/events/new', { cookie: organiser.cookie })),
    );
    expect(plain.supportPointsShortened).toBe(true);
    expect(names(plain.supportPoints)).toEqual(['A: oman organisaation']);
    expect(plain.defaults.supportPointId).toBe('');
    const bulk = await db.supportPoint.findUniqueOrThrow({ where: { slug: 'bulk-11' } });
    // The place's page offers the form with the place, to those who may announce events.
    const offered = await json<{ canAnnounce: boolean }>(
      await callLoader(pointPage, makeRequest('/support-points/bulk-11', { cookie: organiser.cookie }), {
        slug: 'bulk-11',
      }),
    );
    expect(offered.canAnnounce).toBe(true);
    const picked = await json<EventForm>(
      await callLoader(eventNew, makeRequest(`/events/new?point=${bulk.id}`, { cookie: organiser.cookie })),
    );
    expect(names(picked.supportPoints)).toEqual(['A: oman organisaation', 'Bulk 011']);
    expect(picked.defaults.supportPointId).toBe(bulk.id);
    // An event at a place that is not the organiser's keeps it listed when edited.
    const event = await db.event.create({
      data: {
        type: 'training_day',
        titleFi: 'Koulutus',
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
        placeKind: 'support_point',
        supportPointId: bulk.id,
        createdById: organiser.user.id,
      },
    });
    const edit = await json<EventForm>(
      await callLoader(eventEdit, makeRequest(`/events/${event.id}/edit`, { cookie: organiser.cookie }), {
        id: event.id,
      }),
    );
    expect(names(edit.supportPoints)).toEqual(['A: oman organisaation', 'Bulk 011']);
  });
});
