// Demo events, made through the events area's own commands: a hybrid network meeting, the
// autumn training day with 120 places, a webinar, a local meetup and one that was cancelled.
import type { AuthUser } from '~/auth/guards.server';
import { memberById } from '~/auth/guards.server';
import { db } from '~/db.server';
import { createAnnouncement } from '~/domain/announcements/announcements.server';
import { cancelEvent, createEvent, reindexEvent } from '~/domain/events/events.server';
import { findEvent } from '~/domain/events/queries.server';
import { addOrganiser, linkMaterial } from '~/domain/events/links.server';
import { createSeries } from '~/domain/events/series.server';
import { respond } from '~/domain/events/rsvp.server';
import type { EventInput } from '~/domain/events/schema.server';
import { helsinkiLocalInput } from '~/i18n/format';
import { holdsRole } from '~/auth/roles.server';

const DAY = 86_400_000;
const meta = { ip: '', userAgent: 'seed' };

/** A Helsinki wall-clock time `days` from today at `time`. */
function at(days: number, time: string) {
  return `${helsinkiLocalInput(new Date(Date.now() + days * DAY)).slice(0, 10)}T${time}`;
}

const base: Omit<EventInput, 'type' | 'titleFi' | 'startsAt' | 'endsAt' | 'placeKind'> = {
  titleSv: '',
  titleEn: '',
  descriptionFi: '',
  descriptionSv: '',
  descriptionEn: '',
  supportPointId: undefined,
  address: '',
  joinUrl: '',
  capacity: null,
  rsvpDeadline: '',
  audience: 'all',
  audienceOrgIds: [],
  audienceRoles: [],
};

export async function seedEventsDemo() {
  if (await db.event.count()) return;
  const coordinator = await memberById(
    (await db.user.findUniqueOrThrow({ where: { email: 'coordinator@demo.tukiverkko.test' } })).id,
  );
  if (!coordinator) throw new Error('No demo coordinator');
  const oodi = await db.supportPoint.findUniqueOrThrow({ where: { slug: 'oodi' } });
  const make = async (input: EventInput) => {
    const result = await createEvent(coordinator, input, meta);
    if (!result.ok) throw new Error(`Demo event ${input.titleFi}: ${JSON.stringify(result.errors)}`);
    return result.id;
  };
  // The network meets every six weeks: a series of four.
  const series = await createSeries(
    coordinator,
    {
      ...base,
      type: 'network_meeting',
      titleFi: 'Digituen verkostotapaaminen',
      titleSv: 'Nätverksträff för digitalt stöd',
      titleEn: 'Digital support network meeting',
      descriptionFi:
        'Ajankohtaiset asiat, uudet sähköiset palvelut ja kuulumiset tukipisteistä.\n\nKahvitarjoilu paikan päällä.',
      descriptionSv: 'Aktuellt, nya e-tjänster och nytt från stödpunkterna.',
      descriptionEn: 'News, new e-services and updates from the support points.',
      startsAt: at(9, '14:00'),
      endsAt: at(9, '16:00'),
      placeKind: 'hybrid',
      supportPointId: oodi.id,
      joinUrl: 'https://teams.example.test/digituki-verkosto',
    },
    { weeks: 6, count: 4 },
    meta,
  );
  if (!series.ok) throw new Error(`Demo series: ${JSON.stringify(series.errors)}`);
  const meeting = series.id;
  const trainingDay = await make({
    ...base,
    type: 'training_day',
    titleFi: 'Syksyn koulutuspäivä: vahva tunnistautuminen ja huijaukset',
    titleSv: 'Höstens utbildningsdag: stark autentisering och bedrägerier',
    descriptionFi: 'Koko päivän koulutus opastajille. Lounas tarjotaan.',
    startsAt: at(24, '09:00'),
    endsAt: at(24, '15:30'),
    placeKind: 'support_point',
    supportPointId: oodi.id,
    capacity: 120,
    rsvpDeadline: at(17, '16:00'),
  });
  // The training day prepares with the strong-identification path; a trainer co-organises it.
  const path = await db.learningPath.findUnique({
    where: { slug: 'vahva-tunnistautuminen' },
    select: { items: { orderBy: { position: 'asc' }, select: { groupId: true } } },
  });
  for (const { groupId } of path?.items ?? []) await linkMaterial(coordinator, trainingDay, groupId, meta);
  const trainer = await db.user.findUnique({
    where: { email: 'trainer@demo.tukiverkko.test' },
    select: { id: true },
  });
  if (trainer) await addOrganiser(coordinator, trainingDay, trainer.id, meta);
  const webinar = await make({
    ...base,
    type: 'webinar',
    titleFi: 'Webinaari: OmaKannan uusi kirjautuminen',
    descriptionFi: 'Puolen tunnin esittely ja kysymykset.',
    startsAt: at(4, '13:00'),
    endsAt: at(4, '13:30'),
    placeKind: 'online',
    joinUrl: 'https://teams.example.test/omakanta-webinaari',
  });
  const omakanta = await db.libraryMaterial.findFirst({
    where: { title: { startsWith: 'OmaKanta' }, status: 'published' },
    select: { groupId: true },
  });
  if (omakanta) await linkMaterial(coordinator, webinar, omakanta.groupId, meta);
  await make({
    ...base,
    type: 'local_meetup',
    titleFi: 'Kallion opastajien aamukahvit',
    startsAt: at(2, '09:30'),
    endsAt: at(2, '10:30'),
    placeKind: 'address',
    address: 'Kallion kirjasto, Viides linja 11',
    capacity: 12,
  });
  const cancelled = await make({
    ...base,
    type: 'local_meetup',
    titleFi: 'Itäkeskuksen opastajien tapaaminen',
    startsAt: at(6, '15:00'),
    endsAt: at(6, '16:00'),
    placeKind: 'address',
    address: 'Stoa, Turunlinnantie 1',
  });
  // A few answers, so the pages show something real.
  const advisers = await db.user.findMany({
    where: {
      ...holdsRole('adviser'),
      status: 'active',
      email: { not: 'adviser@demo.tukiverkko.test' },
    },
    orderBy: { email: 'desc' },
    take: 8,
    select: { id: true },
  });
  for (const [i, a] of advisers.entries()) {
    const member = (await memberById(a.id)) as AuthUser;
    await respond(member, meeting, i % 3 === 2 ? 'maybe' : 'going', meta);
    if (i % 2 === 0) await respond(member, trainingDay, 'going', meta);
  }
  const toCancel = await findEvent(coordinator, cancelled);
  if (toCancel) await cancelEvent(coordinator, toCancel, 'Tila ei ole käytettävissä.', meta);
  await createAnnouncement(
    coordinator,
    {
      title: 'Tukiverkko korvaa Workplace-ryhmän',
      body: 'Workplace suljettiin. Kysymykset, materiaalit ja tapahtumat löytyvät nyt täältä. Kirjaudu sisään omilla tunnuksillasi ja tarkista ilmoitusasetuksesi kohdasta Omat tiedot.',
      language: 'fi',
      audience: 'all',
      audienceOrgIds: [],
      audienceRoles: [],
    },
    meta,
  );
  console.log('Seeded 8 events (a series of 4 network meetings) and an announcement.');
}

const NATIONAL_EVENTS = 2_000;

/**
 * Two years of a national network's calendar in SQL: 2,000 events from a year ago to a year
 * ahead, with sign-ups; the demo adviser's calendar feed holds 200 of them.
 */
export async function seedEventsNational() {
  const existing = await db.event.count();
  if (existing >= NATIONAL_EVENTS) {
    console.log(`Already ${existing} events.`);
    return;
  }
  const coordinator = await db.user.findUniqueOrThrow({
    where: { email: 'coordinator@demo.tukiverkko.test' },
  });
  const adviser = await db.user.findUniqueOrThrow({ where: { email: 'adviser@demo.tukiverkko.test' } });
  await db.$executeRaw`
    INSERT INTO event (id, type, title_fi, title_sv, description_fi, starts_at, ends_at, place_kind, support_point_id,
      address, join_url, capacity, audience, going_count, created_by_id, created_at, updated_at)
    SELECT md5('ev' || g)::uuid,
      -- Regional network meetings now and then; trainings, webinars and meetups in between.
      CASE WHEN g % 40 = 0 THEN 'network_meeting'
        ELSE (ARRAY['training_day','webinar','local_meetup','briefing_session'])[1 + g % 4] END,
      CASE WHEN g % 40 = 0 THEN 'Verkostotapaaminen'
        ELSE (ARRAY['Koulutuspäivä','Webinaari','Aamukahvit','Palvelun esittely'])[1 + g % 4] END || ' #' || g,
      CASE WHEN g % 3 = 0 THEN 'Evenemang #' || g ELSE '' END,
      'Ajankohtaiset asiat ja uudet palvelut.',
      date_trunc('hour', now()) - interval '365 days' + (g * interval '526 minutes'),
      date_trunc('hour', now()) - interval '365 days' + (g * interval '526 minutes') + interval '2 hours',
      CASE WHEN g % 4 = 0 THEN 'online' ELSE 'support_point' END,
      CASE WHEN g % 4 = 0 THEN NULL ELSE (SELECT id FROM support_point ORDER BY slug LIMIT 1 OFFSET (g % 20)) END,
      '', CASE WHEN g % 4 = 0 THEN 'https://meet.example.test/' || g ELSE '' END,
      CASE WHEN g % 2 = 0 THEN 100 ELSE NULL END, 'all', 0, ${coordinator.id}::uuid,
      -- Announced six weeks ahead (a later one is announced by now), each at its own moment.
      LEAST(now() - g * interval '1 second',
            date_trunc('hour', now()) - interval '407 days' + (g * interval '526 minutes')),
      now()
    FROM generate_series(1, ${NATIONAL_EVENTS}::int) g`;
  await db.$executeRaw`
    INSERT INTO event_organiser (event_id, user_id)
    SELECT md5('ev' || g)::uuid, ${coordinator.id}::uuid FROM generate_series(1, ${NATIONAL_EVENTS}::int) g`;
  // 30 answers per event from the national members, and the demo adviser in every tenth.
  await db.$executeRaw`
    INSERT INTO event_rsvp (event_id, user_id, status, created_at, updated_at)
    SELECT md5('ev' || g)::uuid, u.id, (ARRAY['going','going','maybe','cant'])[1 + (g + u.n) % 4], now(), now()
    FROM generate_series(1, ${NATIONAL_EVENTS}::int) g
    JOIN (SELECT id, (row_number() OVER (ORDER BY id))::int AS n FROM app_user WHERE status = 'active' AND id <> ${adviser.id}::uuid) u
      ON u.n BETWEEN 1 + (g * 37) % 9000 AND 30 + (g * 37) % 9000`;
  // Their feed (the last 60 days and what is ahead): the network meetings and enough sign-ups
  // to make 200 events in all.
  await db.$executeRaw`
    INSERT INTO event_rsvp (event_id, user_id, status, created_at, updated_at)
    SELECT e.id, ${adviser.id}::uuid, 'going', now(), now()
    FROM (
      SELECT id, row_number() OVER (ORDER BY starts_at) AS n FROM event
      WHERE type <> 'network_meeting' AND ends_at >= now() - interval '60 days'
        AND NOT EXISTS (SELECT 1 FROM event_rsvp r WHERE r.event_id = event.id AND r.user_id = ${adviser.id}::uuid)
    ) e
    WHERE e.n % 4 = 0
    ORDER BY e.n
    LIMIT GREATEST(0, 200 - (
      SELECT count(*) FROM event x
      WHERE ends_at >= now() - interval '60 days'
        AND (x.type = 'network_meeting' OR EXISTS (SELECT 1 FROM event_rsvp r WHERE r.event_id = x.id AND r.user_id = ${adviser.id}::uuid))
    ))`;
  await db.$executeRaw`
    UPDATE event e SET going_count = (SELECT count(*) FROM event_rsvp r WHERE r.event_id = e.id AND r.status = 'going')
    WHERE e.id IN (SELECT md5('ev' || g)::uuid FROM generate_series(1, ${NATIONAL_EVENTS}::int) g)`;
  await indexNationalEvents();
  await db.$executeRawUnsafe('ANALYZE event, event_rsvp, event_organiser');
  console.log(`Events at national scale: ${await db.event.count()} events.`);
}

/**
 * The national events' search rows, written as the events area writes them (a row per language
 * an event has a title in): without them search and its bench would run on an index that holds
 * the demo's events only.
 */
async function indexNationalEvents() {
  const events = await db.$queryRaw<{ id: string }[]>`
    SELECT md5('ev' || g)::uuid::text AS id FROM generate_series(1, ${NATIONAL_EVENTS}::int) g`;
  for (let i = 0; i < events.length; i += 200) {
    await db.$transaction(
      async (tx) => {
        for (const { id } of events.slice(i, i + 200)) await reindexEvent(tx, id);
      },
      { timeout: 120_000 },
    );
  }
}
