// The roster (issue 17, ADR 030): help slots at support points and advisers' shifts in them.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { newFeedToken } from '~/domain/events/calendar-feed.server';
import * as feedRoute from '~/routes/calendar.$token';
import { db } from '~/db.server';
import { slotDates, slotTimes } from '~/domain/roster/recurrence';
import { cancelShift, occurrence, signUp } from '~/domain/roster/shifts.server';
import { helsinkiDateTime, helsinkiToday } from '~/i18n/format';
import { addDays, isoWeekday } from '~/utils/calendar-days';
import * as newSlotRoute from '~/routes/support-points.$slug.slots.new';
import * as editSlotRoute from '~/routes/support-points.$slug.slots.$id';
import * as pointRoute from '~/routes/support-points.$slug._index';
import * as signUpRoute from '~/routes/shifts.new';
import * as myShiftsRoute from '~/routes/shifts._index';
import * as cancelRoute from '~/routes/shifts.$id.cancel';
import { makeOrganisation, makeSupportPoint, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, makeRequest, memberAsActor } from '#tests/helpers';

const today = helsinkiToday();
// A day at least two days ahead, so that "today" turning over mid-test changes nothing.
const firstDay = addDays(today, 2);
const weekday = String(isoWeekday(firstDay));

let orgA: string;
let orgB: string;
let point: { id: string; slug: string; name: string };
beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  point = await makeSupportPoint(db, { hostOrganisationId: orgA });
});

const slotForm = (over: Record<string, string | string[]> = {}) => ({
  weekdays: [weekday],
  startsAt: '10:00',
  endsAt: '12:00',
  validFrom: today,
  validUntil: '',
  exceptions: '',
  languages: ['fi', 'sv'],
  topics: ['banking'],
  needed: '2',
  organisationId: orgA,
  ...over,
});

async function addSlot(cookie: string, over: Record<string, string | string[]> = {}) {
  const response = await callAction(
    newSlotRoute,
    makeRequest(`/support-points/${point.slug}/slots/new`, { cookie, form: slotForm(over) }),
    { slug: point.slug },
  );
  expect(response.status).toBe(302);
  return db.helpSlot.findFirstOrThrow({
    where: { supportPointId: point.id },
    orderBy: { createdAt: 'desc' },
  });
}

describe('when a slot happens', () => {
  const sundays = { weekdays: [7], startsAt: '10:00', endsAt: '12:00', validUntil: null };
  it('repeats on its weekdays, skips its exceptions and keeps its wall-clock time across both DST changes', () => {
    const spring = { ...sundays, validFrom: '2026-03-01', exceptions: ['2026-04-05'] };
    expect(slotDates(spring, '2026-03-20', '2026-04-12')).toEqual(['2026-03-22', '2026-03-29', '2026-04-12']);
    // 10:00 in Helsinki is 08:00 UTC in winter and 07:00 UTC from 29 March.
    expect(slotTimes(spring, '2026-03-22').start.toISOString()).toBe('2026-03-22T08:00:00.000Z');
    expect(slotTimes(spring, '2026-03-29').start.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(slotTimes(spring, '2026-03-29').end.toISOString()).toBe('2026-03-29T09:00:00.000Z');
    // Back to winter time on 25 October.
    expect(slotTimes(spring, '2026-10-18').start.toISOString()).toBe('2026-10-18T07:00:00.000Z');
    expect(slotTimes(spring, '2026-10-25').start.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // A slot at 03:30 on the night the clocks go forward: that time does not exist; it is 04:30 summer time.
    const night = { ...spring, startsAt: '03:30', endsAt: '05:00' };
    expect(slotTimes(night, '2026-03-29').start.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // On the night they go back 03:30 happens twice: the first one.
    expect(slotTimes(night, '2026-10-25').start.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('starts on its first day and stops after its last', () => {
    const rule = {
      ...sundays,
      weekdays: [1, 3],
      validFrom: '2026-12-02',
      validUntil: '2026-12-14',
      exceptions: [],
    };
    expect(slotDates(rule, '2026-11-23', '2026-12-31')).toEqual([
      '2026-12-02',
      '2026-12-07',
      '2026-12-09',
      '2026-12-14',
    ]);
  });
});

describe('keeping slots', () => {
  it('a coordinator adds a slot at any point; bad input is told by field and stores nothing', async () => {
    const coordinator = await makeUser(db, { role: 'coordinator', organisationId: orgB });
    const cookie = await cookieFor(coordinator.id);
    const before = await db.helpSlot.count();
    const bad = await callAction(
      newSlotRoute,
      makeRequest(`/support-points/${point.slug}/slots/new`, {
        cookie,
        form: slotForm({
          weekdays: [],
          endsAt: '09:00',
          exceptions: '24.12.2026\n31.2.2026',
          needed: '0',
          languages: [],
        }),
      }),
      { slug: point.slug },
    );
    expect(bad.status).toBe(400);
    const body = await json<{ errors: Record<string, { key: string }>; values: Record<string, unknown> }>(
      bad,
    );
    expect(body.errors).toMatchObject({
      weekdays: { key: 'roster:errors.weekdays' },
      exceptions: { key: 'roster:errors.exception' },
      needed: { key: 'roster:errors.needed' },
      languages: { key: 'roster:errors.languages' },
    });
    expect(body.values.exceptions).toBe('24.12.2026\n31.2.2026');
    expect(await db.helpSlot.count()).toBe(before);
    // The end before the start is told once the rest is right.
    const backwards = await callAction(
      newSlotRoute,
      makeRequest(`/support-points/${point.slug}/slots/new`, { cookie, form: slotForm({ endsAt: '09:00' }) }),
      { slug: point.slug },
    );
    expect((await json<{ errors: Record<string, { key: string }> }>(backwards)).errors.endsAt?.key).toBe(
      'roster:errors.endsBeforeStart',
    );

    const slot = await addSlot(cookie, { exceptions: '24.12.2026\n2026-12-31', organisationId: orgB });
    expect(slot).toMatchObject({
      weekdays: [Number(weekday)],
      startsAt: '10:00',
      needed: 2,
      organisationId: orgB,
    });
    expect(slot.exceptions.map((d) => d.toISOString().slice(0, 10))).toEqual(['2026-12-24', '2026-12-31']);
    expect(await db.auditLog.count({ where: { action: 'help_slot_create', targetId: slot.id } })).toBe(1);
  });

  it("an org admin keeps only the slots their organisation staffs; another's is not found", async () => {
    const orgAdmin = await makeUser(db, { role: 'org_admin', organisationId: orgA });
    const cookie = await cookieFor(orgAdmin.id);
    const refused = await callAction(
      newSlotRoute,
      makeRequest(`/support-points/${point.slug}/slots/new`, {
        cookie,
        form: slotForm({ organisationId: orgB }),
      }),
      { slug: point.slug },
    );
    expect(refused.status).toBe(403);
    expect(
      (await json<{ errors: Record<string, { key: string }> }>(refused)).errors.organisationId?.key,
    ).toBe('roster:errors.notYourOrganisation');
    const own = await addSlot(cookie, { organisationId: orgA, startsAt: '13:00', endsAt: '15:00' });
    expect(own.organisationId).toBe(orgA);
    const other = await db.helpSlot.findFirstOrThrow({ where: { organisationId: orgB } });
    expect(
      (
        await callLoader(
          editSlotRoute,
          makeRequest(`/support-points/${point.slug}/slots/${other.id}`, { cookie }),
          {
            slug: point.slug,
            id: other.id,
          },
        )
      ).status,
    ).toBe(404);
    const changed = await callAction(
      editSlotRoute,
      makeRequest(`/support-points/${point.slug}/slots/${own.id}`, {
        cookie,
        form: slotForm({ organisationId: orgA, needed: '3', startsAt: '13:00', endsAt: '15:00' }),
      }),
      { slug: point.slug, id: own.id },
    );
    expect(changed.status).toBe(302);
    expect((await db.helpSlot.findUniqueOrThrow({ where: { id: own.id } })).needed).toBe(3);
    // An adviser keeps no slots at all.
    const adviser = await makeUser(db, { role: 'adviser', organisationId: orgA });
    expect(
      (
        await callLoader(
          newSlotRoute,
          makeRequest(`/support-points/${point.slug}/slots/new`, { cookie: await cookieFor(adviser.id) }),
          {
            slug: point.slug,
          },
        )
      ).status,
    ).toBe(404);
  });
});

describe('shifts', () => {
  let slotId: string;
  beforeAll(async () => {
    const coordinator = await makeUser(db, { role: 'coordinator', organisationId: orgA });
    const slot = await addSlot(await cookieFor(coordinator.id), {
      startsAt: '16:00',
      endsAt: '18:00',
      exceptions: addDays(firstDay, 14),
      validUntil: addDays(firstDay, 42),
    });
    slotId = slot.id;
  });

  it('an adviser signs up every week until a day: holidays and full weeks are skipped and said', async () => {
    const adviser = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const cookie = await cookieFor(adviser.id);
    // Week 2 already has both its advisers.
    const full = addDays(firstDay, 7);
    for (const other of await Promise.all(
      [1, 2].map(() => makeUser(db, { role: 'adviser', organisationId: orgB })),
    ))
      expect(
        (await signUp(await memberAsActor(other.id), { slotId, date: full, repeat: 'once', until: null })).ok,
      ).toBe(true);

    const page = await json<{ occurrence: { signedUp: number; needed: number; mine: boolean } }>(
      await callLoader(signUpRoute, makeRequest(`/shifts/new?slot=${slotId}&date=${firstDay}`, { cookie })),
    );
    expect(page.occurrence).toMatchObject({ signedUp: 0, needed: 2, mine: false });
    const response = await callAction(
      signUpRoute,
      makeRequest('/shifts/new', {
        cookie,
        form: { slot: slotId, date: firstDay, repeat: 'weekly', until: addDays(firstDay, 28) },
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/shifts');
    const mine = await db.shift.findMany({ where: { userId: adviser.id }, orderBy: { date: 'asc' } });
    // Weeks 0, 1 (full), 2 (a holiday), 3, 4: three shifts.
    expect(mine.map((s) => s.date.toISOString().slice(0, 10))).toEqual([
      firstDay,
      addDays(firstDay, 21),
      addDays(firstDay, 28),
    ]);
    const shown = await json<{ shifts: { date: string; signedUp: number }[] }>(
      await callLoader(myShiftsRoute, makeRequest('/shifts', { cookie })),
    );
    expect(shown.shifts.map((s) => s.date)).toEqual([firstDay, addDays(firstDay, 21), addDays(firstDay, 28)]);
    // Each counts the advisers on its own day only.
    expect(shown.shifts.map((s) => s.signedUp)).toEqual([1, 1, 1]);
    // Signing up again for the same day is refused, and so is a day the slot does not have.
    const again = await callAction(
      signUpRoute,
      makeRequest('/shifts/new', { cookie, form: { slot: slotId, date: firstDay, repeat: 'once' } }),
    );
    expect(again.status).toBe(409);
    expect((await json<{ errors: Record<string, { key: string }> }>(again)).errors.form?.key).toBe(
      'roster:errors.alreadySignedUp',
    );
    const wrongDay = await callAction(
      signUpRoute,
      makeRequest('/shifts/new', {
        cookie,
        form: { slot: slotId, date: addDays(firstDay, 1), repeat: 'once' },
      }),
    );
    expect(wrongDay.status).toBe(400);
    expect(
      (
        await callLoader(
          signUpRoute,
          makeRequest(`/shifts/new?slot=${slotId}&date=${addDays(firstDay, 14)}`, { cookie }),
        )
      ).status,
    ).toBe(404);
    // A full day refuses the next one.
    const third = await memberAsActor((await makeUser(db, { role: 'adviser', organisationId: orgA })).id);
    expect(await signUp(third, { slotId, date: full, repeat: 'once', until: null })).toMatchObject({
      ok: false,
      status: 409,
      errors: { form: { key: 'roster:errors.full' } },
    });
    // Only advisers sign up.
    const rep = await memberAsActor(
      (await makeUser(db, { roles: ['eservice_rep'], organisationId: orgA })).id,
    );
    expect(await signUp(rep, { slotId, date: firstDay, repeat: 'once', until: null })).toMatchObject({
      status: 404,
    });
  });

  it("the point's page shows each coming time with who is on duty and how many are missing", async () => {
    const viewer = await makeUser(db, { role: 'adviser', organisationId: orgB });
    const page = await json<{
      helpTimes: { slotId: string; date: string; needed: number; advisers: { name: string }[] }[];
      canSignUp: boolean;
    }>(
      await callLoader(
        pointRoute,
        makeRequest(`/support-points/${point.slug}`, { cookie: await cookieFor(viewer.id) }),
        {
          slug: point.slug,
        },
      ),
    );
    expect(page.canSignUp).toBe(true);
    const ours = page.helpTimes.filter((t) => t.slotId === slotId);
    expect(ours.map((t) => t.date)).toEqual([firstDay, addDays(firstDay, 7)]);
    expect(ours.map((t) => t.advisers.length)).toEqual([1, 2]);
  });

  it('cancelling needs a reason; the others on the shift and the keepers of the slot are told, the place is free again', async () => {
    const keeper = await makeUser(db, {
      role: 'org_admin',
      organisationId: orgA,
      supportPointIds: [point.id],
    });
    const otherOrgsKeeper = await makeUser(db, {
      role: 'org_admin',
      organisationId: orgB,
      supportPointIds: [point.id],
    });
    const farCoordinator = await makeUser(db, { role: 'coordinator', organisationId: orgB });
    const slot = await db.helpSlot.findUniqueOrThrow({ where: { id: slotId } });
    const [leaving, staying] = await Promise.all(
      [1, 2].map(() => makeUser(db, { role: 'adviser', organisationId: orgA })),
    );
    const day = addDays(firstDay, 35);
    for (const who of [leaving!, staying!])
      expect(
        (await signUp(await memberAsActor(who.id), { slotId, date: day, repeat: 'once', until: null })).ok,
      ).toBe(true);
    const shift = await db.shift.findFirstOrThrow({ where: { userId: leaving!.id } });
    const cookie = await cookieFor(leaving!.id);

    const noReason = await callAction(
      cancelRoute,
      makeRequest(`/shifts/${shift.id}/cancel`, { cookie, form: { reason: ' ' } }),
      {
        id: shift.id,
      },
    );
    expect(noReason.status).toBe(400);
    expect((await db.shift.findUniqueOrThrow({ where: { id: shift.id } })).cancelledAt).toBeNull();
    // Someone else's shift is not there for them.
    const notTheirs = await callAction(
      cancelRoute,
      makeRequest(`/shifts/${shift.id}/cancel`, {
        cookie: await cookieFor(staying!.id),
        form: { reason: 'Minä peruisin' },
      }),
      { id: shift.id },
    ).catch((e: Response) => e);
    expect(notTheirs.status).toBe(404);

    const done = await callAction(
      cancelRoute,
      makeRequest(`/shifts/${shift.id}/cancel`, { cookie, form: { reason: 'Flunssa' } }),
      { id: shift.id },
    );
    expect(done.status).toBe(302);
    expect(await db.shift.findUniqueOrThrow({ where: { id: shift.id } })).toMatchObject({
      cancelReason: 'Flunssa',
    });
    const told = await db.notification.findMany({
      where: { type: 'shift_cancelled', data: { path: ['date'], equals: day } },
      select: { userId: true, title: true, data: true },
    });
    expect(told.map((n) => n.userId).sort()).toEqual([staying!.id, keeper.id, slot.createdById!].sort());
    expect(told.map((n) => n.userId)).not.toContain(otherOrgsKeeper.id);
    expect(told.map((n) => n.userId)).not.toContain(farCoordinator.id);
    expect(told[0]!.data).toMatchObject({ detail: 'Flunssa' });
    // E-mail is queued for those who hear of it by e-mail (the default), in their language.
    expect(
      await db.email.count({ where: { to: keeper.email, subject: { contains: 'Vuoro peruttu' } } }),
    ).toBe(1);
    // The place is free: someone else takes it.
    const taker = await memberAsActor((await makeUser(db, { role: 'adviser', organisationId: orgB })).id);
    expect(await signUp(taker, { slotId, date: day, repeat: 'once', until: null })).toMatchObject({
      ok: true,
    });
    // And the one who left may come back later if the place is still free (it is not now).
    expect(
      await signUp(await memberAsActor(leaving!.id), { slotId, date: day, repeat: 'once', until: null }),
    ).toMatchObject({
      ok: false,
      errors: { form: { key: 'roster:errors.full' } },
    });
  });

  it('a past shift cannot be cancelled', async () => {
    const adviser = await makeUser(db, { role: 'adviser', organisationId: orgA });
    const shift = await db.shift.create({
      data: { slotId, date: new Date(`${addDays(today, -7)}T00:00:00Z`), userId: adviser.id },
    });
    expect(await cancelShift(await memberAsActor(adviser.id), shift.id, 'Myöhässä')).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it('a help time can be joined while it is on, and not once it is over', async () => {
    const adviser = await memberAsActor((await makeUser(db, { role: 'adviser', organisationId: orgB })).id);
    // The slot's last day: the days before it are the other tests'.
    const day = addDays(firstDay, 42);
    // The 16–18 time, at 18.00 of its day (over) and at 17.00 (on).
    const over = helsinkiDateTime(`${day}T18:00`);
    const on = helsinkiDateTime(`${day}T17:00`);
    expect(await occurrence(adviser.id, slotId, day, over)).toBeNull();
    expect(await signUp(adviser, { slotId, date: day, repeat: 'once', until: null }, over)).toMatchObject({
      ok: false,
      errors: { form: { key: 'roster:errors.helpTimeOver' } },
    });
    expect(await db.shift.count({ where: { slotId, userId: adviser.id } })).toBe(0);
    expect(await occurrence(adviser.id, slotId, day, on)).toMatchObject({ date: day, mine: false });
    expect(await signUp(adviser, { slotId, date: day, repeat: 'once', until: null }, on)).toMatchObject({
      ok: true,
      dates: [day],
    });
  });

  it("a member's calendar feed holds their shifts at Helsinki time, and a cancelled one as cancelled", async () => {
    const adviser = await makeUser(db, { role: 'adviser', organisationId: orgA, locale: 'sv' });
    const actor = await memberAsActor(adviser.id);
    const day = addDays(firstDay, 28);
    expect((await signUp(actor, { slotId, date: firstDay, repeat: 'once', until: null })).ok).toBe(true);
    expect((await signUp(actor, { slotId, date: day, repeat: 'once', until: null })).ok).toBe(true);
    const second = await db.shift.findFirstOrThrow({
      where: { userId: adviser.id, date: new Date(`${day}T00:00:00Z`) },
    });
    expect((await cancelShift(actor, second.id, 'Resa')).ok).toBe(true);
    // Shifts of the last two weeks stay in the feed; older ones leave it.
    const recent = addDays(today, -14);
    for (const date of [recent, addDays(today, -15)])
      await db.shift.create({ data: { slotId, userId: adviser.id, date: new Date(`${date}T00:00:00Z`) } });
    const token = await newFeedToken(adviser.id);
    const response = await callLoader(feedRoute, makeRequest(`/calendar/${token}.ics`), {
      token: `${token}.ics`,
    });
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    const entries = calendar.getAllSubcomponents('vevent');
    const shifts = entries.filter((v) => String(v.getFirstPropertyValue('uid')).startsWith('shift-'));
    expect(shifts).toHaveLength(3);
    expect(new ICAL.Event(shifts[0]!).startDate.toJSDate().toISOString()).toBe(
      slotTimes({ startsAt: '16:00', endsAt: '18:00' }, recent).start.toISOString(),
    );
    shifts.shift();
    const [first, cancelled] = shifts.map((v) => new ICAL.Event(v));
    const { address } = await db.supportPoint.findUniqueOrThrow({ where: { slug: point.slug } });
    expect(first!.location).toBe(`${point.name}, ${address}`);
    expect(first!.summary).toBe(`Rådgivningsskift: ${point.name}`);
    expect(first!.startDate.toJSDate().toISOString()).toBe(
      slotTimes({ startsAt: '16:00', endsAt: '18:00' }, firstDay).start.toISOString(),
    );
    expect(String(shifts[0]!.getFirstPropertyValue('url'))).toContain(`/support-points/${point.slug}`);
    expect(shifts[0]!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(cancelled!.startDate.toJSDate().toISOString()).toBe(
      slotTimes({ startsAt: '16:00', endsAt: '18:00' }, day).start.toISOString(),
    );
    expect(shifts[1]!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
