import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import { audienceMembersWhere } from '~/domain/members/audience.server';
import * as eventsRoute from '~/routes/events._index';
import * as newRoute from '~/routes/events.new';
import * as eventRoute from '~/routes/events.$id._index';
import * as editRoute from '~/routes/events.$id.edit';
import * as icsRoute from '~/routes/events.$id.ics';
import * as calendarRoute from '~/routes/events.calendar';
import * as feedRoute from '~/routes/calendar.$token';
import * as checkInRoute from '~/routes/events.$id.check-in';
import * as attendanceRoute from '~/routes/events.$id.attendance';
import * as organiseRoute from '~/routes/events.$id.organise';
import * as announcementsRoute from '~/routes/announcements._index';
import * as announcementRoute from '~/routes/announcements.$id';
import * as homeRoute from '~/routes/_index';
import * as searchRoute from '~/routes/search';
import { makeMaterial, makeOrganisation, makeSupportPoint, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, loginAs, makeRequest } from '#tests/helpers';

let orgA: string;
let orgB: string;
let pointId: string;
let coordinator: Awaited<ReturnType<typeof loginAs>>;
let adviserA: Awaited<ReturnType<typeof loginAs>>;
let adviserB: Awaited<ReturnType<typeof loginAs>>;

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  pointId = (await makeSupportPoint(db)).id;
  coordinator = await loginAs('coordinator', orgA);
  adviserA = await loginAs('adviser', orgA);
  adviserB = await loginAs('adviser', orgB);
});

/** A Helsinki wall-clock time `days` from now at `time`, as a datetime-local value. */
function local(days: number, time = '14:00') {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

const eventForm = (overrides: Record<string, string | string[]> = {}) => ({
  type: 'network_meeting',
  titleFi: 'Verkostotapaaminen',
  titleSv: 'Nätverksträff',
  titleEn: '',
  descriptionFi: 'Ajankohtaiset asiat ja uudet palvelut.',
  startsAt: local(10, '14:00'),
  endsAt: local(10, '16:00'),
  placeKind: 'hybrid',
  supportPointId: pointId,
  address: '',
  joinUrl: 'https://meet.example.test/verkosto',
  capacity: '',
  rsvpDeadline: '',
  audience: 'all',
  ...overrides,
});

async function create(overrides: Record<string, string | string[]> = {}, cookie = coordinator.cookie) {
  const response = await callAction(
    newRoute,
    makeRequest('/events/new', { cookie, form: eventForm(overrides) }),
  );
  expect(response.status, JSON.stringify(await response.clone().text()).slice(0, 300)).toBe(302);
  return response.headers.get('Location')!.split('/')[2]!.split('?')[0]!;
}

const page = (id: string, cookie: string) =>
  callLoader(eventRoute, makeRequest(`/events/${id}`, { cookie }), { id });
const rsvp = (id: string, cookie: string, status: string) =>
  callAction(eventRoute, makeRequest(`/events/${id}`, { cookie, form: { intent: 'rsvp', status } }), { id });

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('announcing events', () => {
  it('is found in each language it is written in, stemmed in that language, and listed once', async () => {
    const id = await create({
      titleFi: 'Pankkitunnusten opastusilta',
      titleSv: 'Handledningskväll om bankkoder',
      titleEn: 'Guidance evening on bank codes',
      descriptionFi: 'Käydään läpi tunnistautuminen.',
    });
    const found = async (q: string) =>
      (
        await json<{ hits: { url: string }[] }>(
          await callLoader(
            searchRoute,
            makeRequest(`/search?${new URLSearchParams({ q, kind: 'event' })}`, { cookie: adviserA.cookie }),
          ),
        )
      ).hits.filter((h) => h.url === `/events/${id}`).length;
    expect(await found('opastusillat')).toBe(1);
    expect(await found('handledningskvällen')).toBe(1);
    expect(await found('evenings')).toBe(1);
    expect(await found('bankkoder')).toBe(1);
    expect(await db.searchDocument.count({ where: { sourceId: id } })).toBe(3);
  });

  it('refuses an end before the start, a deadline after the start and a bad capacity, saving nothing', async () => {
    const before = await db.event.count();
    const response = await callAction(
      newRoute,
      makeRequest('/events/new', {
        cookie: coordinator.cookie,
        form: eventForm({ endsAt: local(10, '13:00'), rsvpDeadline: local(11, '09:00') }),
      }),
    );
    expect(response.status).toBe(400);
    const body = await json<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
      response,
    );
    expect(body.errors.endsAt?.key).toBe('events:errors.endBeforeStart');
    expect(body.errors.rsvpDeadline?.key).toBe('events:errors.deadlineAfterStart');
    expect(body.values.descriptionFi).toBe('Ajankohtaiset asiat ja uudet palvelut.');
    const bad = await callAction(
      newRoute,
      makeRequest('/events/new', {
        cookie: coordinator.cookie,
        form: eventForm({ capacity: '-3', titleFi: '', titleSv: '' }),
      }),
    );
    const badBody = await json<{ errors: Record<string, { key: string }> }>(bad);
    expect(badBody.errors.capacity?.key).toBe('events:errors.capacity');
    expect(await db.event.count()).toBe(before);
  });

  it('stores Helsinki times as instants across daylight-saving changes (03:30 on the last Sundays of March and October)', async () => {
    const march = await create({ startsAt: '2027-03-28T03:30', endsAt: '2027-03-28T05:00' });
    const october = await create({ startsAt: '2027-10-31T03:30', endsAt: '2027-10-31T05:00' });
    const summer = await create({ startsAt: '2027-06-15T14:00', endsAt: '2027-06-15T16:00' });
    const stored = async (id: string) =>
      (await db.event.findUniqueOrThrow({ where: { id } })).startsAt.toISOString();
    // 03:30 does not exist in March (clocks jump 03:00 -> 04:00): it is read as 04:30 summer
    // time, as Temporal's "compatible" rule does.
    expect(await stored(march)).toBe('2027-03-28T01:30:00.000Z');
    // 03:30 happens twice in October (03:00-04:00 summer time, then again in winter time): the
    // first, in summer time, is taken, as Temporal's "compatible" rule does.
    expect(await stored(october)).toBe('2027-10-31T00:30:00.000Z');
    expect(await stored(summer)).toBe('2027-06-15T11:00:00.000Z');
    // An independent parser reads the .ics back to the same instants, via its VTIMEZONE.
    for (const id of [march, october, summer]) {
      const response = await callLoader(
        icsRoute,
        makeRequest(`/events/${id}/ics`, { cookie: adviserA.cookie }),
        { id },
      );
      expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
      const [event] = parseIcs(await response.text());
      expect(event!.startDate.zone?.tzid).toBe('Europe/Helsinki');
      if (id === october) {
        // The file says 03:30 Helsinki time, which RFC 5545 (3.3.5) reads as the first 03:30,
        // the instant stored; ical.js takes the second, so only the wall time is compared.
        expect([event!.startDate.hour, event!.startDate.minute]).toEqual([3, 30]);
      } else expect(event!.startDate.toJSDate().toISOString()).toBe(await stored(id));
    }
  });

  it('an adviser cannot announce; a trainer only trainings', async () => {
    expect((await callLoader(newRoute, makeRequest('/events/new', { cookie: adviserA.cookie }))).status).toBe(
      404,
    );
    const trainer = await loginAs('trainer', orgA);
    const refused = await callAction(
      newRoute,
      makeRequest('/events/new', { cookie: trainer.cookie, form: eventForm() }),
    );
    expect((await json<{ errors: Record<string, { key: string }> }>(refused)).errors.type?.key).toBe(
      'events:errors.type',
    );
    await create({ type: 'training_day' }, trainer.cookie);
  });
});

describe('signing up', () => {
  it('a cancellation promotes the first on the waiting list, who is told in the app and by e-mail', async () => {
    const id = await create({ capacity: '1', titleFi: 'Pieni työpaja' });
    const first = await loginAs('adviser', orgA);
    const second = await loginAs('adviser', orgA);
    const third = await loginAs('adviser', orgA);
    // What each sees on the page after answering.
    const answer = async (member: { cookie: string }) => {
      expect((await rsvp(id, member.cookie, 'going')).status).toBe(200);
      return (await json<{ myStatus: string }>(await page(id, member.cookie))).myStatus;
    };
    expect(await answer(first)).toBe('going');
    expect(await answer(second)).toBe('waitlist');
    expect(await answer(third)).toBe('waitlist');
    expect((await json<{ waitlistPosition: number }>(await page(id, third.cookie))).waitlistPosition).toBe(2);
    // The event page as a member: who is logged in; the event with its support point, organisers
    // and creator; the counts with the member's own answer and place in the queue; its materials;
    // its briefings with their live titles. Five (it was thirteen: one per relation, then seven).
    const before = statementCount();
    const seen = await json<{ going: number; waitlist: number; myStatus: string; organisers: string[] }>(
      await page(id, third.cookie),
    );
    expect(statementCount() - before).toBe(5);
    expect(seen).toMatchObject({ going: 1, waitlist: 2, myStatus: 'waitlist' });

    await rsvp(id, first.cookie, 'cant');
    const statuses = await db.eventRsvp.findMany({
      where: { eventId: id },
      select: { userId: true, status: true },
    });
    expect(statuses.find((s) => s.userId === second.user.id)?.status).toBe('going');
    expect(statuses.find((s) => s.userId === third.user.id)?.status).toBe('waitlist');
    expect((await json<{ waitlistPosition: number }>(await page(id, third.cookie))).waitlistPosition).toBe(1);
    const told = await db.notification.findFirst({
      where: { userId: second.user.id, type: 'event_promoted' },
    });
    expect(told?.url).toBe(`/events/${id}`);
    expect(await db.email.count({ where: { to: second.user.email } })).toBe(1);
    expect(await db.notification.count({ where: { userId: third.user.id, type: 'event_promoted' } })).toBe(0);
  });

  it('closes at the deadline; a cancelled event stays visible, refuses answers and tells everyone who signed up', async () => {
    const soon = new Date(Date.now() + 60 * 60_000);
    const id = await create({ titleFi: 'Peruttava tapaaminen' });
    await rsvp(id, adviserA.cookie, 'going');
    await db.event.update({
      where: { id },
      data: {
        rsvpDeadline: new Date(Date.now() - 60_000),
        startsAt: soon,
        endsAt: new Date(soon.getTime() + 3600_000),
      },
    });
    const late = await rsvp(id, adviserB.cookie, 'going');
    expect((await json<{ errors: { status: { key: string } } }>(late)).errors.status.key).toBe(
      'events:errors.rsvpClosed',
    );

    // Cancelling asks to confirm first, keeping the reason; nothing changes yet.
    const asked = await callAction(
      eventRoute,
      makeRequest(`/events/${id}`, {
        cookie: coordinator.cookie,
        form: { intent: 'cancel', reason: 'Sairastuminen' },
      }),
      { id },
    );
    expect(await json(asked)).toMatchObject({ confirm: 'cancel', values: { reason: 'Sairastuminen' } });
    expect((await db.event.findUniqueOrThrow({ where: { id } })).cancelledAt).toBeNull();
    // Each one signed up is told in their own language (the event is written in fi and sv).
    await db.user.update({ where: { id: adviserA.user.id }, data: { locale: 'sv' } });
    const cancelled = await callAction(
      eventRoute,
      makeRequest(`/events/${id}`, {
        cookie: coordinator.cookie,
        form: { intent: 'cancel', reason: 'Sairastuminen', confirmed: 'yes' },
      }),
      { id },
    );
    expect(cancelled.status).toBe(200);
    const view = await json<{ event: { cancelledAt: string | null; cancelReason: string } }>(
      await page(id, adviserA.cookie),
    );
    expect(view.event.cancelledAt).not.toBeNull();
    expect(view.event.cancelReason).toBe('Sairastuminen');
    // Marked in every calendar view: the month (a "cancelled" badge in words) and the .ics.
    const month = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Helsinki',
      year: 'numeric',
      month: '2-digit',
    }).format(soon);
    const monthView = await json<{ events: { id: string; cancelledAt: string | null }[] }>(
      await callLoader(
        eventsRoute,
        makeRequest(`/events?view=month&month=${month}`, { cookie: adviserA.cookie }),
      ),
    );
    expect(monthView.events.find((e) => e.id === id)?.cancelledAt).not.toBeNull();
    const ics = await callLoader(icsRoute, makeRequest(`/events/${id}/ics`, { cookie: adviserA.cookie }), {
      id,
    });
    expect(await ics.text()).toContain('STATUS:CANCELLED');
    const told = await db.notification.findFirst({
      where: { userId: adviserA.user.id, type: 'event_cancelled' },
    });
    expect(told?.data).toMatchObject({ detail: 'Sairastuminen' });
    expect(told?.title).toBe('Nätverksträff');
    await db.user.update({ where: { id: adviserA.user.id }, data: { locale: 'fi' } });
    // An adviser cannot cancel.
    const refused = await callAction(
      eventRoute,
      makeRequest(`/events/${id}`, { cookie: adviserA.cookie, form: { intent: 'cancel', reason: 'x' } }),
      { id },
    );
    expect(refused.status).toBe(404);
  });

  it('the capacity cannot go below the people already coming; raising it lets the queue in', async () => {
    const id = await create({ capacity: '2', titleFi: 'Kapasiteetti' });
    const [a, b, c] = [
      await loginAs('adviser', orgA),
      await loginAs('adviser', orgA),
      await loginAs('adviser', orgA),
    ];
    for (const who of [a, b, c]) await rsvp(id, who.cookie, 'going');
    const edit = (capacity: string) =>
      callAction(
        editRoute,
        makeRequest(`/events/${id}/edit`, {
          cookie: coordinator.cookie,
          form: eventForm({ capacity, titleFi: 'Kapasiteetti' }),
        }),
        { id },
      );
    const tooFew = await edit('1');
    expect(tooFew.status).toBe(400);
    expect((await json<{ errors: Record<string, { key: string }> }>(tooFew)).errors.capacity?.key).toBe(
      'events:errors.capacityBelowGoing',
    );
    expect((await db.event.findUniqueOrThrow({ where: { id } })).capacity).toBe(2);
    expect((await edit('3')).status).toBe(302);
    const third = await db.eventRsvp.findUniqueOrThrow({
      where: { eventId_userId: { eventId: id, userId: c.user.id } },
    });
    expect(third.status).toBe('going');
    expect((await db.event.findUniqueOrThrow({ where: { id } })).goingCount).toBe(3);
  });
});

describe('the upcoming list', () => {
  it('shows each event\'s place and the reader\'s own answer, pages with the count of all, and "my events" only those answered', async () => {
    const going = await create({ titleFi: 'Listan tapahtuma, tulen' });
    const waiting = await create({ titleFi: 'Listan tapahtuma, jonossa', capacity: '1' });
    expect((await rsvp(waiting, coordinator.cookie, 'going')).status).toBe(200);
    expect((await rsvp(going, adviserA.cookie, 'going')).status).toBe(200);
    expect((await rsvp(waiting, adviserA.cookie, 'going')).status).toBe(200);
    const point = await db.supportPoint.findUniqueOrThrow({ where: { id: pointId } });
    type Listed = {
      events: { id: string; myStatus: string | null; supportPoint: { name: string } | null }[];
      total: number;
      pages: number;
    };
    const list = async (query: string, cookie = adviserA.cookie) =>
      json<Listed>(await callLoader(eventsRoute, makeRequest(`/events${query}`, { cookie })));
    // The coordinator sees every event: the count is of all upcoming ones, whatever the page.
    const upcoming = await db.event.count({ where: { endsAt: { gte: new Date() } } });
    const first = await list('', coordinator.cookie);
    expect(first.total).toBe(upcoming);
    expect(first.pages).toBe(Math.max(1, Math.ceil(upcoming / 30)));
    const pastTheLast = await list(`?page=${first.pages + 1}`, coordinator.cookie);
    expect(pastTheLast.events).toEqual([]);
    expect(pastTheLast.total).toBe(upcoming);

    const all = (await list('?page=1')).events;
    expect(all.find((e) => e.id === going)).toMatchObject({
      myStatus: 'going',
      supportPoint: { name: point.name },
    });
    expect(all.find((e) => e.id === waiting)).toMatchObject({ myStatus: 'waitlist' });
    const mine = await list('?show=mine');
    expect(mine.events.map((e) => e.id)).toEqual(expect.arrayContaining([going, waiting]));
    expect(mine.events.every((e) => e.myStatus !== null)).toBe(true);
    expect(mine.total).toBe(
      await db.eventRsvp.count({
        where: {
          userId: adviserA.user.id,
          status: { in: ['going', 'maybe', 'waitlist'] },
          event: { endsAt: { gte: new Date() } },
        },
      }),
    );
    expect((await list('?show=mine', adviserB.cookie)).events.map((e) => e.id)).not.toContain(going);
  });
});

describe('reminders', () => {
  it('are sent once per choice, even when a job runs again after a restart, and follow a change of time', async () => {
    const id = await create({
      titleFi: 'Muistutettava',
      startsAt: local(3, '10:00'),
      endsAt: local(3, '12:00'),
    });
    const member = await loginAs('adviser', orgA);
    await rsvp(id, member.cookie, 'going');
    const jobs = await db.job.findMany({
      where: { type: 'event.reminder', uniqueKey: { contains: member.user.id } },
    });
    expect(jobs.map((j) => (j.payload as { minutes: number }).minutes).sort()).toEqual([1440, 60].sort());

    // Time passes: both are due. The worker runs them; then, as after a crash before a job was
    // marked done, they run again.
    await db.job.updateMany({
      where: { id: { in: jobs.map((j) => j.id) } },
      data: { runAt: new Date(Date.now() - 1000) },
    });
    await runDueJobs();
    await db.job.updateMany({
      where: { id: { in: jobs.map((j) => j.id) } },
      data: { status: 'pending', runAt: new Date(Date.now() - 1000) },
    });
    await runDueJobs();
    expect(await db.notification.count({ where: { userId: member.user.id, type: 'event_reminder' } })).toBe(
      2,
    );
    expect(await db.eventReminder.count({ where: { eventId: id, userId: member.user.id } })).toBe(2);

    // Moved to another day: those signed up are told; new reminders are made for the new time
    // and the old jobs, if they ran, would find the time changed.
    const moved = await callAction(
      editRoute,
      makeRequest(`/events/${id}/edit`, {
        cookie: coordinator.cookie,
        form: eventForm({ titleFi: 'Muistutettava', startsAt: local(5, '10:00'), endsAt: local(5, '12:00') }),
      }),
      { id },
    );
    expect(moved.status).toBe(302);
    expect(await db.notification.count({ where: { userId: member.user.id, type: 'event_changed' } })).toBe(1);
    const newJobs = await db.job.findMany({
      where: { type: 'event.reminder', status: 'pending', uniqueKey: { contains: member.user.id } },
    });
    expect(newJobs).toHaveLength(2);
  });
});

describe('audience and calendars', () => {
  it('an event for organisation A is invisible to B in the list, the month, the page, the .ics, search and the feed', async () => {
    const id = await create({
      titleFi: 'Vain A-järjestön tapaaminen',
      audience: 'organisations',
      audienceOrgIds: [orgA],
    });
    const month = local(10).slice(0, 7);
    const listed = async (cookie: string) =>
      (
        await json<{ events: { id: string }[] }>(
          await callLoader(eventsRoute, makeRequest('/events', { cookie })),
        )
      ).events.map((e) => e.id);
    const inMonth = async (cookie: string) =>
      (
        await json<{ events: { id: string }[] }>(
          await callLoader(eventsRoute, makeRequest(`/events?view=month&month=${month}`, { cookie })),
        )
      ).events.map((e) => e.id);
    const found = async (cookie: string) =>
      (
        await json<{ hits: { url: string }[] }>(
          await callLoader(searchRoute, makeRequest('/search?q=järjestön', { cookie })),
        )
      ).hits.map((h) => h.url);
    expect(await listed(adviserA.cookie)).toContain(id);
    expect(await inMonth(adviserA.cookie)).toContain(id);
    expect(await found(adviserA.cookie)).toContain(`/events/${id}`);
    expect(await listed(adviserB.cookie)).not.toContain(id);
    expect(await inMonth(adviserB.cookie)).not.toContain(id);
    expect(await found(adviserB.cookie)).not.toContain(`/events/${id}`);
    expect((await page(id, adviserB.cookie)).status).toBe(404);
    expect(
      (await callLoader(icsRoute, makeRequest(`/events/${id}/ics`, { cookie: adviserB.cookie }), { id }))
        .status,
    ).toBe(404);
    expect((await rsvp(id, adviserB.cookie, 'going')).status).toBe(404);
  });

  it('the personal feed: valid iCalendar with the events signed up for and the network meetings, join links only when signed up, revocable', async () => {
    const member = await loginAs('adviser', orgB);
    const meeting = await create({ titleFi: 'Syötteen verkostotapaaminen' });
    const training = await create({
      type: 'training_day',
      titleFi: 'Syötteen koulutus',
      joinUrl: 'https://meet.example.test/koulutus',
    });
    const other = await create({ type: 'webinar', titleFi: 'Syötteen ulkopuolinen webinaari' });
    const hidden = await create({
      titleFi: 'Vain A: ei syötteeseen',
      audience: 'organisations',
      audienceOrgIds: [orgA],
    });
    await rsvp(training, member.cookie, 'going');

    const made = await callAction(
      calendarRoute,
      makeRequest('/events/calendar', { cookie: member.cookie, form: { intent: 'new-feed' } }),
    );
    const { feedUrl } = await json<{ feedUrl: string }>(made);
    const token = feedUrl.split('/calendar/')[1]!;
    const feed = await callLoader(feedRoute, makeRequest(`/calendar/${token}`), { token });
    expect(feed.status).toBe(200);
    const text = await feed.text();
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = parseIcs(text);
    const uids = events.map((e) => e.uid);
    expect(uids).toContain(`${training}@tukiverkko`);
    expect(uids).toContain(`${meeting}@tukiverkko`);
    expect(uids).not.toContain(`${other}@tukiverkko`);
    expect(uids).not.toContain(`${hidden}@tukiverkko`);
    expect(events.find((e) => e.uid === `${training}@tukiverkko`)?.description).toContain(
      'https://meet.example.test/koulutus',
    );
    expect(events.find((e) => e.uid === `${meeting}@tukiverkko`)?.description).not.toContain(
      'https://meet.example.test/verkosto',
    );
    expect(events.find((e) => e.uid === `${meeting}@tukiverkko`)?.summary).toBe(
      'Syötteen verkostotapaaminen',
    );
    // Where it is: the support point's name and address.
    const point = await db.supportPoint.findUniqueOrThrow({ where: { id: pointId } });
    expect(events.find((e) => e.uid === `${meeting}@tukiverkko`)?.location).toBe(
      [point.name, point.address].filter(Boolean).join(', '),
    );

    // Only the hash is stored; a new address revokes the old one.
    expect(await db.calendarFeed.count({ where: { tokenHash: token.replace('.ics', '') } })).toBe(0);
    await callAction(
      calendarRoute,
      makeRequest('/events/calendar', { cookie: member.cookie, form: { intent: 'new-feed' } }),
    );
    expect((await callLoader(feedRoute, makeRequest(`/calendar/${token}`), { token })).status).toBe(404);
    expect(
      (await callLoader(feedRoute, makeRequest('/calendar/nonsense'), { token: 'nonsense' })).status,
    ).toBe(404);
  });
});

describe('on the day and after', () => {
  it('the organiser checks people in (also walk-ins), exports attendance as CSV and shares the minutes with those who came', async () => {
    const id = await create({ titleFi: 'Tapaaminen, jossa kirjataan läsnäolo', capacity: '5' });
    const [came, noShow] = [await loginAs('adviser', orgA), await loginAs('adviser', orgA)];
    const walkIn = await makeUser(db, { role: 'adviser', organisationId: orgB, name: 'Wilma Walkin' });
    await rsvp(id, came.cookie, 'going');
    await rsvp(id, noShow.cookie, 'going');
    const checkIn = (userId: string, intent = 'check-in', cookie = coordinator.cookie) =>
      callAction(checkInRoute, makeRequest(`/events/${id}/check-in`, { cookie, form: { intent, userId } }), {
        id,
      });
    expect((await checkIn(came.user.id, 'check-in', adviserA.cookie)).status).toBe(404);
    expect((await checkIn(came.user.id)).status).toBe(200);

    const search = await json<{ others: { id: string }[] }>(
      await callLoader(
        checkInRoute,
        makeRequest(`/events/${id}/check-in?q=Wilma`, { cookie: coordinator.cookie }),
        { id },
      ),
    );
    expect(search.others.map((o) => o.id)).toEqual([walkIn.id]);
    expect((await checkIn(walkIn.id)).status).toBe(200);
    const summary = await json<{ summary: { attended: number; noShows: number; walkIns: number } }>(
      await callLoader(checkInRoute, makeRequest(`/events/${id}/check-in`, { cookie: coordinator.cookie }), {
        id,
      }),
    );
    expect(summary.summary).toEqual({ attended: 2, noShows: 1, walkIns: 1 });
    // A walk-in does not take a place.
    expect((await db.event.findUniqueOrThrow({ where: { id } })).goingCount).toBe(2);

    const csv = await callLoader(
      attendanceRoute,
      makeRequest(`/events/${id}/attendance`, { cookie: coordinator.cookie }),
      { id },
    );
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Nimi,Sähköposti,Organisaatio,Vastaus,Paikalla,Ei tullut');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('Wilma Walkin'))).toContain('Tuli ilmoittautumatta');
    expect(lines.find((l) => l.includes(noShow.user.email))?.endsWith(',kyllä')).toBe(true);
    expect(
      (
        await callLoader(
          attendanceRoute,
          makeRequest(`/events/${id}/attendance`, { cookie: adviserA.cookie }),
          { id },
        )
      ).status,
    ).toBe(404);

    const empty = await callAction(
      eventRoute,
      makeRequest(`/events/${id}`, { cookie: coordinator.cookie, form: { intent: 'follow-up' } }),
      { id },
    );
    expect((await json<{ errors: Record<string, { key: string }> }>(empty)).errors.minutesUrl?.key).toBe(
      'events:errors.followUpEmpty',
    );
    const shared = await callAction(
      eventRoute,
      makeRequest(`/events/${id}`, {
        cookie: coordinator.cookie,
        form: {
          intent: 'follow-up',
          minutesUrl: 'https://docs.example.test/muistio',
          recordingUrl: 'https://video.example.test/tallenne',
          note: 'Kiitos!',
        },
      }),
      { id },
    );
    expect(shared.status).toBe(200);
    for (const who of [came.user.id, noShow.user.id, walkIn.id]) {
      expect(await db.notification.count({ where: { userId: who, type: 'event_followup' } })).toBe(1);
    }
    const view = await json<{ event: { minutesUrl: string; followUpNote: string } }>(
      await page(id, came.cookie),
    );
    expect(view.event).toMatchObject({
      minutesUrl: 'https://docs.example.test/muistio',
      followUpNote: 'Kiitos!',
    });
  });

  it('CSV cells that a spreadsheet would run are written as text', async () => {
    const id = await create({ titleFi: 'CSV-turva' });
    const sly = await makeUser(db, {
      role: 'adviser',
      organisationId: orgA,
      name: '=HYPERLINK("http://x.test")',
    });
    await callAction(
      checkInRoute,
      makeRequest(`/events/${id}/check-in`, {
        cookie: coordinator.cookie,
        form: { intent: 'check-in', userId: sly.id },
      }),
      { id },
    );
    const text = await (
      await callLoader(
        attendanceRoute,
        makeRequest(`/events/${id}/attendance`, { cookie: coordinator.cookie }),
        { id },
      )
    ).text();
    expect(text).toContain(`"'=HYPERLINK(""http://x.test"")"`);
  });
});

describe('organisers and linked materials', () => {
  const organise = (id: string, cookie: string, form: Record<string, string>) =>
    callAction(organiseRoute, makeRequest(`/events/${id}/organise`, { cookie, form }), { id });
  const organisePage = (id: string, cookie: string, query = '') =>
    callLoader(organiseRoute, makeRequest(`/events/${id}/organise${query}`, { cookie }), { id });

  it('an organiser found by name may change the training; the last organiser cannot be removed', async () => {
    const id = await create({ type: 'training_day', titleFi: 'Koulutuspäivä, jonka järjestää kaksi' });
    const trainer = await makeUser(db, {
      role: 'trainer',
      organisationId: orgA,
      name: 'Tuula Tapahtumakouluttaja',
    });
    const trainerCookie = await cookieFor(trainer.id);
    const edit = (cookie: string) =>
      callLoader(editRoute, makeRequest(`/events/${id}/edit`, { cookie }), { id });
    expect((await edit(trainerCookie)).status).toBe(404);
    expect((await organisePage(id, trainerCookie)).status).toBe(404);
    expect(
      (await organise(id, adviserA.cookie, { intent: 'add-organiser', userId: adviserA.user.id })).status,
    ).toBe(404);

    const found = await json<{ people: { id: string }[] }>(
      await organisePage(id, coordinator.cookie, '?who=tapahtumakouluttaja'),
    );
    expect(found.people.map((p) => p.id)).toEqual([trainer.id]);
    expect(
      (await organise(id, coordinator.cookie, { intent: 'add-organiser', userId: trainer.id })).status,
    ).toBe(200);
    expect((await edit(trainerCookie)).status).toBe(200);
    const view = await json<{ event: { organisers: string[] } }>(await page(id, adviserA.cookie));
    expect(view.event.organisers).toContain('Tuula Tapahtumakouluttaja');
    // Already an organiser: not offered again.
    const again = await json<{ people: unknown[] }>(
      await organisePage(id, coordinator.cookie, '?who=tapahtumakouluttaja'),
    );
    expect(again.people).toEqual([]);

    expect(
      (await organise(id, trainerCookie, { intent: 'remove-organiser', userId: coordinator.user.id })).status,
    ).toBe(200);
    const last = await organise(id, trainerCookie, { intent: 'remove-organiser', userId: trainer.id });
    expect(last.status).toBe(400);
    expect((await last.json()).errors.userId.key).toBe('events:organise.lastOrganiser');
    expect(await db.eventOrganiser.findMany({ where: { eventId: id }, select: { userId: true } })).toEqual([
      { userId: trainer.id },
    ]);
    expect(await db.auditLog.count({ where: { targetId: id, action: 'event_organisers_change' } })).toBe(2);
  });

  it("linked materials show in each reader's language and only to readers the material is for", async () => {
    const id = await create({ titleFi: 'Tapaaminen materiaalien kera' });
    const fi = await makeMaterial({ actorId: coordinator.user.id, title: 'Pohjamateriaali tapaamiseen' });
    const sv = await makeMaterial({
      actorId: coordinator.user.id,
      title: 'Grundmaterial till träffen',
      language: 'sv',
      translationOf: fi.id,
    });
    const onlyB = await makeMaterial({
      actorId: coordinator.user.id,
      title: 'Pohjamateriaali vain B:lle',
      audience: 'organisations',
      audienceOrgIds: [orgB],
    });
    const draft = await makeMaterial({
      actorId: coordinator.user.id,
      title: 'Pohjamateriaali luonnos',
      publish: false,
    });

    const found = await json<{ found: { groupId: string }[] }>(
      await organisePage(id, coordinator.cookie, '?what=pohjamateriaali'),
    );
    expect(found.found.map((m) => m.groupId).sort()).toEqual([fi.groupId, onlyB.groupId].sort());
    expect(
      (await organise(id, coordinator.cookie, { intent: 'link-material', groupId: draft.groupId })).status,
    ).toBe(400);
    for (const groupId of [fi.groupId, onlyB.groupId]) {
      expect((await organise(id, coordinator.cookie, { intent: 'link-material', groupId })).status).toBe(200);
    }

    type Materials = { materials: { slug: string; state: string }[] };
    const seen = async (cookie: string, lng = 'fi') =>
      (
        await json<Materials>(
          await callLoader(eventRoute, makeRequest(`/events/${id}?lng=${lng}`, { cookie }), { id }),
        )
      ).materials.map((m) => m.slug);
    expect(await seen(adviserA.cookie)).toEqual([fi.slug]);
    expect(await seen(adviserA.cookie, 'sv')).toEqual([sv.slug]);
    expect(await seen(adviserB.cookie)).toEqual([fi.slug, onlyB.slug]);

    expect(
      (await organise(id, coordinator.cookie, { intent: 'unlink-material', groupId: fi.groupId })).status,
    ).toBe(200);
    expect(await seen(adviserB.cookie)).toEqual([onlyB.slug]);
  });
});

describe('announcements', () => {
  it('stay on top of the home page of their audience until read; the coordinator sees reach per organisation', async () => {
    const readerA = await loginAs('adviser', orgA);
    const readerB = await loginAs('adviser', orgB);
    const bad = await callAction(
      announcementsRoute,
      makeRequest('/announcements', {
        cookie: coordinator.cookie,
        form: { title: '', body: 'x', language: 'fi', audience: 'organisations' },
      }),
    );
    const badBody = await json<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
      bad,
    );
    expect(badBody.errors.title?.key).toBe('validation.required');
    expect(badBody.errors.audienceOrgIds?.key).toBe('events:errors.audienceOrgs');
    expect(badBody.values.body).toBe('x');

    const created = await callAction(
      announcementsRoute,
      makeRequest('/announcements', {
        cookie: coordinator.cookie,
        form: {
          title: 'Uusi tunnistautumistapa 1.12.',
          body: 'Lue ohje ennen vuoroa.',
          language: 'fi',
          audience: 'organisations',
          audienceOrgIds: [orgA],
        },
      }),
    );
    expect(created.status).toBe(302);
    const id = created.headers.get('Location')!.split('/')[2]!.split('?')[0]!;
    const home = async (cookie: string) =>
      (
        await json<{ announcements: { id: string }[] }>(
          await callLoader(homeRoute, makeRequest('/', { cookie })),
        )
      ).announcements.map((a) => a.id);
    expect(await home(readerA.cookie)).toContain(id);
    expect(await home(readerB.cookie)).not.toContain(id);

    const read = (cookie: string) =>
      callAction(homeRoute, makeRequest('/', { cookie, form: { announcementId: id } }));
    await read(readerA.cookie);
    await read(readerA.cookie);
    await read(readerB.cookie); // not for them: nothing is recorded
    expect(await home(readerA.cookie)).not.toContain(id);
    expect(await db.announcementRead.count({ where: { announcementId: id } })).toBe(1);

    const reach = await json<{ rows: { organisation: string; members: number; read: number }[] }>(
      await callLoader(
        announcementRoute,
        makeRequest(`/announcements/${id}`, { cookie: coordinator.cookie }),
        { id },
      ),
    );
    const membersOfA = await db.user.count({ where: { organisationId: orgA, status: 'active' } });
    expect(reach.rows).toHaveLength(1);
    expect(reach.rows[0]).toMatchObject({ members: membersOfA, read: 1 });
    // The list gives every announcement's reach too, counted once for the whole list.
    const list = await json<{
      announcements: { id: string; read: number; audienceSize: number; audience: string }[];
    }>(await callLoader(announcementsRoute, makeRequest('/announcements', { cookie: coordinator.cookie })));
    expect(list.announcements.find((a) => a.id === id)).toMatchObject({ read: 1, audienceSize: membersOfA });
    for (const a of list.announcements) {
      const stored = await db.announcement.findUniqueOrThrow({ where: { id: a.id } });
      expect(a.audienceSize).toBe(await db.user.count({ where: audienceMembersWhere(stored) }));
    }
    expect(
      (
        await callLoader(announcementRoute, makeRequest(`/announcements/${id}`, { cookie: readerA.cookie }), {
          id,
        })
      ).status,
    ).toBe(404);

    // Taken down: off every home page; audited.
    await callAction(
      announcementRoute,
      makeRequest(`/announcements/${id}`, { cookie: coordinator.cookie, form: {} }),
      { id },
    );
    const other = await loginAs('adviser', orgA);
    expect(await home(other.cookie)).not.toContain(id);
    expect(await db.auditLog.count({ where: { targetId: id } })).toBe(2);
  });
});

describe('series', () => {
  it('every 6 weeks at 14–16 Helsinki time across the spring change; one occurrence changed alone; "this and following"; one cancelled', async () => {
    const created = await callAction(
      newRoute,
      makeRequest('/events/new', {
        cookie: coordinator.cookie,
        form: eventForm({
          titleFi: 'Verkostotapaaminen (sarja)',
          startsAt: '2027-02-16T14:00',
          endsAt: '2027-02-16T16:00',
          repeatWeeks: '6',
          repeatCount: '4',
        }),
      }),
    );
    expect(created.status).toBe(302);
    const firstId = created.headers.get('Location')!.split('/')[2]!.split('?')[0]!;
    const { seriesId } = await db.event.findUniqueOrThrow({ where: { id: firstId } });
    const occurrences = async () =>
      db.event.findMany({
        where: { seriesId },
        orderBy: { seriesIndex: 'asc' },
        select: { id: true, startsAt: true, endsAt: true, detached: true, cancelledAt: true },
      });
    const all = await occurrences();
    expect(all.map((e) => e.startsAt.toISOString())).toEqual([
      '2027-02-16T12:00:00.000Z', // winter time, UTC+2
      '2027-03-30T11:00:00.000Z', // summer time, UTC+3: still 14:00 in Helsinki
      '2027-05-11T11:00:00.000Z',
      '2027-06-22T11:00:00.000Z',
    ]);

    const edit = (id: string, form: Record<string, string>) =>
      callAction(
        editRoute,
        makeRequest(`/events/${id}/edit`, {
          cookie: coordinator.cookie,
          form: eventForm({ titleFi: 'Verkostotapaaminen (sarja)', ...form }),
        }),
        { id },
      );
    // The second moves to 15–17 on its own.
    expect(
      (await edit(all[1]!.id, { startsAt: '2027-03-30T15:00', endsAt: '2027-03-30T17:00', scope: 'this' }))
        .status,
    ).toBe(302);
    // The first and those after it (but not the one changed alone) move to 13–15.
    expect(
      (
        await edit(all[0]!.id, {
          startsAt: '2027-02-16T13:00',
          endsAt: '2027-02-16T15:00',
          scope: 'following',
        })
      ).status,
    ).toBe(302);
    const after = await occurrences();
    expect(after.map((e) => e.startsAt.toISOString())).toEqual([
      '2027-02-16T11:00:00.000Z',
      '2027-03-30T12:00:00.000Z', // kept its own 15:00
      '2027-05-11T10:00:00.000Z',
      '2027-06-22T10:00:00.000Z',
    ]);
    expect(after.map((e) => e.detached)).toEqual([false, true, false, false]);

    // Cancelling one leaves the others as they are.
    await callAction(
      eventRoute,
      makeRequest(`/events/${all[2]!.id}`, {
        cookie: coordinator.cookie,
        form: { intent: 'cancel', reason: 'Juhlapyhä', confirmed: 'yes' },
      }),
      { id: all[2]!.id },
    );
    expect((await occurrences()).map((e) => Boolean(e.cancelledAt))).toEqual([false, false, true, false]);

    // Bad repeat input: how often without how many.
    const half = await callAction(
      newRoute,
      makeRequest('/events/new', { cookie: coordinator.cookie, form: eventForm({ repeatWeeks: '6' }) }),
    );
    expect((await json<{ errors: Record<string, { key: string }> }>(half)).errors.repeatCount?.key).toBe(
      'events:errors.repeatBoth',
    );
  });
});
