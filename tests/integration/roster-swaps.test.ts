// Swaps, the day-before reminders and shifts on the home page (issue 17 item 2, ADR 031).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import { sendShiftReminders } from '~/domain/roster/reminders.server';
import { myShifts, signUp } from '~/domain/roster/shifts.server';
import { offerShift, shiftsOnOffer, takeShift } from '~/domain/roster/swaps.server';
import { helsinkiDateTime, helsinkiToday } from '~/i18n/format';
import { addDays, dayDate } from '~/utils/calendar-days';
import * as myShiftsRoute from '~/routes/shifts._index';
import * as offerRoute from '~/routes/shifts.$id.offer';
import * as homeRoute from '~/routes/_index';
import { makeOrganisation, makeSupportPoint, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, makeRequest, memberAsActor } from '#tests/helpers';

const today = helsinkiToday();
const day = addDays(today, 3);
let orgId: string;
let point: { id: string; slug: string; name: string };
let slotId: string;

beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
  point = await makeSupportPoint(db, { hostOrganisationId: orgId, name: 'Vaihtokirjasto' });
  slotId = (
    await db.helpSlot.create({
      data: {
        supportPointId: point.id,
        organisationId: orgId,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startsAt: '10:00',
        endsAt: '12:00',
        validFrom: dayDate(today),
        languages: ['fi'],
        needed: 2,
      },
    })
  ).id;
});

async function adviserOnDuty(date = day, usualHere = false) {
  const adviser = await makeUser(db, {
    organisationId: orgId,
    supportPointIds: usualHere ? [point.id] : undefined,
  });
  const result = await signUp(await memberAsActor(adviser.id), { slotId, date, repeat: 'once', until: null });
  expect(result.ok).toBe(true);
  const shift = await db.shift.findFirstOrThrow({
    where: { userId: adviser.id, slotId, date: dayDate(date) },
  });
  return { adviser, shift, cookie: await cookieFor(adviser.id) };
}

const post = (
  route: Parameters<typeof callAction>[0],
  path: string,
  cookie: string,
  form: Record<string, string>,
  params = {},
) => callAction(route, makeRequest(path, { cookie, form }), params);

describe('swapping a shift', () => {
  it("offers a shift that stays the offerer's until another adviser takes it, and tells the offerer", async () => {
    const { adviser, shift, cookie } = await adviserOnDuty();
    const colleague = await makeUser(db, { organisationId: orgId, supportPointIds: [point.id] });
    const offered = await post(
      offerRoute,
      `/shifts/${shift.id}/offer`,
      cookie,
      { note: 'Avain on neuvonnassa.' },
      { id: shift.id },
    );
    expect(offered.status).toBe(302);
    // Still theirs, marked offered; the point's usual advisers are told in the app.
    const after = await db.shift.findUniqueOrThrow({ where: { id: shift.id } });
    expect(after.userId).toBe(adviser.id);
    expect(after.offeredAt).not.toBeNull();
    expect(await db.notification.count({ where: { userId: colleague.id, type: 'shift_offered' } })).toBe(1);

    // Another adviser sees it under "offered by others" and takes it.
    const taker = await makeUser(db, { organisationId: orgId });
    const takerCookie = await cookieFor(taker.id);
    const before = statementCount();
    const page = await json<{ offers: { id: string; note: string; offeredBy: string }[] }>(
      await callLoader(myShiftsRoute, makeRequest('/shifts', { cookie: takerCookie })),
    );
    // Who is logged in, then their shifts and the offers together (were eight).
    expect(statementCount() - before).toBe(2);
    expect(page.offers.find((o) => o.id === shift.id)).toMatchObject({
      note: 'Avain on neuvonnassa.',
      offeredBy: adviser.name,
    });
    const taken = await post(myShiftsRoute, '/shifts', takerCookie, { intent: 'take', shiftId: shift.id });
    expect(taken.status).toBe(302);
    const moved = await db.shift.findUniqueOrThrow({ where: { id: shift.id } });
    expect(moved).toMatchObject({ userId: taker.id, offeredAt: null, offerNote: '', cancelledAt: null });
    expect(await db.notification.count({ where: { userId: adviser.id, type: 'shift_taken' } })).toBe(1);
    // shift_taken is e-mailed by default.
    expect(
      await db.email.count({ where: { to: adviser.email, subject: { contains: 'Vuorosi otettiin' } } }),
    ).toBe(1);

    // A second taker is told it is gone, on the page, and nothing changes.
    const late = await makeUser(db, { organisationId: orgId });
    const again = await post(myShiftsRoute, '/shifts', await cookieFor(late.id), {
      intent: 'take',
      shiftId: shift.id,
    });
    expect(again.status).toBe(409);
    expect((await json<{ errors: Record<string, { key: string }> }>(again)).errors.form?.key).toBe(
      'roster:errors.offerGone',
    );
    expect((await db.shift.findUniqueOrThrow({ where: { id: shift.id } })).userId).toBe(taker.id);
  });

  it('does not let an adviser take an offer for a time they are already on, or their own', async () => {
    const a = await adviserOnDuty(addDays(today, 4));
    const b = await adviserOnDuty(addDays(today, 4));
    await post(offerRoute, `/shifts/${a.shift.id}/offer`, a.cookie, { note: '' }, { id: a.shift.id });
    const twice = await post(myShiftsRoute, '/shifts', b.cookie, { intent: 'take', shiftId: a.shift.id });
    expect(twice.status).toBe(409);
    const own = await post(myShiftsRoute, '/shifts', a.cookie, { intent: 'take', shiftId: a.shift.id });
    expect(own.status).toBe(404);
    // Withdrawn, it is simply theirs again and no longer on offer.
    const withdrawn = await post(myShiftsRoute, '/shifts', a.cookie, {
      intent: 'withdraw',
      shiftId: a.shift.id,
    });
    expect(withdrawn.status).toBe(302);
    expect((await db.shift.findUniqueOrThrow({ where: { id: a.shift.id } })).offeredAt).toBeNull();
  });

  it('neither offers nor hands over a shift once it has begun, and lists it as under way', async () => {
    const date = addDays(today, 7);
    const { adviser, shift } = await adviserOnDuty(date);
    const actor = await memberAsActor(adviser.id);
    // The 10–12 shift, seen at 9.59 and at 10.30 of its day.
    const before = helsinkiDateTime(`${date}T09:59`);
    const during = helsinkiDateTime(`${date}T10:30`);
    const listed = async (now: Date) => (await myShifts(adviser.id, now)).find((s) => s.id === shift.id);
    expect((await listed(before))?.begun).toBe(false);
    expect((await listed(during))?.begun).toBe(true);

    const late = await offerShift(actor, shift.id, '', during);
    expect(late).toMatchObject({
      ok: false,
      status: 409,
      errors: { form: { key: 'roster:errors.shiftBegun' } },
    });
    expect((await db.shift.findUniqueOrThrow({ where: { id: shift.id } })).offeredAt).toBeNull();

    // Offered in time, it is still not handed over once it has begun: nobody could be there.
    expect((await offerShift(actor, shift.id, '', before)).ok).toBe(true);
    const taker = await memberAsActor((await makeUser(db, { organisationId: orgId })).id);
    const taken = await takeShift(taker, shift.id, during);
    expect(taken).toMatchObject({
      ok: false,
      status: 409,
      errors: { form: { key: 'roster:errors.shiftBegun' } },
    });
    expect((await db.shift.findUniqueOrThrow({ where: { id: shift.id } })).userId).toBe(adviser.id);
    expect((await shiftsOnOffer(taker, during)).some((o) => o.id === shift.id)).toBe(false);
    expect((await shiftsOnOffer(taker, before)).some((o) => o.id === shift.id)).toBe(true);
  });

  it("refuses to offer someone else's shift (404) and keeps the note when the form is refused", async () => {
    const { shift } = await adviserOnDuty(addDays(today, 5));
    const stranger = await makeUser(db, { organisationId: orgId });
    const foreign = await post(
      offerRoute,
      `/shifts/${shift.id}/offer`,
      await cookieFor(stranger.id),
      { note: 'x' },
      { id: shift.id },
    );
    expect(foreign.status).toBe(404);
    const mine = await adviserOnDuty(addDays(today, 5));
    const long = await post(
      offerRoute,
      `/shifts/${mine.shift.id}/offer`,
      mine.cookie,
      { note: 'x'.repeat(501) },
      { id: mine.shift.id },
    );
    expect(long.status).toBe(400);
    const body = await json<{ errors: Record<string, unknown>; values: Record<string, string> }>(long);
    expect(body.errors.note).toBeTruthy();
    expect(body.values.note).toHaveLength(501);
    expect((await db.shift.findUniqueOrThrow({ where: { id: mine.shift.id } })).offeredAt).toBeNull();
  });
});

describe('the day-before reminder', () => {
  it('reminds each adviser on duty tomorrow once, by their channel, and not those who cancelled', async () => {
    // "Now" is the day before `target` at 16:00 Helsinki time.
    const target = addDays(today, 6);
    const now = helsinkiDateTime(`${addDays(target, -1)}T16:00`);
    const on = await adviserOnDuty(target);
    const appOnly = await adviserOnDuty(target);
    await db.notificationPreference.create({
      data: { userId: appOnly.adviser.id, type: 'shift_reminder', channel: 'app' },
    });
    // One who signed up and cancelled hears nothing.
    const cancelled = await makeUser(db, { organisationId: orgId });
    await db.shift.create({
      data: {
        slotId,
        date: dayDate(target),
        userId: cancelled.id,
        cancelledAt: new Date(),
        cancelReason: 'Flunssa',
      },
    });
    const sent = await sendShiftReminders(now);
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(await db.notification.count({ where: { userId: on.adviser.id, type: 'shift_reminder' } })).toBe(1);
    expect(
      await db.email.count({ where: { to: on.adviser.email, subject: { contains: 'Huomenna vuorossa' } } }),
    ).toBe(1);
    expect(await db.email.count({ where: { to: appOnly.adviser.email } })).toBe(0);
    expect(
      await db.notification.count({ where: { userId: appOnly.adviser.id, type: 'shift_reminder' } }),
    ).toBe(1);
    expect(await db.notification.count({ where: { userId: cancelled.id } })).toBe(0);
    // A second run (a retried job, another instance) reminds nobody again.
    expect(await sendShiftReminders(now)).toBe(0);
    expect(await db.notification.count({ where: { userId: on.adviser.id, type: 'shift_reminder' } })).toBe(1);
  });
});

describe('the home page', () => {
  it("lists the adviser's shifts of the next two weeks with their events, an offered one marked", async () => {
    const { adviser, shift, cookie } = await adviserOnDuty(addDays(today, 2));
    await post(offerRoute, `/shifts/${shift.id}/offer`, cookie, { note: '' }, { id: shift.id });
    // Three weeks ahead is not "coming up" yet.
    const later = await signUp(await memberAsActor(adviser.id), {
      slotId,
      date: addDays(today, 20),
      repeat: 'once',
      until: null,
    });
    expect(later.ok).toBe(true);
    const home = await json<{ shifts: { id: string; pointName: string; offered: boolean }[] }>(
      await callLoader(homeRoute, makeRequest('/', { cookie })),
    );
    expect(home.shifts).toEqual([
      expect.objectContaining({ id: shift.id, pointName: 'Vaihtokirjasto', offered: true }),
    ]);
  });
});
