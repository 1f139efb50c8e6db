// Referral slips (issue 17 item 5, ADR 032): made by an adviser, opened by the resident at
// /r/<code> in their language, counted from → to in the dashboards with the small-group rule.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { signUp } from '~/domain/roster/shifts.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate } from '~/utils/calendar-days';
import * as newRoute from '~/routes/referrals.new';
import * as slipRoute from '~/routes/r.$code';
import * as reportsRoute from '~/routes/reports._index';
import { makeOrganisation, makeSupportPoint, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, makeRequest, memberAsActor } from '#tests/helpers';

const today = helsinkiToday();
let orgA: string;
let from: { id: string; slug: string; name: string };
let to: { id: string; slug: string; name: string };
let adviser: { id: string; name: string; email: string };
let cookie: string;

type SlipData = {
  destination: { kind: string; name?: string; helpTimes?: { date: string }[]; text?: string };
  bring: string[];
  bringOther: string;
  url: string;
};

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  from = await makeSupportPoint(db, { name: 'Lähtökirjasto', hostOrganisationId: orgA });
  to = await makeSupportPoint(db, { name: 'Svenska stödpunkten', hostOrganisationId: orgA });
  const slot = await db.helpSlot.create({
    data: {
      supportPointId: to.id,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startsAt: '13:00',
      endsAt: '15:00',
      validFrom: dayDate(today),
      languages: ['sv'],
      needed: 1,
    },
  });
  const onDuty = await makeUser(db, { organisationId: orgA, name: 'Rådgivare Med Namn' });
  await signUp(await memberAsActor(onDuty.id), {
    slotId: slot.id,
    date: addDays(today, 3),
    repeat: 'once',
    until: null,
  });
  adviser = await makeUser(db, { organisationId: orgA, name: 'Ohjaava Neuvoja' });
  cookie = await cookieFor(adviser.id);
});

const make = (form: Record<string, string | string[]>, who = cookie) =>
  callAction(newRoute, makeRequest('/referrals/new', { cookie: who, form }));

const slip = async (location: string) => {
  const [path, query] = location.split('?');
  const code = path!.split('/r/')[1]!;
  return json<SlipData>(await callLoader(slipRoute, makeRequest(`/r/${code}?${query ?? ''}`), { code }));
};

describe('making a referral slip', () => {
  it("sends the adviser to the slip in the resident's language: the point, its staffed times, what to bring, no names", async () => {
    const response = await make({
      toKind: 'point',
      toPoint: to.slug,
      fromPoint: from.id,
      language: 'sv',
      bring: ['bank_codes', 'own_device'],
      bringOther: 'Kela-brevet',
    });
    expect(response.status).toBe(302);
    const location = response.headers.get('Location')!;
    expect(location).toMatch(/^\/r\/[a-z0-9]{8}\?lng=sv$/);
    const data = await slip(location);
    expect(data.destination).toMatchObject({ kind: 'point', name: 'Svenska stödpunkten' });
    expect(data.destination.helpTimes!.map((t) => t.date)).toEqual([addDays(today, 3)]);
    expect(data.bring).toEqual(['bank_codes', 'own_device']);
    expect(data.bringOther).toBe('Kela-brevet');
    expect(data.url).toMatch(/\/r\/[a-z0-9]{8}\?lng=sv$/);
    const text = JSON.stringify(data);
    expect(text).not.toContain('Ohjaava Neuvoja');
    expect(text).not.toContain('Rådgivare Med Namn');
    // Anyone with the code opens it: no login.
    const code = location.split('/r/')[1]!.split('?')[0]!;
    expect((await callLoader(slipRoute, makeRequest(`/r/${code}`), { code })).status).toBe(200);
  });

  it('refers to a place written out, or to an e-service', async () => {
    const other = await make({
      toKind: 'other',
      toOther: 'Pankin puhelinpalvelu 0800 12345',
      language: 'fi',
    });
    expect((await slip(other.headers.get('Location')!)).destination).toEqual({
      kind: 'other',
      text: 'Pankin puhelinpalvelu 0800 12345',
    });
    const service = await db.eService.create({
      data: {
        slug: `palvelu-${Date.now()}`,
        nameFi: 'Omapalvelu',
        nameEn: 'Own service',
        publicUrl: 'https://palvelu.example.test',
      },
    });
    const toService = await make({ toKind: 'eservice', toEservice: service.slug, language: 'en' });
    expect((await slip(toService.headers.get('Location')!)).destination).toMatchObject({
      kind: 'eservice',
      name: 'Own service',
    });
  });

  it('says what is missing next to the field, keeps what was typed and makes nothing', async () => {
    const before = await db.referral.count();
    const response = await make({
      toKind: 'point',
      toPoint: '',
      language: 'fi',
      bring: ['glasses'],
      bringOther: 'Lasit',
    });
    expect(response.status).toBe(400);
    const body = await json<{ errors: Record<string, { key: string }>; values: Record<string, unknown> }>(
      response,
    );
    expect(body.errors.toPoint?.key).toBe('roster:referral.errors.destination');
    expect(body.values).toMatchObject({ bring: 'glasses', bringOther: 'Lasit' });
    const unknown = await make({ toKind: 'point', toPoint: 'ei-ole', language: 'fi' });
    expect(unknown.status).toBe(400);
    expect(await db.referral.count()).toBe(before);
  });

  it('is not found for an unknown code or after 90 days', async () => {
    expect((await callLoader(slipRoute, makeRequest('/r/zzzzzzzz'), { code: 'zzzzzzzz' })).status).toBe(404);
    const old = await db.referral.create({
      data: {
        code: 'vanha234',
        toOther: 'Jossain',
        language: 'fi',
        createdAt: new Date(Date.now() - 91 * 86_400_000),
      },
    });
    expect((await callLoader(slipRoute, makeRequest(`/r/${old.code}`), { code: old.code })).status).toBe(404);
  });
});

describe('referrals in the dashboards', () => {
  it('counts from → to; across organisations a flow of fewer than five is hidden', async () => {
    const org = (await makeOrganisation(db)).id;
    const a = await makeSupportPoint(db, { name: 'Laskurikirjasto A', hostOrganisationId: org });
    const b = await makeSupportPoint(db, { name: 'Laskurikirjasto B', hostOrganisationId: org });
    const member = await makeUser(db, { organisationId: org, role: 'org_admin' });
    const memberCookie = await cookieFor(member.id);
    for (let i = 0; i < 6; i++)
      expect(
        (await make({ toKind: 'point', toPoint: b.slug, fromPoint: a.id, language: 'fi' }, memberCookie))
          .status,
      ).toBe(302);
    for (let i = 0; i < 2; i++)
      expect(
        (await make({ toKind: 'other', toOther: `Muu ${i}`, fromPoint: a.id, language: 'fi' }, memberCookie))
          .status,
      ).toBe(302);
    type Flows = { referrals: { from: string | null; to: string; kind: string; count: number | null }[] };
    const own = await json<Flows>(
      await callLoader(reportsRoute, makeRequest('/reports?scope=organisation', { cookie: memberCookie })),
    );
    expect(own.referrals).toEqual([
      { from: 'Laskurikirjasto A', to: 'Laskurikirjasto B', kind: 'point', count: 6 },
      { from: 'Laskurikirjasto A', to: '', kind: 'other', count: 2 },
    ]);
    const coordinator = await cookieFor(
      (await makeUser(db, { organisationId: orgA, role: 'coordinator' })).id,
    );
    const network = await json<Flows>(
      await callLoader(
        reportsRoute,
        makeRequest(`/reports?scope=all&organisation=${org}`, { cookie: coordinator }),
      ),
    );
    expect(network.referrals).toEqual([
      { from: 'Laskurikirjasto A', to: 'Laskurikirjasto B', kind: 'point', count: 6 },
      { from: 'Laskurikirjasto A', to: '', kind: 'other', count: null },
    ]);
  });
});
