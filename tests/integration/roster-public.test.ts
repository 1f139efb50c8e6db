// What residents and the city's pages see of the roster (issue 17 items 4 and 6, ADR 031): the
// point's public page /p/<slug> and the open-data feed — staffed future times only, never names.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { publicRosterLoads } from '~/domain/roster/public.server';
import { slotTimes } from '~/domain/roster/recurrence';
import { cancelShift, signUp } from '~/domain/roster/shifts.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate } from '~/utils/calendar-days';
import * as publicRoute from '~/routes/p.$slug';
import * as jsonRoute from '~/routes/open.v1.support-points[.]json';
import * as icsRoute from '~/routes/open.v1.support-points[.]ics';
import { makeOrganisation, makeSupportPoint, makeUser } from '#tests/factories';
import { callLoader, cookieFor, json, makeRequest, memberAsActor } from '#tests/helpers';

const today = helsinkiToday();
const day1 = addDays(today, 2);
const day2 = addDays(today, 9);
let point: { id: string; slug: string; name: string };
let slotId: string;
const adviserNames: string[] = [];
let firstShiftId: string;
let orgId: string;

type PublicData = {
  point: { name: string; accessibility: { text: string } };
  helpTimes: { date: string; startsAt: string; languages: string[] }[];
};

beforeAll(async () => {
  const org = await makeOrganisation(db);
  orgId = org.id;
  point = await makeSupportPoint(db, { hostOrganisationId: org.id, name: 'Testilän kirjasto' });
  await db.supportPoint.update({
    where: { id: point.id },
    data: { accessibilityFi: 'Esteetön sisäänkäynti', accessibilityEn: 'Step-free entrance' },
  });
  // Every day for three weeks, so day1 and day2 both have the slot whatever today is.
  const slot = await db.helpSlot.create({
    data: {
      supportPointId: point.id,
      organisationId: org.id,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startsAt: '10:00',
      endsAt: '12:00',
      validFrom: dayDate(today),
      validUntil: dayDate(addDays(today, 20)),
      exceptions: [dayDate(addDays(today, 3))],
      languages: ['fi', 'sv'],
      topics: ['banking'],
      needed: 2,
    },
  });
  slotId = slot.id;
  // day1 staffed by two, day2 by one (short, still staffed), every other day empty.
  for (const [i, date] of [day1, day1, day2].entries()) {
    const adviser = await makeUser(db, { organisationId: org.id, name: `Neuvoja Nimellinen ${i}` });
    adviserNames.push(adviser.name);
    const result = await signUp(await memberAsActor(adviser.id), {
      slotId,
      date,
      repeat: 'once',
      until: null,
    });
    expect(result.ok).toBe(true);
    if (i === 2) firstShiftId = (await db.shift.findFirstOrThrow({ where: { userId: adviser.id } })).id;
  }
});

const page = async (slug: string, lng = 'fi') =>
  callLoader(publicRoute, makeRequest(`/p/${slug}?lng=${lng}`), { slug });

describe("a point's page for residents", () => {
  it('shows only the staffed coming times with languages, no names, without a login', async () => {
    const response = await page(point.slug);
    expect(response.status).toBe(200);
    const body = await json<PublicData>(response);
    expect(body.helpTimes.map((t) => t.date)).toEqual([day1, day2]);
    expect(body.helpTimes[0]).toMatchObject({ startsAt: '10:00', languages: ['fi', 'sv'] });
    expect(body.point.accessibility.text).toBe('Esteetön sisäänkäynti');
    const text = JSON.stringify(body);
    for (const name of adviserNames) expect(text).not.toContain(name);
    expect(text).not.toContain('@');
  });

  it("may be kept by shared caches for a minute, but not a member's copy or one that sets a cookie", async () => {
    expect((await page(point.slug)).headers.get('Cache-Control')).toBe('public, max-age=60');
    const member = await makeUser(db, { organisationId: orgId });
    const own = await callLoader(
      publicRoute,
      makeRequest(`/p/${point.slug}`, { cookie: await cookieFor(member.id) }),
      { slug: point.slug },
    );
    expect(own.headers.get('Cache-Control')).toBe('private, no-store');
    const headers = (parent: Headers) =>
      new Headers(
        publicRoute.headers({
          parentHeaders: parent,
          loaderHeaders: new Headers({ 'Cache-Control': 'public, max-age=60' }),
          actionHeaders: new Headers(),
          errorHeaders: undefined,
        }) as HeadersInit,
      );
    expect(headers(new Headers()).get('Cache-Control')).toBe('public, max-age=60');
    expect(headers(new Headers({ 'Set-Cookie': 'tk_session=x' })).get('Cache-Control')).toBe(
      'private, no-store',
    );
  });

  it('reads the database once for many readers, and again at once when a shift is cancelled', async () => {
    await page(point.slug);
    const loads = publicRosterLoads();
    for (let i = 0; i < 20; i++) await page(point.slug, ['fi', 'sv', 'en'][i % 3]);
    expect(publicRosterLoads()).toBe(loads);
    const adviser = await db.shift.findUniqueOrThrow({
      where: { id: firstShiftId },
      select: { userId: true },
    });
    const cancelled = await cancelShift(await memberAsActor(adviser.userId), firstShiftId, 'Flunssa');
    expect(cancelled.ok).toBe(true);
    const body = await json<PublicData>(await page(point.slug));
    // day2's only adviser cancelled: nobody is there, so residents no longer see it.
    expect(body.helpTimes.map((t) => t.date)).toEqual([day1]);
    expect(publicRosterLoads()).toBe(loads + 1);
  });

  it('is not found for an unknown or closed point', async () => {
    expect((await page('ei-ole-olemassa')).status).toBe(404);
    const closed = await makeSupportPoint(db, { active: false });
    expect((await page(closed.slug)).status).toBe(404);
  });
});

type Feed = {
  version: string;
  supportPoints: {
    id: string;
    name: string;
    url: string;
    accessibility: { fi: string; sv: string; en: string };
    helpTimes: { start: string; end: string; languages: string[]; topics: string[] }[];
  }[];
};

describe('the open-data feed', () => {
  it('lists active points with their staffed future times, no personal data, with an ETag', async () => {
    const response = await callLoader(jsonRoute, makeRequest('/open/v1/support-points.json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const text = await response.text();
    const feed = JSON.parse(text) as Feed;
    expect(feed.version).toBe('1');
    const ours = feed.supportPoints.find((p) => p.id === point.slug)!;
    expect(ours.url).toMatch(new RegExp(`/p/${point.slug}$`));
    expect(ours.accessibility).toEqual({ fi: 'Esteetön sisäänkäynti', sv: '', en: 'Step-free entrance' });
    expect(ours.helpTimes).toHaveLength(1);
    expect(ours.helpTimes[0]).toMatchObject({ languages: ['fi', 'sv'], topics: ['banking'] });
    expect(new Date(ours.helpTimes[0]!.start).getTime()).toBeGreaterThan(Date.now());
    expect(feed.supportPoints.every((p) => p.helpTimes.every((t) => new Date(t.end) > new Date()))).toBe(
      true,
    );
    for (const name of adviserNames) expect(text).not.toContain(name);
    expect(text).not.toMatch(/@|email|userId/i);
    expect(feed.supportPoints.some((p) => p.id.startsWith('point-') && p.name === '')).toBe(false);

    // The reader's copy is current: 304 without a body; a change gives a new tag.
    const etag = response.headers.get('ETag')!;
    const again = await callLoader(
      jsonRoute,
      makeRequest('/open/v1/support-points.json', { headers: { 'If-None-Match': etag } }),
    );
    expect(again.status).toBe(304);
    const adviser = await makeUser(db, { organisationId: orgId });
    await signUp(await memberAsActor(adviser.id), { slotId, date: day2, repeat: 'once', until: null });
    const changed = await callLoader(
      jsonRoute,
      makeRequest('/open/v1/support-points.json', { headers: { 'If-None-Match': etag } }),
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
    expect(
      (JSON.parse(await changed.text()) as Feed).supportPoints.find((p) => p.id === point.slug)!.helpTimes,
    ).toHaveLength(2);
  });

  it('gives the same times as iCalendar, titled in the asked language', async () => {
    const response = await callLoader(icsRoute, makeRequest('/open/v1/support-points.ics?lng=sv'));
    expect(response.headers.get('Content-Type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const ours = calendar
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .filter((e) => e.summary === `Digistöd: ${point.name}`);
    expect(ours.map((e) => e.startDate.toJSDate().toISOString()).sort()).toEqual(
      [day1, day2].map((d) => slotTimes({ startsAt: '10:00', endsAt: '12:00' }, d).start.toISOString()),
    );
    expect(ours[0]!.description).toContain('finska');
  });

  it('answers 429 with Retry-After to an address that asks too often', async () => {
    let response: Response | null = null;
    for (let i = 0; i < 320; i++) {
      response = await callLoader(jsonRoute, makeRequest('/open/v1/support-points.json'));
      if (response.status === 429) break;
    }
    expect(response!.status).toBe(429);
    expect(Number(response!.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});
