// Simultaneous requests for one scarce thing. A .postgres test: the embedded database runs one
// statement at a time, so there these would pass without the locks and unique keys they check;
// they run only against a PostgreSQL server (TEST_DATABASE_URL), as CI does (vitest.config.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { getUser, type AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { respond } from '~/domain/events/rsvp.server';
import { helsinkiToday } from '~/i18n/format';
import * as newEventRoute from '~/routes/events.new';
import * as saveRoute from '~/routes/reports.log.save';
import { makeOrganisation, makeSupportPoint, makeUser, TEST_META } from '#tests/factories';
import { callAction, cookieFor, json, loginAs, makeRequest } from '#tests/helpers';

let orgId: string;
beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
});

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
