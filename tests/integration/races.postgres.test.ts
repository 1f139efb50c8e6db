// Simultaneous requests for one scarce thing. A .postgres test: the embedded database runs one
// statement at a time, so there these would pass without the locks and unique keys they check;
// they run only against a PostgreSQL server (TEST_DATABASE_URL), as CI does (vitest.config.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { getUser, type AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { respond } from '~/domain/events/rsvp.server';
import { signUp } from '~/domain/roster/shifts.server';
import { offerShift, takeShift } from '~/domain/roster/swaps.server';
import { addDays, dayDate } from '~/utils/calendar-days';
import { helsinkiToday } from '~/i18n/format';
import * as newEventRoute from '~/routes/events.new';
import * as saveRoute from '~/routes/reports.log.save';
import { makeOrganisation, makeSupportPoint, makeUser, TEST_META } from '#tests/factories';
import { callAction, cookieFor, json, loginAs, makeRequest, memberAsActor } from '#tests/helpers';

let orgId: string;
beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
});

/** A help time every day at a new point, needing `needed` advisers, and a day three days ahead. */
async function dailySlot(needed: number) {
  const point = await makeSupportPoint(db);
  const slot = await db.helpSlot.create({
    data: {
      supportPointId: point.id,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startsAt: '10:00',
      endsAt: '12:00',
      validFrom: dayDate(helsinkiToday()),
      needed,
    },
  });
  return { slot, day: addDays(helsinkiToday(), 3) };
}

describe('races on a PostgreSQL server', () => {
  it('50 simultaneous answers for 20 places: exactly 20 going, 30 waiting in order, one row each', async () => {
    const coordinator = await loginAs('coordinator', orgId);
    const created = await callAction(
      newEventRoute,
      makeRequest('/events/new', {
        cookie: coordinator.cookie,
        form: {
          type: 'training_day',
          titleFi: 'Koulutuspäivä (kilpajuoksu)',
          startsAt: '2030-05-02T10:00',
          endsAt: '2030-05-02T15:00',
          placeKind: 'online',
          joinUrl: 'https://meet.example.test/koulutus',
          capacity: '20',
          audience: 'all',
        },
      }),
    );
    expect(created.status).toBe(302);
    const id = created.headers.get('Location')!.split('/')[2]!.split('?')[0]!;
    const people = await Promise.all(
      Array.from({ length: 50 }, () => makeUser(db, { role: 'adviser', organisationId: orgId })),
    );
    const viewers = await Promise.all(
      people.map(
        async (p) => (await getUser(makeRequest('/', { cookie: await cookieFor(p.id) }))) as AuthUser,
      ),
    );
    const results = await Promise.all(viewers.map((v) => respond(v, id, 'going', TEST_META)));
    expect(results.filter((r) => r.ok && r.status === 'going')).toHaveLength(20);
    expect(results.filter((r) => r.ok && r.status === 'waitlist')).toHaveLength(30);
    expect(await db.eventRsvp.count({ where: { eventId: id } })).toBe(50);
  });

  it('six advisers take the last two places of a help time at once: exactly two get them', async () => {
    const { slot, day } = await dailySlot(3);
    const first = await makeUser(db, { role: 'adviser', organisationId: orgId });
    expect(
      (
        await signUp(await memberAsActor(first.id), {
          slotId: slot.id,
          date: day,
          repeat: 'once',
          until: null,
        })
      ).ok,
    ).toBe(true);
    const people = await Promise.all(
      Array.from({ length: 6 }, () => makeUser(db, { role: 'adviser', organisationId: orgId })),
    );
    const actors = await Promise.all(people.map((p) => memberAsActor(p.id)));
    const results = await Promise.all(
      actors.map((a) => signUp(a, { slotId: slot.id, date: day, repeat: 'once', until: null })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.status === 409)).toHaveLength(4);
    expect(await db.shift.count({ where: { slotId: slot.id, cancelledAt: null } })).toBe(3);
  });

  it('five advisers take one shift offered for a swap at once: one gets it, the others are told it is gone', async () => {
    const { slot, day } = await dailySlot(2);
    const owner = await memberAsActor((await makeUser(db, { role: 'adviser', organisationId: orgId })).id);
    expect((await signUp(owner, { slotId: slot.id, date: day, repeat: 'once', until: null })).ok).toBe(true);
    const shift = await db.shift.findFirstOrThrow({ where: { slotId: slot.id, userId: owner.id } });
    expect((await offerShift(owner, shift.id, '')).ok).toBe(true);
    const takers = await Promise.all(
      Array.from({ length: 5 }, async () =>
        memberAsActor((await makeUser(db, { role: 'adviser', organisationId: orgId })).id),
      ),
    );
    const results = await Promise.all(takers.map((t) => takeShift(t, shift.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.status === 409)).toHaveLength(4);
    const winner = takers[results.findIndex((r) => r.ok)]!;
    expect(
      await db.shift.findMany({ where: { slotId: slot.id, cancelledAt: null }, select: { userId: true } }),
    ).toEqual([{ userId: winner.id }]);
    expect(await db.notification.count({ where: { userId: owner.id, type: 'shift_taken' } })).toBe(1);
  });

  it('one adviser tapping sign-up four times at once holds one place', async () => {
    const { slot, day } = await dailySlot(5);
    const actor = await memberAsActor((await makeUser(db, { role: 'adviser', organisationId: orgId })).id);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        signUp(actor, { slotId: slot.id, date: day, repeat: 'once', until: null }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.shift.count({ where: { slotId: slot.id } })).toBe(1);
  });

  it('six simultaneous saves of one guidance entry (a double tap on a slow line) store it once', async () => {
    const adviser = await loginAs('adviser', orgId);
    const point = await makeSupportPoint(db);
    const form = {
      idempotencyKey: crypto.randomUUID(),
      date: helsinkiToday(),
      supportPointId: point.id,
      device: 'android',
      topics: 'banking',
      channel: 'support_point',
      serviceLevel: '2',
      durationMinutes: '30',
      language: 'fi',
      outcome: 'solved',
    };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        callAction(saveRoute, makeRequest('/reports/log/save', { cookie: adviser.cookie, form })),
      ),
    );
    const ids = await Promise.all(
      responses.map(async (r) => {
        expect(r.status).toBe(200);
        return (await json<{ id: string }>(r)).id;
      }),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await db.guidanceSession.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
  });
});
