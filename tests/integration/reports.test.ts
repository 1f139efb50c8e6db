// The guidance dashboards: who sees whose figures, the small-group rule, and every number
// compared with a plain recount of the rows; the CSV exports; the directory of support points.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { db } from '~/db.server';
import { districtName } from '~/domain/support-points/districts';
import { AGE_GROUPS, CHANNELS, DEVICES, OUTCOMES, TOPICS } from '~/domain/guidance/constants';
import { newFeedbackCode } from '~/domain/guidance/feedback-link.server';
import { ANSWER_COLUMNS, answerColumns } from '~/domain/guidance/resident-feedback.server';
import { helsinkiToday } from '~/i18n/format';
import type { Dashboard } from '~/domain/reports/dashboard.server';
import { FROZEN_DAYS } from '~/domain/reports/counts.server';
import { forgetDashboards, DASHBOARD_SECONDS } from '~/domain/reports/dashboard-cache.server';
import * as reports from '~/routes/reports._index';
import * as reportsExport from '~/routes/reports.export';
import * as logSave from '~/routes/reports.log.save';
import { POINT_LIST_MAX } from '~/domain/reports/point-choices';
import * as reportEvents from '~/routes/reports.events';
import * as eservicePage from '~/routes/eservices.$slug._index';
import * as directory from '~/routes/support-points._index';
import * as pointPage from '~/routes/support-points.$slug._index';
import * as pointNew from '~/routes/support-points.new';
import * as pointEdit from '~/routes/support-points.$slug.edit';
import { statementCount } from '~/db/adapters.server';
import { makeOrganisation, makeSupportPoint, makeUser, seededRandom } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

type Login = Awaited<ReturnType<typeof loginAs>>;
let orgA: string;
let orgB: string;
let a1: Login;
let a2: Login;
let b1: Login;
let adminA: Login;
let coordinator: Login;
let points: { id: string; slug: string }[];
let service: { id: string; slug: string };

function day(daysAgo: number) {
  const d = new Date(`${helsinkiToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - daysAgo);
  return d;
}

async function makeSessions(who: Login, count: number, seed: number, fixed: Record<string, unknown> = {}) {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const rows = Array.from({ length: count }, () => ({
    adviserId: who.user.id,
    organisationId: who.user.organisationId,
    supportPointId: rand() < 0.8 ? pick(points).id : null,
    eserviceId: rand() < 0.4 ? service.id : null,
    date: day(Math.floor(rand() * 700)),
    device: pick(DEVICES.slice(0, 4)),
    topics: [...new Set([pick(TOPICS), pick(TOPICS)])],
    channel: pick(CHANNELS),
    serviceLevel: Math.floor(rand() * 4),
    durationMinutes: 5 + Math.floor(rand() * 60),
    language: pick(['fi', 'fi', 'sv', 'en']),
    ageGroup: rand() < 0.3 ? null : pick(AGE_GROUPS),
    outcome: pick(OUTCOMES),
    idempotencyKey: crypto.randomUUID(),
    feedbackCode: newFeedbackCode(),
    ...fixed,
  }));
  await db.guidanceSession.createMany({ data: rows });
  // Stands in for logging through the form, which makes the dashboards count recent months again.
  forgetDashboards();
}

const dashboardFor = async (cookie: string, query = '') =>
  (await json<{ dashboard: Dashboard; filter: { scope: string; from: string; to: string } }>(
    await callLoader(reports, makeRequest(`/reports${query}`, { cookie })),
  )) as {
    dashboard: Dashboard;
    filter: { scope: string; from: string; to: string; organisationId?: string };
  };

/** Where the dashboards start unless told otherwise: the first day of the month 11 months back. */
function defaultFrom() {
  const d = new Date(`${helsinkiToday().slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 11);
  return d;
}

/** The straightforward recount: fetch the rows, count them in JavaScript. */
function recount<R>(rows: R[], by: (r: R) => string | string[]) {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const keys = by(r);
    for (const k of Array.isArray(keys) ? keys : [keys]) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

function expectChart(
  chart: Dashboard['charts'][keyof Dashboard['charts']],
  counts: Map<string, number>,
  rule: boolean,
) {
  const shown = (n: number) => (rule && n > 0 && n < 5 ? null : n);
  for (const row of chart.rows) expect(row.count, `row ${row.key}`).toBe(shown(counts.get(row.key) ?? 0));
  // Every group in the rows is in the chart.
  for (const [key, n] of counts) if (n > 0) expect(chart.rows.map((r) => r.key)).toContain(key);
}

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  a1 = await loginAs('adviser', orgA);
  a2 = await loginAs('adviser', orgA);
  b1 = await loginAs('trainer', orgB);
  adminA = await loginAs('org_admin', orgA);
  coordinator = await loginAs('coordinator', orgB);
  points = await Promise.all([1, 2, 3].map(() => makeSupportPoint(db, { hostOrganisationId: orgA })));
  service = await db.eService.create({
    data: { slug: 'omakanta', nameFi: 'OmaKanta' },
    select: { id: true, slug: true },
  });
  await makeSessions(a1, 140, 1);
  await makeSessions(a2, 90, 2);
  await makeSessions(b1, 120, 3);
  // Three "other device" sessions in all, two in organisation A: a small group everywhere.
  await makeSessions(a1, 2, 4, { device: 'other', date: day(3) });
  await makeSessions(b1, 1, 5, { device: 'other', date: day(3) });
  // Residents' answers to some of them.
  const answered = await db.guidanceSession.findMany({
    take: 120,
    orderBy: { feedbackCode: 'asc' },
    select: ANSWER_COLUMNS,
  });
  await db.residentFeedback.createMany({
    data: answered.map((s, i) => ({
      ...answerColumns(s),
      rating: [5, 5, 4, 3, 5, 4, 2, 5, 1, 4][i % 10]!,
      language: 'fi',
    })),
  });
});

describe('whose figures', () => {
  it('an adviser sees only their own sessions, whatever the address asks for', async () => {
    const mine = await db.guidanceSession.findMany({
      where: { adviserId: a1.user.id, date: { gte: defaultFrom() } },
    });
    for (const query of ['', '?scope=all', `?scope=organisation&organisation=${orgB}`]) {
      const { dashboard, filter } = await dashboardFor(a1.cookie, query);
      expect(filter.scope).toBe('mine');
      expect(dashboard.smallGroupRule).toBe(false);
      expect(dashboard.sessions).toBe(mine.length);
      expectChart(
        dashboard.charts.device,
        recount(mine, (r) => r.device),
        false,
      );
      expect(dashboard.charts.device.rows.find((r) => r.key === 'other')?.count).toBe(2);
    }
  });

  it("an organisation's admin sees their organisation, exact, and never another's", async () => {
    const ours = await db.guidanceSession.findMany({
      where: { organisationId: orgA, date: { gte: defaultFrom() } },
    });
    const { dashboard, filter } = await dashboardFor(adminA.cookie, `?organisation=${orgB}`);
    expect(filter).toMatchObject({ scope: 'organisation' });
    expect(filter.organisationId).toBeUndefined();
    expect(dashboard.sessions).toBe(ours.length);
    expect(dashboard.smallGroupRule).toBe(false);
    expectChart(
      dashboard.charts.channel,
      recount(ours, (r) => r.channel),
      false,
    );
    // Their own, too, if they ask.
    const own = await dashboardFor(adminA.cookie, '?scope=mine');
    expect(own.dashboard.sessions).toBe(0);
    // "The whole network" is not theirs to see: they get their organisation.
    expect((await dashboardFor(adminA.cookie, '?scope=all')).filter.scope).toBe('organisation');
  });

  it('a coordinator sees the network, with every group of 1–4 hidden', async () => {
    const all = await db.guidanceSession.findMany({ where: { date: { gte: defaultFrom() } } });
    const { dashboard, filter } = await dashboardFor(coordinator.cookie);
    expect(filter.scope).toBe('all');
    expect(dashboard.smallGroupRule).toBe(true);
    expect(dashboard.sessions).toBe(all.length);
    expect(dashboard.charts.device.rows.find((r) => r.key === 'other')?.count).toBeNull();
    expectChart(
      dashboard.charts.device,
      recount(all, (r) => r.device),
      true,
    );
    expectChart(
      dashboard.charts.organisation,
      recount(all, (r) => r.organisationId),
      true,
    );
    // Filtered to one organisation it is still a view across organisations.
    const a = await dashboardFor(coordinator.cookie, `?organisation=${orgA}`);
    expect(a.dashboard.charts.device.rows.find((r) => r.key === 'other')?.count).toBeNull();
  });
});

describe('the numbers', () => {
  it('every chart equals a recount of the rows, with filters for dates, a support point and an e-service', async () => {
    const from = day(200).toISOString().slice(0, 10);
    const to = day(10).toISOString().slice(0, 10);
    for (const [query, where] of [
      [`?from=${from}&to=${to}`, { date: { gte: day(200), lte: day(10) } }],
      [`?point=${points[0]!.id}`, { supportPointId: points[0]!.id, date: { gte: defaultFrom() } }],
      [`?eservice=${service.id}&interval=week`, { eserviceId: service.id, date: { gte: defaultFrom() } }],
      [
        `?organisation=${orgA}&point=${points[1]!.id}`,
        { organisationId: orgA, supportPointId: points[1]!.id, date: { gte: defaultFrom() } },
      ],
    ] as const) {
      const rows = await db.guidanceSession.findMany({ where });
      const { dashboard } = await dashboardFor(coordinator.cookie, query);
      const c = dashboard.charts;
      expect(dashboard.sessions, query).toBe(rows.length < 5 && rows.length > 0 ? null : rows.length);
      if (dashboard.sessions !== null)
        expect(dashboard.minutes).toBe(rows.reduce((sum, r) => sum + r.durationMinutes, 0));
      expectChart(
        c.device,
        recount(rows, (r) => r.device),
        true,
      );
      expectChart(
        c.topic,
        recount(rows, (r) => r.topics),
        true,
      );
      expectChart(
        c.channel,
        recount(rows, (r) => r.channel),
        true,
      );
      const languages = recount(rows, (r) => r.language);
      expectChart(c.language, languages, true);
      // Most first, ties by code: the same order on every view (the database's order is none).
      expect(c.language.rows.map((r) => r.key)).toEqual(
        [...languages.keys()].sort((a, b) => languages.get(b)! - languages.get(a)! || (a < b ? -1 : 1)),
      );
      expectChart(
        c.serviceLevel,
        recount(rows, (r) => String(r.serviceLevel)),
        true,
      );
      expectChart(
        c.outcome,
        recount(rows, (r) => r.outcome),
        true,
      );
      expectChart(
        c.ageGroup,
        recount(rows, (r) => r.ageGroup ?? 'none'),
        true,
      );
      expectChart(
        c.supportPoint,
        recount(rows, (r) => r.supportPointId ?? 'none'),
        true,
      );
      expectChart(
        c.eservice,
        recount(rows, (r) => r.eserviceId ?? 'none'),
        true,
      );
      expectChart(
        c.organisation,
        recount(rows, (r) => r.organisationId),
        true,
      );
      // The time chart: every session in exactly one bucket, quiet buckets as zero.
      const timeTotal = c.time.rows.reduce((sum, r) => sum + (r.count ?? 0), 0);
      const hidden = c.time.rows.filter((r) => r.count === null).length;
      expect(timeTotal).toBeLessThanOrEqual(rows.length);
      expect(timeTotal + hidden * 4).toBeGreaterThanOrEqual(rows.length);
      const ids = rows.map((r) => r.id);
      const answers = await db.residentFeedback.findMany({ where: { sessionId: { in: ids } } });
      expectChart(
        c.satisfaction,
        recount(answers, (r) => String(r.rating)),
        true,
      );
    }
  });

  it('weeks start on Monday and months on the first; every session falls in one', async () => {
    const mine = await db.guidanceSession.findMany({
      where: { adviserId: a2.user.id, date: { gte: defaultFrom() } },
    });
    for (const interval of ['week', 'month'] as const) {
      const { dashboard } = await dashboardFor(a2.cookie, `?interval=${interval}`);
      const rows = dashboard.charts.time.rows;
      for (const r of rows) {
        const d = new Date(`${r.key}T00:00:00Z`);
        if (interval === 'week') expect(d.getUTCDay()).toBe(1);
        else expect(d.getUTCDate()).toBe(1);
      }
      expect(rows.reduce((sum, r) => sum + (r.count ?? 0), 0)).toBe(mine.length);
      const bucketOf = (date: Date) => {
        const d = new Date(date);
        if (interval === 'month') d.setUTCDate(1);
        else d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
        return d.toISOString().slice(0, 10);
      };
      expectChart(
        dashboard.charts.time,
        recount(mine, (r) => bucketOf(r.date)),
        false,
      );
    }
  });

  it('the device trend counts each year of the last five, and satisfaction is the mean of the answers', async () => {
    const mine = await db.guidanceSession.findMany({ where: { adviserId: b1.user.id } });
    const { dashboard } = await dashboardFor(b1.cookie);
    const byYear = recount(mine, (r) => `${r.date.getUTCFullYear()}:${r.device}`);
    dashboard.trend.years.forEach((year, i) => {
      dashboard.trend.devices.forEach((device, j) => {
        expect(dashboard.trend.counts[i]![j]).toBe(byYear.get(`${year}:${device}`) ?? 0);
      });
    });
    expect(dashboard.trend.totals.reduce((s, n) => s! + n!, 0)).toBe(mine.length);
    const answers = await db.residentFeedback.findMany({
      where: { adviserId: b1.user.id, date: { gte: defaultFrom() } },
    });
    expect(dashboard.answers).toBe(answers.length);
    const mean = answers.reduce((s, a) => s + a.rating, 0) / answers.length;
    expect(dashboard.averageRating).toBe(Math.round(mean * 10) / 10);
  });
});

describe('months that can no longer change', () => {
  it('are counted once and kept; recent months are always counted from the rows', async () => {
    await db.reportMonthCount.deleteMany();
    // Counted afresh, not the view kept for a minute (dashboard-cache.server.ts) by earlier tests.
    forgetDashboards();
    const first = await dashboardFor(adminA.cookie);
    const kept = await db.reportMonthCount.findMany({
      where: { dim: 'sessions' },
      select: { key: true, month: true },
    });
    expect(kept.length).toBeGreaterThan(12);
    // Only months that ended more than FROZEN_DAYS ago, and only for this organisation's filter.
    const frozenBefore = day(FROZEN_DAYS);
    for (const k of kept) {
      const end = new Date(k.month);
      end.setUTCMonth(end.getUTCMonth() + 1);
      expect(end.getTime()).toBeLessThanOrEqual(frozenBefore.getTime());
      expect(k.key).toContain(`org:${orgA}`);
    }
    // A second view (once the first is no longer kept) reads them: the same figures, and
    // nothing new kept.
    forgetDashboards();
    const second = await dashboardFor(adminA.cookie);
    expect(second.dashboard).toEqual(first.dashboard);
    expect(await db.reportMonthCount.count({ where: { dim: 'sessions' } })).toBe(kept.length);
    // A session logged today through the form counts at once (the view kept for a minute is
    // forgotten)...
    const logged = await callAction(
      logSave,
      makeRequest('/reports/log/save', {
        cookie: a1.cookie,
        form: {
          idempotencyKey: crypto.randomUUID(),
          date: helsinkiToday(),
          supportPointId: points[0]!.id,
          device: 'tablet',
          topics: ['banking'],
          channel: 'support_point',
          serviceLevel: '1',
          durationMinutes: '20',
          language: 'fi',
          outcome: 'solved',
        },
      }),
    );
    expect(logged.status, await logged.clone().text()).toBe(200);
    const afterLogging = await dashboardFor(adminA.cookie);
    expect(afterLogging.dashboard.sessions).toBe(first.dashboard.sessions! + 1);
    // ...one saved by another process (here: straight into the table) once the kept view is a
    // minute old.
    await db.guidanceSession.createMany({
      data: {
        ...(await db.guidanceSession.findFirstOrThrow({
          where: { id: (await json<{ id: string }>(logged)).id },
          omit: { id: true, createdAt: true },
        })),
        idempotencyKey: crypto.randomUUID(),
        feedbackCode: newFeedbackCode(),
      },
    });
    expect((await dashboardFor(adminA.cookie)).dashboard.sessions).toBe(first.dashboard.sessions! + 1);
    vi.setSystemTime(Date.now() + DASHBOARD_SECONDS * 1000 + 1);
    const third = await dashboardFor(adminA.cookie).finally(() => vi.useRealTimers());
    expect(third.dashboard.sessions).toBe(first.dashboard.sessions! + 2);
    // The trend's older years come from the kept months too, and equal a recount.
    const ours = await db.guidanceSession.findMany({ where: { organisationId: orgA } });
    const byYear = recount(ours, (r) => `${r.date.getUTCFullYear()}:${r.device}`);
    third.dashboard.trend.years.forEach((year, i) =>
      third.dashboard.trend.devices.forEach((device, j) =>
        expect(third.dashboard.trend.counts[i]![j]).toBe(byYear.get(`${year}:${device}`) ?? 0),
      ),
    );
  });

  it('a range starting mid-month counts its first month from that day only', async () => {
    const from = day(300);
    from.setUTCDate(17);
    const to = day(20);
    const query = `?from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
    const rows = await db.guidanceSession.findMany({
      where: { organisationId: orgA, date: { gte: from, lte: to } },
    });
    for (let i = 0; i < 2; i++) {
      const { dashboard } = await dashboardFor(adminA.cookie, query);
      expect(dashboard.sessions).toBe(rows.length);
      expectChart(
        dashboard.charts.device,
        recount(rows, (r) => r.device),
        false,
      );
      expect(dashboard.charts.time.rows.reduce((sum, r) => sum + r.count!, 0)).toBe(rows.length);
    }
  });
});

describe('CSV', () => {
  it('has every row with the page’s labels, and "<5" where the rule hides a count', async () => {
    const response = await callLoader(
      reportsExport,
      makeRequest('/reports/export?chart=device&lng=en', { cookie: coordinator.cookie }),
    );
    expect(response.headers.get('Content-Type')).toContain('text/csv');
    expect(response.headers.get('Content-Disposition')).toMatch(/attachment; filename=.*tukiverkko-device-/);
    const lines = (await response.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Group,Sessions,Share (%)');
    expect(lines).toContain('Other,<5,');
    const all = await db.guidanceSession.count({
      where: { date: { gte: defaultFrom() }, device: 'android' },
    });
    expect(lines.find((l) => l.startsWith('Android phone,'))).toMatch(
      new RegExp(`^Android phone,${all},\\d+\\.\\d$`),
    );
  });

  it("an adviser's CSV holds only their own sessions", async () => {
    const response = await callLoader(
      reportsExport,
      makeRequest('/reports/export?chart=device&scope=all&lng=fi', { cookie: a2.cookie }),
    );
    const own = await db.guidanceSession.count({
      where: { adviserId: a2.user.id, date: { gte: defaultFrom() } },
    });
    const lines = (await response.text()).trim().split('\r\n').slice(1);
    expect(lines.reduce((sum, l) => sum + Number(l.split(',')[1]), 0)).toBe(own);
  });

  it('the device trend as CSV: a row per year and device', async () => {
    const response = await callLoader(
      reportsExport,
      makeRequest('/reports/export?chart=trend&lng=sv', { cookie: adminA.cookie }),
    );
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toContain('År');
    expect(lines.length - 1).toBe(
      (await dashboardFor(adminA.cookie)).dashboard.trend.years.length * DEVICES.length,
    );
  });
});

describe('figures elsewhere', () => {
  it("an e-service's page counts the sessions about it, network-wide, hiding fewer than 5", async () => {
    const page = await json<{ sessions: number | null }>(
      await callLoader(eservicePage, makeRequest('/eservices/omakanta', { cookie: a1.cookie }), {
        slug: 'omakanta',
      }),
    );
    expect(page.sessions).toBe(
      await db.guidanceSession.count({ where: { eserviceId: service.id, date: { gte: day(365) } } }),
    );
    const rare = await db.eService.create({ data: { slug: 'harvinainen', nameFi: 'Harvinainen palvelu' } });
    await makeSessions(a1, 2, 9, { eserviceId: rare.id, date: day(1) });
    const few = await json<{ sessions: number | null }>(
      await callLoader(eservicePage, makeRequest('/eservices/harvinainen', { cookie: a1.cookie }), {
        slug: 'harvinainen',
      }),
    );
    expect(few.sessions).toBeNull();
  });
});

describe('support points', () => {
  it('every member finds them by name, district, kind and language; closed ones only for coordinators', async () => {
    const oodi = await makeSupportPoint(db, { name: 'Keskustakirjasto Oodi', district: 'Keskusta' });
    await db.supportPoint.update({ where: { id: oodi.id }, data: { languages: ['fi', 'sv', 'ar'] } });
    const closed = await makeSupportPoint(db, { name: 'Suljettu kirjasto', active: false });
    const find = async (cookie: string, query: string) =>
      (
        await json<{ points: { slug: string }[] }>(
          await callLoader(directory, makeRequest(`/support-points${query}`, { cookie })),
        )
      ).points.map((p) => p.slug);
    expect(await find(a1.cookie, '?q=oodi')).toEqual([oodi.slug]);
    expect(await find(a1.cookie, '?q=KESKUSTA&language=ar')).toEqual([oodi.slug]);
    expect(await find(a1.cookie, '?q=oodi&language=ru')).toEqual([]);
    expect(await find(a1.cookie, '?q=Suljettu')).toEqual([]);
    expect(await find(coordinator.cookie, '?q=Suljettu')).toEqual([closed.slug]);
    expect(
      (
        await callLoader(pointPage, makeRequest(`/support-points/${closed.slug}`, { cookie: a1.cookie }), {
          slug: closed.slug,
        })
      ).status,
    ).toBe(404);
    // Nonsense in the filters is ignored, never an error.
    expect(await find(a1.cookie, '?kind=castle&language=xx&q=%00%27')).toEqual([]);
  });

  it('districts are one list with a name per language: Töölö and Tölö are one district', async () => {
    const form = {
      name: 'Töölön testikirjasto',
      slug: '',
      kind: 'library',
      address: 'Topeliuksenkatu 6',
      hoursFi: '',
      languages: ['fi', 'sv'],
      active: 'on',
    };
    // The form takes a district from the list only.
    const free = await callAction(
      pointNew,
      makeRequest('/support-points/new', {
        cookie: coordinator.cookie,
        form: { ...form, district: 'Tölöö' },
      }),
    );
    expect((await json<{ errors: Record<string, { key: string }> }>(free)).errors.district?.key).toBe(
      'validation.required',
    );
    const saved = await callAction(
      pointNew,
      makeRequest('/support-points/new', {
        cookie: coordinator.cookie,
        form: { ...form, district: 'Töölö' },
      }),
    );
    expect(saved.status).toBe(302);
    // A point stored before the list with the Swedish name is moved by the migration.
    const older = await makeSupportPoint(db, { name: 'Tölö bibliotek (gammal)', district: 'Tölö' });
    const migration = fs.readFileSync(
      'prisma/migrations/20261202100000_district_names/migration.sql',
      'utf8',
    );
    await db.$executeRawUnsafe(migration);
    expect((await db.supportPoint.findUniqueOrThrow({ where: { id: older.id } })).district).toBe('Töölö');

    const listed = await json<{ districts: string[]; points: { slug: string }[] }>(
      await callLoader(directory, makeRequest('/support-points', { cookie: a1.cookie })),
    );
    expect(listed.districts.filter((d) => d === 'Töölö' || d === 'Tölö')).toEqual(['Töölö']);
    expect(districtName('Töölö', 'sv')).toBe('Tölö');
    expect(districtName('Töölö', 'en')).toBe('Töölö');
    // Either name finds the district's points, in the filter and in the search box.
    for (const query of ['?district=T%C3%B6l%C3%B6', '?q=T%C3%B6l%C3%B6', '?district=T%C3%B6%C3%B6l%C3%B6']) {
      const found = await json<{ points: { slug: string }[] }>(
        await callLoader(directory, makeRequest(`/support-points${query}`, { cookie: a1.cookie })),
      );
      expect(
        found.points.map((p) => p.slug),
        query,
      ).toEqual(expect.arrayContaining(['toolon-testikirjasto', older.slug]));
    }
  });

  it("a point's page names the advisers who work there and its standing feedback link", async () => {
    await db.userSupportPoint.create({ data: { userId: a2.user.id, supportPointId: points[2]!.id } });
    const page = await json<{
      point: { advisers: { name: string }[] };
      feedback: { path: string; qr: string };
    }>(
      await callLoader(pointPage, makeRequest(`/support-points/${points[2]!.slug}`, { cookie: a1.cookie }), {
        slug: points[2]!.slug,
      }),
    );
    expect(page.point.advisers.map((a) => a.name)).toEqual([a2.user.name]);
    const { feedbackCode } = await db.supportPoint.findUniqueOrThrow({ where: { id: points[2]!.id } });
    expect(page.feedback.path).toBe(`/f/${feedbackCode}`);
  });

  it("a point's page in one statement: host, texts in the reader's language, active advisers by name, a year's sessions under the small-group rule", async () => {
    const point = await makeSupportPoint(db, {
      hostOrganisationId: orgA,
      accessibilityFi: 'Esteetön sisäänkäynti',
    });
    await db.supportPoint.update({
      where: { id: point.id },
      data: { hoursFi: 'Ti 10–12', hoursSv: 'Tis 10–12', hoursEn: '' },
    });
    const person = (name: string, status: 'active' | 'deactivated' = 'active') =>
      makeUser(db, { role: 'adviser', organisationId: orgB, supportPointIds: [point.id], name, status });
    await person('Öhman Sanna');
    await person('Aalto Bertta');
    await person('Berg Cecilia', 'deactivated');
    await makeSessions(a1, 4, 7, { supportPointId: point.id, date: day(3) });
    await makeSessions(a1, 3, 8, { supportPointId: point.id, date: day(400) });
    type Page = {
      point: {
        host: string | null;
        hours: { text: string; lang: string };
        accessibility: { text: string; lang: string };
        advisers: { name: string; organisation: string }[];
        mine: boolean;
      };
      sessions: number | null;
      helpTimes: unknown[];
      feedback: { path: string } | null;
    };
    const keeper = await loginAs('coordinator', orgA);
    const view = async (who: Login, language = 'fi') => {
      await db.user.update({ where: { id: who.user.id }, data: { locale: language } });
      const cookie = who.cookie;
      const before = statementCount();
      const page = await json<Page>(
        await callLoader(pointPage, makeRequest(`/support-points/${point.slug}`, { cookie }), {
          slug: point.slug,
        }),
      );
      return { page, statements: statementCount() - before };
    };
    const { page, statements } = await view(a1);
    // Who is asking, then the page: one statement each.
    expect(statements).toBe(2);
    const { name: host } = await db.organisation.findUniqueOrThrow({ where: { id: orgA } });
    const { name: advisersOrg } = await db.organisation.findUniqueOrThrow({ where: { id: orgB } });
    expect(page.point).toMatchObject({
      host,
      hours: { text: 'Ti 10–12', lang: 'fi' },
      accessibility: { text: 'Esteetön sisäänkäynti', lang: 'fi' },
      mine: false,
    });
    expect(page.point.advisers).toEqual([
      { id: expect.any(String), name: 'Aalto Bertta', organisation: advisersOrg },
      { id: expect.any(String), name: 'Öhman Sanna', organisation: advisersOrg },
    ]);
    // Four sessions in the last year (three older ones do not count): too few to show.
    expect(page.sessions).toBeNull();
    await makeSessions(a1, 2, 9, { supportPointId: point.id, date: day(300) });
    expect((await view(a1, 'sv')).page).toMatchObject({
      sessions: 6,
      point: { hours: { text: 'Tis 10–12', lang: 'sv' }, accessibility: { lang: 'fi' } },
    });

    // Closed: not there for members; the directory's keepers still see it, with nothing to offer.
    await db.supportPoint.update({ where: { id: point.id }, data: { active: false } });
    expect(
      (
        await callLoader(pointPage, makeRequest(`/support-points/${point.slug}`, { cookie: a1.cookie }), {
          slug: point.slug,
        })
      ).status,
    ).toBe(404);
    const closed = (await view(keeper)).page;
    expect(closed).toMatchObject({ helpTimes: [], feedback: null });
    expect(
      (
        await callLoader(pointPage, makeRequest('/support-points/ei-ole', { cookie: keeper.cookie }), {
          slug: 'ei-ole',
        })
      ).status,
    ).toBe(404);
  });

  it('a coordinator adds and changes a point; both are audited', async () => {
    const form = {
      name: 'Vallilan kirjasto',
      slug: '',
      kind: 'library',
      address: 'Päijänteentie 5',
      district: 'Vallila',
      hostOrganisationId: orgA,
      hoursFi: 'ke klo 10–12',
      hoursSv: 'ons kl. 10–12',
      hoursEn: 'Wed 10am–12pm',
      languages: ['fi', 'en'],
      appointmentNeeded: 'on',
      active: 'on',
    };
    const created = await callAction(
      pointNew,
      makeRequest('/support-points/new', { cookie: coordinator.cookie, form }),
    );
    expect(created.headers.get('Location')).toBe('/support-points/vallilan-kirjasto');
    const point = await db.supportPoint.findUniqueOrThrow({ where: { slug: 'vallilan-kirjasto' } });
    expect(point).toMatchObject({
      hostOrganisationId: orgA,
      languages: ['fi', 'en'],
      appointmentNeeded: true,
      active: true,
    });
    expect(point.feedbackCode).toMatch(/^[a-z2-9]{8}$/);
    const changed = await callAction(
      pointEdit,
      makeRequest('/support-points/vallilan-kirjasto/edit', {
        cookie: coordinator.cookie,
        form: {
          ...form,
          slug: 'vallilan-kirjasto',
          appointmentNeeded: [] as string[],
          active: [] as string[],
        },
      }),
      { slug: 'vallilan-kirjasto' },
    );
    expect(changed.status).toBe(302);
    expect(await db.supportPoint.findUniqueOrThrow({ where: { id: point.id } })).toMatchObject({
      appointmentNeeded: false,
      active: false,
    });
    const audit = await db.auditLog.findMany({
      where: { targetId: point.id },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['support_point_create', 'support_point_update']);
    expect(audit.every((a) => a.actorId === coordinator.user.id)).toBe(true);
  });

  it.each([
    ['no name', { name: '' }, 'name', 'validation.required'],
    [
      'HTML in the address is kept as text, but a line break is refused',
      { address: 'Katu 1\n2' },
      'address',
      'validation.invalidCharacters',
    ],
    ['a bad address in Tukiverkko', { slug: '../etc' }, 'slug', 'supportPoints:errors.slug'],
    ['a taken address', { slug: 'taken-point' }, 'slug', 'supportPoints:errors.slugTaken'],
    ['an unknown kind', { kind: 'castle' }, 'kind', 'validation.required'],
    ['an unknown language', { languages: ['xx'] }, 'languages', 'validation.invalid'],
  ])('%s: a translated error, the form kept, nothing saved', async (_, overrides, field, key) => {
    await makeSupportPoint(db, { slug: 'taken-point' }).catch(() => undefined);
    const before = await db.supportPoint.count();
    const form = {
      name: 'Uusi piste',
      kind: 'library',
      address: 'Katu 1',
      district: 'Kallio',
      hoursFi: 'ma 9–11',
      active: 'on',
      ...overrides,
    };
    const response = await callAction(
      pointNew,
      makeRequest('/support-points/new', { cookie: coordinator.cookie, form }),
    );
    expect(response.status).toBe(400);
    const body = await json<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
      response,
    );
    expect(body.errors[field]?.key).toBe(key);
    expect(body.values.hoursFi).toBe('ma 9–11');
    expect(await db.supportPoint.count()).toBe(before);
  });
});

describe("the filter's support points", () => {
  it('a network of thousands of places lists the busiest of the view, or the chosen one', async () => {
    const listed = async (query = '') =>
      await json<{ choices: { points: { id: string }[] }; pointsShortened: boolean }>(
        await callLoader(reports, makeRequest(`/reports${query}`, { cookie: coordinator.cookie })),
      );
    const all = await listed();
    expect(all.pointsShortened).toBe(false);
    expect(all.choices.points.map((p) => p.id)).toEqual(expect.arrayContaining(points.map((p) => p.id)));
    const extra = Array.from({ length: POINT_LIST_MAX }, (_, i) => ({
      name: `Iso verkko ${i}`,
      slug: `iso-verkko-${i}`,
      kind: 'library',
      address: 'Testikatu 1, 00100 Helsinki',
      district: 'Keskusta',
      feedbackCode: newFeedbackCode(),
    }));
    await db.supportPoint.createMany({ data: extra });
    try {
      const quiet = await db.supportPoint.findUniqueOrThrow({ where: { slug: 'iso-verkko-7' } });
      // The places with sessions in the view (three here), nothing else...
      const busiest = await listed();
      expect(busiest.pointsShortened).toBe(true);
      expect(new Set(busiest.choices.points.map((p) => p.id))).toEqual(new Set(points.map((p) => p.id)));
      // ...and the chosen one, found in the directory, even without sessions.
      const chosen = await listed(`?point=${quiet.id}`);
      expect(chosen.choices.points.map((p) => p.id)).toEqual([quiet.id]);
    } finally {
      await db.supportPoint.deleteMany({ where: { slug: { startsWith: 'iso-verkko-' } } });
    }
  });
});

describe('events in the dashboards', () => {
  it('count who signed up, came, did not come and came anyway: the network, or one organisation', async () => {
    const event = await db.event.create({
      data: {
        type: 'network_meeting',
        titleFi: 'Verkostotapaaminen',
        titleSv: 'Nätverksträff',
        startsAt: new Date(Date.now() - 3 * 86_400_000),
        endsAt: new Date(Date.now() - 3 * 86_400_000 + 7_200_000),
        placeKind: 'online',
        createdById: coordinator.user.id,
      },
    });
    const checkedIn = new Date();
    await db.eventRsvp.createMany({
      data: [
        { eventId: event.id, userId: a1.user.id, status: 'going', checkedInAt: checkedIn },
        { eventId: event.id, userId: a2.user.id, status: 'going' },
        { eventId: event.id, userId: adminA.user.id, status: 'walk_in', checkedInAt: checkedIn },
        { eventId: event.id, userId: b1.user.id, status: 'going', checkedInAt: checkedIn },
        { eventId: event.id, userId: coordinator.user.id, status: 'cant' },
      ],
    });
    type Page = {
      rows: {
        id: string;
        title: string;
        going: number;
        attended: number;
        noShows: number;
        walkIns: number;
      }[];
    };
    const network = await json<Page>(
      await callLoader(reportEvents, makeRequest('/reports/events?lng=sv', { cookie: coordinator.cookie })),
    );
    expect(network.rows.find((r) => r.id === event.id)).toMatchObject({
      title: 'Nätverksträff',
      going: 3,
      attended: 3,
      noShows: 1,
      walkIns: 1,
    });
    const ours = await json<Page>(
      await callLoader(reportEvents, makeRequest('/reports/events', { cookie: adminA.cookie })),
    );
    expect(ours.rows.find((r) => r.id === event.id)).toMatchObject({
      going: 2,
      attended: 2,
      noShows: 1,
      walkIns: 1,
    });
    // An adviser has no organisation's figures; their own view has no attendance page.
    expect(
      (await callLoader(reportEvents, makeRequest('/reports/events', { cookie: a1.cookie }))).status,
    ).toBe(404);
    expect(
      (await callLoader(reportEvents, makeRequest('/reports/events?scope=mine', { cookie: adminA.cookie })))
        .status,
    ).toBe(404);
    const csv = await (
      await callLoader(
        reportsExport,
        makeRequest('/reports/export?chart=events&lng=en', { cookie: adminA.cookie }),
      )
    ).text();
    expect(csv).toContain('Event,Time,Signed up,Came,Did not come,Came without signing up');
    expect(csv).toMatch(/Verkostotapaaminen,[^,]+(,[^,]+)?,2,2,1,1/);
  });
});
