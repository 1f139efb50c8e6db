// The guidance log in a large network (issue 14, the national data's 1,500 places): the form
// lists the adviser's own places, their organisation's and a place picked in the directory,
// not every place; any active place can still be logged. A network of the usual size lists all.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { POINT_LIST_MAX } from '~/domain/reports/point-choices';
import { helsinkiToday } from '~/i18n/format';
import * as logPage from '~/routes/reports.log._index';
import * as entryPage from '~/routes/reports.log.$id';
import * as saveRoute from '~/routes/reports.log.save';
import { makeBulkSupportPoints, makeOrganisation, makeSupportPoint } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

type Page = {
  choices: { points: { id: string; name: string }[]; pointsShortened: boolean };
  defaults: Record<string, string>;
  formAction: string;
};

let orgA: string;
let orgB: string;
let adviser: Awaited<ReturnType<typeof loginAs>>;
const points: Record<string, { id: string; name: string }> = {};

const logPageFor = async (cookie: string, query = '') =>
  json<Page>(await callLoader(logPage, makeRequest(`/reports/log${query}`, { cookie })));

async function logAt(cookie: string, supportPointId: string) {
  const response = await callAction(
    saveRoute,
    makeRequest('/reports/log/save', {
      cookie,
      form: {
        idempotencyKey: crypto.randomUUID(),
        date: helsinkiToday(),
        supportPointId,
        device: 'android',
        topics: ['banking'],
        channel: 'support_point',
        serviceLevel: '1',
        durationMinutes: '30',
        language: 'fi',
        ageGroup: '',
        outcome: 'solved',
        eserviceId: '',
        referredTo: '',
        note: '',
      },
    }),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return (await json<{ id: string }>(response)).id;
}

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  adviser = await loginAs('adviser', orgA);
  points.hosted = await makeSupportPoint(db, { hostOrganisationId: orgA, name: 'A: oman organisaation' });
  points.profile = await makeSupportPoint(db, { hostOrganisationId: orgB, name: 'B: profiilin' });
  points.logged = await makeSupportPoint(db, { hostOrganisationId: orgB, name: 'C: kirjattu' });
  points.shift = await makeSupportPoint(db, { hostOrganisationId: orgB, name: 'D: vuoron' });
  points.stranger = await makeSupportPoint(db, { hostOrganisationId: orgB, name: 'E: vieras' });
  points.elsewhere = await makeSupportPoint(db, { hostOrganisationId: orgB, name: 'F: muualla' });
  points.closed = await makeSupportPoint(db, {
    hostOrganisationId: orgA,
    active: false,
    name: 'G: suljettu',
  });
  await db.userSupportPoint.createMany({
    data: [points.profile, points.closed].map((p) => ({ userId: adviser.user.id, supportPointId: p.id })),
  });
  const slot = await db.helpSlot.create({
    data: {
      supportPointId: points.shift.id,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startsAt: '10:00',
      endsAt: '12:00',
      validFrom: new Date(`${helsinkiToday()}T00:00:00Z`),
    },
  });
  await db.shift.create({
    data: { slotId: slot.id, userId: adviser.user.id, date: new Date(`${helsinkiToday()}T00:00:00Z`) },
  });
});

describe('the log form in a network of the usual size', () => {
  it('lists every active place', async () => {
    const page = await logPageFor(adviser.cookie);
    expect(page.choices.pointsShortened).toBe(false);
    const ids = page.choices.points.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([points.stranger!.id, points.elsewhere!.id, points.hosted!.id]),
    );
    expect(ids).not.toContain(points.closed!.id);
  });
});

describe('the log form in a large network', () => {
  beforeAll(async () => {
    await logAt(adviser.cookie, points.logged!.id);
    // More active places than the form lists (none of them the adviser's).
    await makeBulkSupportPoints(db, POINT_LIST_MAX, { hostOrganisationId: orgB, district: 'Keskusta' });
  });

  it("lists the adviser's own places, their organisation's and the last one, in name order", async () => {
    const page = await logPageFor(adviser.cookie);
    expect(page.choices.pointsShortened).toBe(true);
    expect(page.choices.points.map((p) => p.name)).toEqual([
      'A: oman organisaation',
      'B: profiilin',
      'C: kirjattu',
      'D: vuoron',
    ]);
    // The form starts from the last entry's place, which is listed.
    expect(page.defaults.supportPointId).toBe(points.logged!.id);
    expect(page.formAction).toBe('/reports/log');
  });

  it('a place picked in the directory is listed and chosen, also after a failed save without JavaScript', async () => {
    const page = await logPageFor(adviser.cookie, `?point=${points.stranger!.id}`);
    expect(page.choices.points.map((p) => p.id)).toContain(points.stranger!.id);
    expect(page.defaults.supportPointId).toBe(points.stranger!.id);
    expect(page.formAction).toBe(`/reports/log?point=${points.stranger!.id}`);
    // A closed place, or not a place at all, changes nothing.
    for (const query of [`?point=${points.closed!.id}`, '?point=not-a-uuid', '?point=']) {
      const other = await logPageFor(adviser.cookie, query);
      expect(other.choices.points).toHaveLength(4);
      expect(other.defaults.supportPointId).toBe(points.logged!.id);
    }
  });

  it('any active place can be logged, and its entry lists it when corrected', async () => {
    const id = await logAt(adviser.cookie, points.elsewhere!.id);
    const entry = await json<Page>(
      await callLoader(entryPage, makeRequest(`/reports/log/${id}`, { cookie: adviser.cookie }), { id }),
    );
    expect(entry.choices.points.map((p) => p.id)).toContain(points.elsewhere!.id);
    expect(entry.choices.pointsShortened).toBe(true);
  });

  it("the last entry's place stays listed however old the entry is", async () => {
    const orgC = (await makeOrganisation(db)).id;
    const returning = await loginAs('adviser', orgC);
    const id = await logAt(returning.cookie, points.stranger!.id);
    await db.guidanceSession.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - 2 * 365 * 86_400_000) },
    });
    const page = await logPageFor(returning.cookie);
    expect(page.choices.points.map((p) => p.id)).toEqual([points.stranger!.id]);
    expect(page.defaults.supportPointId).toBe(points.stranger!.id);
    // A new adviser of a large network has no places yet: the form says where to find them.
    const newcomer = await loginAs('adviser', orgC);
    const empty = await logPageFor(newcomer.cookie);
    expect(empty.choices).toMatchObject({ points: [], pointsShortened: true });
  });

  it("a colleague's list is their own", async () => {
    const colleague = await loginAs('adviser', orgB);
    const page = await logPageFor(colleague.cookie);
    expect(page.choices.points.map((p) => p.id)).not.toContain(points.hosted!.id);
    // Their organisation hosts every bulk place: all of them, and nothing of the adviser's.
    expect(page.choices.points).toHaveLength(POINT_LIST_MAX + 5);
  });
});
