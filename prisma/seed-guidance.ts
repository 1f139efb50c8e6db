// Demo guidance sessions and residents' answers: three years of the Helsinki network, with
// smartphones growing their share year by year (as Enter ry's own tallies showed), and the
// demo adviser's last two weeks so her log has entries she can still correct. At national
// scale: 500,000 sessions and 100,000 answers, generated in SQL.
import { db } from '~/db.server';
import { AGE_GROUPS, CHANNELS, OUTCOMES, TOPICS } from '~/domain/guidance/constants';
import { newFeedbackCode } from '~/domain/guidance/feedback-link.server';
import { ANSWER_COLUMNS, answerColumns } from '~/domain/guidance/resident-feedback.server';
import { seededRandom } from '../tests/factories';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate } from '~/utils/calendar-days';

const DEMO_SESSIONS = 3000;
const NATIONAL_SESSIONS = 500_000;
const NATIONAL_ANSWERS = 100_000;

const dayBefore = (today: string, days: number) => dayDate(addDays(today, -days));

const COMMENTS = [
  'Kiitos, nyt osaan itse!',
  'Ystävällinen ja kärsivällinen opastaja.',
  'Tack för hjälpen, nu fungerar appen.',
  'Very helpful, thank you.',
  'Olisin tarvinnut enemmän aikaa.',
  '',
];

export async function seedGuidanceDemo() {
  if (await db.guidanceSession.count()) return;
  const rand = seededRandom(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const today = helsinkiToday();
  const advisers = await db.user.findMany({
    where: { status: 'active', supportPoints: { some: {} } },
    select: {
      id: true,
      email: true,
      organisationId: true,
      supportPoints: { select: { supportPointId: true } },
    },
  });
  const services = await db.eService.findMany({ select: { id: true, slug: true } });
  const rows = [];
  for (let i = 0; i < DEMO_SESSIONS; i++) {
    const adviser = pick(advisers);
    const daysAgo = Math.floor(rand() * 3 * 365) + 15;
    const yearsAgo = Math.floor(daysAgo / 365);
    // Smartphones: about 47 % of sessions three years ago, 60 % this year.
    const r = rand();
    const phone = 0.6 - yearsAgo * 0.065;
    const device =
      r < phone * 0.62
        ? 'android'
        : r < phone
          ? 'iphone'
          : r < phone + 0.14
            ? 'tablet'
            : r < 0.95
              ? 'computer'
              : 'other';
    const topics = [...new Set([pick(TOPICS), ...(rand() < 0.35 ? [pick(TOPICS)] : [])])];
    const service = topics.includes('eservice') || rand() < 0.2 ? pick(services) : null;
    const outcome = rand() < 0.72 ? 'solved' : rand() < 0.6 ? 'partly' : 'referred';
    const channel = rand() < 0.82 ? 'support_point' : pick(CHANNELS);
    rows.push({
      adviserId: adviser.id,
      organisationId: adviser.organisationId,
      supportPointId: channel === 'support_point' ? pick(adviser.supportPoints).supportPointId : null,
      eserviceId: service?.id ?? null,
      date: dayBefore(today, daysAgo),
      device,
      topics,
      channel,
      serviceLevel: pick([0, 1, 1, 2, 2, 2, 3, 3]),
      durationMinutes: pick([10, 15, 20, 30, 30, 30, 45, 60, 90]),
      language: rand() < 0.8 ? 'fi' : pick(['sv', 'en', 'ru', 'so', 'ar', 'et']),
      ageGroup: rand() < 0.3 ? null : pick(['65_74', '75_plus', '75_plus', '30_64', 'under_30'] as const),
      outcome,
      referredTo:
        outcome === 'referred' ? pick(['Kelan palvelupiste', 'Helsinki-info', 'Pankin konttori']) : '',
      idempotencyKey: crypto.randomUUID(),
      feedbackCode: newFeedbackCode(),
      createdAt: dayBefore(today, daysAgo - 1),
    });
  }
  await db.guidanceSession.createMany({ data: rows });
  // The demo adviser's last two weeks: entries she can still correct, two answered by residents.
  const aino = advisers.find((a) => a.email === 'adviser@demo.tukiverkko.test')!;
  const omakanta = services.find((s) => s.slug === 'omakanta')!;
  const recent = [
    { days: 1, device: 'android', topics: ['omakanta'], eserviceId: omakanta.id, outcome: 'solved' },
    { days: 2, device: 'iphone', topics: ['banking', 'safety'], eserviceId: null, outcome: 'solved' },
    { days: 4, device: 'tablet', topics: ['email'], eserviceId: null, outcome: 'partly' },
    { days: 8, device: 'android', topics: ['kela'], eserviceId: null, outcome: 'referred' },
    { days: 11, device: 'computer', topics: ['suomifi'], eserviceId: null, outcome: 'solved' },
  ];
  for (const [i, { days, ...entry }] of recent.entries()) {
    const session = await db.guidanceSession.create({
      data: {
        ...entry,
        adviserId: aino.id,
        organisationId: aino.organisationId,
        supportPointId: aino.supportPoints[0]!.supportPointId,
        date: dayBefore(today, days),
        channel: 'support_point',
        serviceLevel: 2,
        durationMinutes: 30,
        language: 'fi',
        ageGroup: '75_plus',
        referredTo: entry.outcome === 'referred' ? 'Kelan palvelupiste, Itäkeskus' : '',
        idempotencyKey: crypto.randomUUID(),
        feedbackCode: newFeedbackCode(),
        createdAt: dayBefore(today, days),
      },
      select: ANSWER_COLUMNS,
    });
    if (i < 2) {
      await db.residentFeedback.create({
        data: {
          ...answerColumns(session),
          rating: 5 - i,
          comment: COMMENTS[i]!,
          language: 'fi',
        },
      });
    }
  }
  // About one resident in four answers.
  const answered = await db.guidanceSession.findMany({
    where: { adviserId: { not: aino.id } },
    select: ANSWER_COLUMNS,
  });
  await db.residentFeedback.createMany({
    data: answered
      .filter(() => rand() < 0.25)
      .map((s) => ({
        ...answerColumns(s),
        rating: rand() < 0.55 ? 5 : rand() < 0.6 ? 4 : pick([1, 2, 3, 3]),
        comment: rand() < 0.2 ? pick(COMMENTS) : '',
        language: rand() < 0.85 ? 'fi' : pick(['sv', 'en']),
      })),
  });
  console.log(
    `Seeded ${await db.guidanceSession.count()} guidance sessions and ${await db.residentFeedback.count()} resident answers.`,
  );
}

/** 500,000 sessions over three years across the national members and support points. */
export async function seedGuidanceNational() {
  const existing = await db.guidanceSession.count();
  if (existing >= NATIONAL_SESSIONS) return;
  const batch = 50_000;
  const [topics, channels, ageGroups, outcomes] = [TOPICS, CHANNELS, AGE_GROUPS, OUTCOMES].map((l) => [...l]);
  for (let start = existing; start < NATIONAL_SESSIONS; start += batch) {
    const size = Math.min(batch, NATIONAL_SESSIONS - start);
    await db.$executeRaw`
      INSERT INTO guidance_session (id, adviser_id, organisation_id, support_point_id, eservice_id, date, device,
        topics, channel, service_level, duration_minutes, language, age_group, outcome, referred_to,
        idempotency_key, feedback_code, created_at, updated_at)
      SELECT gen_random_uuid(), u.id, u.organisation_id,
        CASE WHEN g % 7 = 0 THEN NULL ELSE p.id END,
        CASE WHEN g % 10 < 3 THEN e.id END,
        current_date - d.ago,
        CASE
          WHEN d.r < 29 + 4 * (2 - d.ago / 365) THEN 'android'
          WHEN d.r < 47 + 7 * (2 - d.ago / 365) THEN 'iphone'
          WHEN d.r < 72 THEN 'tablet'
          WHEN d.r < 96 THEN 'computer'
          ELSE 'other'
        END,
        CASE WHEN g % 3 = 0
          THEN ARRAY[(${topics}::text[])[1 + g % 10], (${topics}::text[])[1 + (g % 10 + 1 + (g / 10) % 9) % 10]]
          ELSE ARRAY[(${topics}::text[])[1 + g % 10]]
        END,
        CASE WHEN g % 7 = 0 THEN (${channels}::text[])[2 + g % 3] ELSE 'support_point' END,
        g % 4, (ARRAY[10, 15, 20, 30, 45, 60, 90])[1 + g % 7],
        (ARRAY['fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'sv', 'en', 'ru', 'so'])[1 + (g / 3) % 10],
        CASE WHEN g % 5 = 4 THEN NULL ELSE (${ageGroups}::text[])[1 + g % 4] END,
        (${outcomes}::text[])[1 + (g / 7) % 3],
        CASE WHEN (g / 7) % 3 = 2 THEN 'Kelan palvelupiste' ELSE '' END,
        gen_random_uuid(), 'n' || lpad(to_hex(g), 7, '0'),
        current_date - d.ago + interval '12 hours', current_date - d.ago + interval '12 hours'
      FROM generate_series(${start + 1}::int, ${start + size}::int) g
      -- In the order they were logged, oldest first, as a real table fills up.
      CROSS JOIN LATERAL (SELECT 1094 - ((g - 1)::bigint * 1095 / ${NATIONAL_SESSIONS})::int AS ago,
                                 ((g::bigint * 7919) % 100)::int AS r) d
      JOIN (SELECT id, organisation_id, (row_number() OVER (ORDER BY id))::int AS n FROM app_user WHERE status = 'active') u
        ON u.n = 1 + (g * 31) % (SELECT count(*)::int FROM app_user WHERE status = 'active')
      JOIN (SELECT id, (row_number() OVER (ORDER BY id))::int AS n FROM support_point) p
        ON p.n = 1 + (g * 17) % (SELECT count(*)::int FROM support_point)
      JOIN (SELECT id, (row_number() OVER (ORDER BY id))::int AS n FROM eservice) e
        ON e.n = 1 + (g / 11) % (SELECT count(*)::int FROM eservice)`;
    process.stdout.write(`\r${start + size} guidance sessions`);
  }
  await db.$executeRaw`
    INSERT INTO resident_feedback (id, session_id, adviser_id, organisation_id, support_point_id, eservice_id, date,
      rating, comment, language, created_at)
    SELECT gen_random_uuid(), s.id, s.adviser_id, s.organisation_id, s.support_point_id, s.eservice_id, s.date,
      (ARRAY[5, 5, 5, 4, 4, 3, 5, 4, 2, 1])[1 + s.n % 10], '', s.language, now()
    FROM (SELECT *, (row_number() OVER (ORDER BY feedback_code))::int AS n FROM guidance_session) s
    WHERE s.n % 5 = 0 AND NOT EXISTS (SELECT 1 FROM resident_feedback r WHERE r.session_id = s.id)
    LIMIT ${NATIONAL_ANSWERS}::int`;
  // As autovacuum would by now: statistics, and the visibility map that index-only scans need.
  await db.$executeRawUnsafe('VACUUM ANALYZE guidance_session');
  await db.$executeRawUnsafe('VACUUM ANALYZE resident_feedback');
  console.log(`\nGuidance at national scale: ${await db.guidanceSession.count()} sessions.`);
}
