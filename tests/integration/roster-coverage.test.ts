// Coverage of help times and asking advisers to fill the gaps (issue 17 item 3, ADR 031).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { gapListLoads, type Grid } from '~/domain/roster/coverage.server';
import { forgetPublicRoster } from '~/domain/roster/public.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate, weekStart } from '~/utils/calendar-days';
import * as coverageRoute from '~/routes/roster._index';
import * as gapsRoute from '~/routes/roster.gaps';
import { makeOrganisation, makeSupportPoint, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, makeRequest, memberAsActor } from '#tests/helpers';
import { signUp } from '~/domain/roster/shifts.server';

const today = helsinkiToday();
// Next week, Monday to Sunday: every day of it is in the future.
const monday = weekStart(addDays(today, 7));
const day = (n: number) => addDays(monday, n);
let orgA: string;
let orgB: string;
let points: Record<'kallio1' | 'kallio2' | 'vuosaari', { id: string; slug: string; name: string }>;
let slots: Record<string, string>;
let coordinatorCookie: string;

async function slot(
  pointId: string,
  organisationId: string,
  weekdays: number[],
  languages: string[],
  needed = 2,
) {
  return (
    await db.helpSlot.create({
      data: {
        supportPointId: pointId,
        organisationId,
        weekdays,
        startsAt: '10:00',
        endsAt: '12:00',
        validFrom: dayDate(today),
        languages,
        topics: ['banking'],
        needed,
      },
    })
  ).id;
}

async function shifts(slotId: string, date: string, live: number, cancelled = 0) {
  for (let i = 0; i < live + cancelled; i++) {
    const user = await makeUser(db, { organisationId: orgA });
    await db.shift.create({
      data: {
        slotId,
        date: dayDate(date),
        userId: user.id,
        ...(i >= live ? { cancelledAt: new Date() } : {}),
      },
    });
  }
}

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  points = {
    kallio1: await makeSupportPoint(db, { district: 'Kallio', name: 'Kallio A', hostOrganisationId: orgA }),
    kallio2: await makeSupportPoint(db, { district: 'Kallio', name: 'Kallio B', hostOrganisationId: orgB }),
    vuosaari: await makeSupportPoint(db, {
      district: 'Vuosaari',
      name: 'Vuosaari C',
      hostOrganisationId: orgA,
    }),
  };
  // Somali ("so") is on these slots only, so the network's grid filtered by it holds just them.
  slots = {
    k1: await slot(points.kallio1.id, orgA, [1, 3], ['fi', 'so']), // Mon, Wed
    k2: await slot(points.kallio2.id, orgB, [1], ['so']), // Mon
    v: await slot(points.vuosaari.id, orgA, [1], ['so', 'sv']), // Mon
  };
  await shifts(slots.k1!, day(0), 2); // staffed
  await shifts(slots.k1!, day(2), 1); // short
  await shifts(slots.k2!, day(0), 1, 1); // one left, one cancelled
  // slots.v on Monday: empty
  coordinatorCookie = await cookieFor((await makeUser(db, { role: 'coordinator', organisationId: orgB })).id);
});

const grid = async (query: string, cookie = coordinatorCookie) =>
  (await json<{ grid: Grid }>(await callLoader(coverageRoute, makeRequest(`/roster?${query}`, { cookie }))))
    .grid;

describe('the coverage grid', () => {
  it('shows the network by area, an area by point and a point by help time, with the states counted', async () => {
    const network = await grid(`from=${monday}&language=so`);
    expect(network.level).toBe('network');
    expect(network.days).toHaveLength(7);
    expect(network.rows.map((r) => r.label)).toEqual(['Kallio', 'Vuosaari']);
    const kallio = network.rows[0]!;
    expect(kallio.cells[0]).toEqual({ staffed: 1, short: 0, empty: 0, cancelled: 1 });
    expect(kallio.cells[2]).toEqual({ staffed: 0, short: 1, empty: 0, cancelled: 0 });
    expect(kallio.cells[1]).toBeNull();
    expect(network.rows[1]!.cells[0]).toEqual({ staffed: 0, short: 0, empty: 1, cancelled: 0 });
    expect(network.totals).toEqual({ staffed: 1, short: 1, empty: 1, cancelled: 1 });

    const area = await grid(`from=${monday}&language=so&area=Kallio`);
    expect(area.level).toBe('area');
    expect(area.rows.map((r) => [r.label, r.drill])).toEqual([
      ['Kallio A', { pointSlug: points.kallio1.slug }],
      ['Kallio B', { pointSlug: points.kallio2.slug }],
    ]);

    const point = await grid(`from=${monday}&point=${points.kallio2.slug}`);
    expect(point.level).toBe('point');
    expect(point.rows[0]!.detail![0]).toEqual({ live: 1, needed: 2, cancelled: 1 });
  });

  it('is kept for readers of the same view, and a sign-up shows at once', async () => {
    const query = `from=${monday}&point=${points.vuosaari.slug}`;
    expect((await grid(query)).rows[0]!.detail![0]).toEqual({ live: 0, needed: 2, cancelled: 0 });
    // Written behind the app's back: the kept grid does not see it...
    const sneaky = await makeUser(db, { organisationId: orgA });
    await db.shift.create({ data: { slotId: slots.v!, date: dayDate(day(0)), userId: sneaky.id } });
    expect((await grid(query)).rows[0]!.detail![0]).toEqual({ live: 0, needed: 2, cancelled: 0 });
    // ...a sign-up through the app starts afresh.
    const adviser = await makeUser(db, { organisationId: orgA });
    const result = await signUp(await memberAsActor(adviser.id), {
      slotId: slots.v!,
      date: day(0),
      repeat: 'once',
      until: null,
    });
    expect(result.ok).toBe(true);
    expect((await grid(query)).rows[0]!.detail![0]).toEqual({ live: 2, needed: 2, cancelled: 0 });
  });

  it('filters by language and covers a month', async () => {
    const swedish = await grid(`from=${monday}&language=sv&area=Vuosaari`);
    expect(swedish.rows.map((r) => r.label)).toEqual(['Vuosaari C']);
    const month = await grid(`from=${monday}&view=month&language=so`);
    expect(month.days[0]!.endsWith('-01')).toBe(true);
    expect(month.days.length).toBeGreaterThanOrEqual(28);
  });

  it('shows an org admin only the slots their organisation staffs', async () => {
    const admin = await makeUser(db, { role: 'org_admin', organisationId: orgB });
    const theirs = await grid(`from=${monday}&language=so&area=Kallio`, await cookieFor(admin.id));
    expect(theirs.rows.map((r) => r.label)).toEqual(['Kallio B']);
  });

  it('treats a bad filter as none rather than failing', async () => {
    const odd = await grid(`from=2026-13-45&view=year&language=xx&area=Atlantis`);
    expect(odd.level).toBe('network');
    expect(odd.days).toHaveLength(7);
  });
});

describe('gaps and asking advisers', () => {
  it('lists help times that lack advisers and asks only suitable advisers, once in a while', async () => {
    // Near enough for "the next 14 days" whatever weekday today is.
    const soon = addDays(today, 2);
    const gapSlot = await slot(points.kallio1.id, orgA, [1, 2, 3, 4, 5, 6, 7], ['ar'], 2);
    await shifts(gapSlot, soon, 1);
    const page = await json<{ gaps: { slotId: string; date: string; state: string }[] }>(
      await callLoader(gapsRoute, makeRequest('/roster/gaps', { cookie: coordinatorCookie })),
    );
    expect(page.gaps.some((g) => g.slotId === gapSlot && g.date === soon && g.state === 'short')).toBe(true);

    const usual = await makeUser(db, {
      organisationId: orgA,
      adviseLanguages: ['ar'],
      supportPointIds: [points.kallio1.id],
    });
    const sameArea = await makeUser(db, {
      organisationId: orgB,
      adviseLanguages: ['ar', 'fi'],
      supportPointIds: [points.kallio2.id],
    });
    const otherArea = await makeUser(db, {
      organisationId: orgA,
      adviseLanguages: ['ar'],
      supportPointIds: [points.vuosaari.id],
    });
    const otherLanguage = await makeUser(db, {
      organisationId: orgA,
      adviseLanguages: ['fi'],
      supportPointIds: [points.kallio1.id],
    });
    const notAdviser = await makeUser(db, {
      roles: ['trainer'],
      organisationId: orgA,
      adviseLanguages: ['ar'],
      supportPointIds: [points.kallio1.id],
    });

    const ask = () =>
      callAction(
        gapsRoute,
        makeRequest('/roster/gaps', { cookie: coordinatorCookie, form: { slotId: gapSlot, date: soon } }),
      );
    const first = await ask();
    expect(first.status).toBe(200);
    const told = (id: string) => db.notification.count({ where: { userId: id, type: 'shift_help_wanted' } });
    expect(await told(usual.id)).toBe(1);
    expect(await told(sameArea.id)).toBe(1);
    expect(await told(otherArea.id)).toBe(0);
    expect(await told(otherLanguage.id)).toBe(0);
    expect(await told(notAdviser.id)).toBe(0);
    const notification = await db.notification.findFirstOrThrow({
      where: { userId: usual.id, type: 'shift_help_wanted' },
    });
    expect(notification.url).toBe(`/shifts/new?slot=${gapSlot}&date=${soon}`);
    expect(await db.auditLog.count({ where: { action: 'shift_help_asked', targetId: gapSlot } })).toBe(1);

    // Asking again at once is refused and tells nobody twice.
    const again = await ask();
    expect(again.status).toBe(429);
    expect(await told(usual.id)).toBe(1);
  });

  it('works the list out once while nothing changes, and afresh at once after a sign-up through the app', async () => {
    const soon = addDays(today, 3);
    const open = await slot(points.vuosaari.id, orgA, [1, 2, 3, 4, 5, 6, 7], ['sv'], 1);
    // Written past the app: what saving the slot's form does besides.
    forgetPublicRoster();
    const listed = async () =>
      (
        await json<{ gaps: { slotId: string; date: string }[] }>(
          await callLoader(gapsRoute, makeRequest('/roster/gaps', { cookie: coordinatorCookie })),
        )
      ).gaps
        .filter((g) => g.slotId === open)
        .map((g) => g.date);
    const loads = gapListLoads();
    expect(await listed()).toContain(soon);
    expect(await listed()).toContain(soon);
    expect(gapListLoads()).toBe(loads + 1);
    const adviser = await makeUser(db, { organisationId: orgA });
    const signed = await signUp(await memberAsActor(adviser.id), {
      slotId: open,
      date: soon,
      repeat: 'once',
      until: null,
    });
    expect(signed.ok).toBe(true);
    expect(await listed()).not.toContain(soon);
    expect(gapListLoads()).toBe(loads + 2);
  });

  it("does not let an org admin ask for another organisation's slot", async () => {
    const admin = await makeUser(db, { role: 'org_admin', organisationId: orgB });
    const response = await callAction(
      gapsRoute,
      makeRequest('/roster/gaps', {
        cookie: await cookieFor(admin.id),
        form: { slotId: slots.k1!, date: day(2) },
      }),
    );
    expect(response.status).toBe(404);
  });
});
