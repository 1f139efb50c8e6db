// Demo help slots and shifts (issue 17): a few points with weekly times, some staffed, some
// short, one empty, so the roster has something to show on a new installation.
import { db } from '~/db.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate, isoWeekday } from '~/utils/calendar-days';
import { slotDates } from '~/domain/roster/recurrence';

const SLOTS = [
  {
    point: 'oodi',
    weekdays: [2, 4],
    startsAt: '10:00',
    endsAt: '12:00',
    needed: 2,
    languages: ['fi', 'en'],
    topics: ['smartphones', 'banking'],
  },
  {
    point: 'oodi',
    weekdays: [6],
    startsAt: '12:00',
    endsAt: '14:00',
    needed: 1,
    languages: ['fi', 'ar'],
    topics: ['smartphones'],
  },
  {
    point: 'kallio-kirjasto',
    weekdays: [3],
    startsAt: '14:00',
    endsAt: '16:00',
    needed: 2,
    languages: ['fi', 'sv'],
    topics: ['identification', 'kela_omakanta'],
  },
  {
    point: 'arbis',
    weekdays: [1],
    startsAt: '13:00',
    endsAt: '15:00',
    needed: 1,
    languages: ['sv', 'fi'],
    topics: ['computers', 'city_services'],
  },
  {
    point: 'kontula-palvelukeskus',
    weekdays: [5],
    startsAt: '09:30',
    endsAt: '11:30',
    needed: 2,
    languages: ['fi', 'ru'],
    topics: ['security', 'banking'],
  },
] as const;

/** What residents read about getting in (the public page and the open-data feed). */
const ACCESSIBILITY: Record<string, [string, string, string]> = {
  oodi: [
    'Esteetön sisäänkäynti Töölönlahden puolelta, hissit kaikkiin kerroksiin, induktiosilmukka neuvonnassa.',
    'Tillgänglig ingång från Tölöviken, hissar till alla våningar, hörslinga vid informationen.',
    'Step-free entrance from Töölönlahti, lifts to every floor, hearing loop at the information desk.',
  ],
  'kallio-kirjasto': [
    'Sisäänkäynti Viides linja 11:n puolelta, hissi. Opastus 1. kerroksen lukusalissa.',
    'Ingång från Femte linjen 11, hiss. Rådgivningen i läsesalen på första våningen.',
    'Entrance from Viides linja 11, lift. Help in the reading room on the ground floor.',
  ],
};

export async function seedRosterDemo() {
  for (const [slug, [fi, sv, en]] of Object.entries(ACCESSIBILITY))
    await db.supportPoint.updateMany({
      where: { slug, accessibilityFi: '' },
      data: { accessibilityFi: fi, accessibilitySv: sv, accessibilityEn: en },
    });
  if (await db.helpSlot.count()) return;
  const today = helsinkiToday();
  const validFrom = addDays(today, -28);
  const coordinator = await db.user.findUnique({
    where: { email: 'coordinator@demo.tukiverkko.test' },
    select: { id: true },
  });
  // The usual holidays: no help on Christmas Eve, Christmas, Boxing Day and New Year's Day.
  const year = Number(today.slice(0, 4));
  const holidays = [`${year}-12-24`, `${year}-12-25`, `${year}-12-26`, `${year + 1}-01-01`];
  for (const [i, s] of SLOTS.entries()) {
    const point = await db.supportPoint.findUnique({
      where: { slug: s.point },
      select: { id: true, hostOrganisationId: true, users: { select: { userId: true } } },
    });
    if (!point) continue;
    const slot = await db.helpSlot.create({
      data: {
        supportPointId: point.id,
        organisationId: point.hostOrganisationId,
        weekdays: [...s.weekdays],
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        validFrom: dayDate(validFrom),
        exceptions: holidays.map(dayDate),
        languages: [...s.languages],
        topics: [...s.topics],
        needed: s.needed,
        createdById: coordinator?.id ?? null,
      },
      select: { id: true },
    });
    // The point's usual advisers take turns; the last slot is left empty to show a gap.
    if (i === SLOTS.length - 1) continue;
    const people = point.users.map((u) => u.userId);
    const dates = slotDates(
      { ...s, validFrom, validUntil: null, exceptions: holidays },
      validFrom,
      addDays(today, 35),
    );
    const data = dates.flatMap((date, d) =>
      people
        .filter((_, p) => (d + p + isoWeekday(date)) % 3 !== 0)
        .slice(0, s.needed)
        .map((userId) => ({ slotId: slot.id, date: dayDate(date), userId })),
    );
    await db.shift.createMany({ data });
  }
  await seedReferralsDemo();
}

/** A few referral slips of the last weeks, so the dashboards' "Referrals" has something to show. */
async function seedReferralsDemo() {
  const adviser = await db.user.findUnique({
    where: { email: 'adviser@demo.tukiverkko.test' },
    select: { id: true, organisationId: true },
  });
  const points = new Map(
    (
      await db.supportPoint.findMany({
        where: { slug: { in: ['kallio-kirjasto', 'arbis', 'oodi'] } },
        select: { id: true, slug: true },
      })
    ).map((p) => [p.slug, p.id]),
  );
  if (!adviser || points.size < 3) return;
  const day = 86_400_000;
  await db.referral.createMany({
    data: [
      ...Array.from({ length: 6 }, (_, i) => ({
        code: `demoref${i}`,
        createdById: adviser.id,
        organisationId: adviser.organisationId,
        fromPointId: points.get('kallio-kirjasto')!,
        toPointId: points.get('arbis')!,
        language: 'sv',
        bring: ['own_device', 'bank_codes'],
        createdAt: new Date(Date.now() - (i + 1) * 3 * day),
      })),
      ...Array.from({ length: 3 }, (_, i) => ({
        code: `demoref${6 + i}`,
        createdById: adviser.id,
        organisationId: adviser.organisationId,
        fromPointId: points.get('oodi')!,
        toOther: 'Pankin puhelinpalvelu, ma–pe 8–18',
        language: 'fi',
        createdAt: new Date(Date.now() - (i + 2) * 5 * day),
      })),
    ],
    skipDuplicates: true,
  });
}

/**
 * National scale (the roster benchmark, issue 17): 1,500 support points in all, four weekly
 * help times at each point without any (6,000 or so), and half a year back and forward of
 * shifts by the national members — most fully staffed, some short, one week in ten empty, one
 * shift in 23 cancelled. Made in SQL: hundreds of thousands of rows.
 */
export async function seedRosterNational() {
  if ((await db.shift.count()) > 100_000) {
    console.log('Roster at national scale already there.');
    return;
  }
  const regions = [
    'Espoo',
    'Vantaa',
    'Tampere',
    'Turku',
    'Oulu',
    'Jyväskylä',
    'Kuopio',
    'Lahti',
    'Pori',
    'Vaasa',
  ];
  const have = await db.supportPoint.count();
  const more = Math.max(0, 1500 - have);
  await db.$executeRaw`
    INSERT INTO support_point (id, slug, name, kind, address, district, languages, feedback_code, updated_at)
    SELECT gen_random_uuid(), 'kansallinen-piste-' || i, 'Tukipiste ' || i, 'library', 'Kirjastotie ' || i,
           (${regions}::text[])[1 + i % 10], ARRAY['fi'], 'kp' || lpad(i::text, 7, '0'), now()
    FROM generate_series(1, ${more}::int) AS i
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO help_slot (id, support_point_id, organisation_id, weekdays, starts_at, ends_at, valid_from,
                           languages, topics, needed, updated_at)
    SELECT gen_random_uuid(), p.id, p.host_organisation_id, ARRAY[1 + ((p.n + k) % 5)::int],
           (ARRAY['10:00', '12:00', '14:00', '16:00'])[k + 1], (ARRAY['12:00', '14:00', '16:00', '18:00'])[k + 1],
           current_date - 200, CASE WHEN k % 3 = 0 THEN ARRAY['fi', 'sv'] ELSE ARRAY['fi'] END,
           ARRAY['smartphones', 'banking'], 1 + ((p.n + k) % 3)::int, now()
    FROM (SELECT id, host_organisation_id, row_number() OVER (ORDER BY slug) AS n
          FROM support_point s
          WHERE active AND NOT EXISTS (SELECT 1 FROM help_slot h WHERE h.support_point_id = s.id)) AS p
    CROSS JOIN generate_series(0, 3) AS k`;
  // In slices of 100 help times, each statement inside the app's statement time limit.
  const slots = await db.helpSlot.count();
  for (let first = 1; first <= slots; first += 100) {
    await db.$executeRaw`
      INSERT INTO shift (id, slot_id, date, user_id, cancelled_at)
      SELECT gen_random_uuid(), h.id, d::date, u.id,
             CASE WHEN (h.n + j + extract(doy FROM d)::int) % 23 = 0 THEN now() END
      FROM (SELECT * FROM (SELECT id, weekdays[1] AS wd, needed, row_number() OVER (ORDER BY id) AS n
                           FROM help_slot s WHERE array_length(weekdays, 1) = 1) AS all_slots
            WHERE NOT EXISTS (SELECT 1 FROM shift x WHERE x.slot_id = all_slots.id)
              AND n BETWEEN ${first} AND ${first + 99}) AS h
      CROSS JOIN generate_series(current_date - 182, current_date + 182, interval '1 day') AS d
      CROSS JOIN generate_series(0, 2) AS j
      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS idx
            FROM app_user WHERE email LIKE '%@national.tukiverkko.test') AS u
        ON u.idx = (h.n * 3 + j) % 10000
      WHERE extract(isodow FROM d) = h.wd
        AND j < h.needed - CASE WHEN (h.n + extract(week FROM d)::int) % 10 = 0 THEN h.needed
                                WHEN (h.n + extract(week FROM d)::int) % 4 = 0 THEN 1 ELSE 0 END`;
  }
  console.log(
    `Roster at national scale: ${await db.supportPoint.count()} points, ${await db.helpSlot.count()} help times, ${await db.shift.count()} shifts.`,
  );
}
