// The guidance log and the residents' quick feedback: logging (page and script), idempotency,
// bad input, correcting and deleting within 14 days, the five faces without a login.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { helsinkiToday } from '~/i18n/format';
import * as logPage from '~/routes/reports.log._index';
import * as entryPage from '~/routes/reports.log.$id';
import * as saveRoute from '~/routes/reports.log.save';
import * as residentPage from '~/routes/f.$code';
import * as feedbackNew from '~/routes/eservices.$slug.feedback.new';
import { makeOrganisation, makeSupportPoint } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest, ORIGIN } from '#tests/helpers';

type Login = Awaited<ReturnType<typeof loginAs>>;
let orgId: string;
let adviser: Login;
let colleague: Login;
let point: { id: string; slug: string; feedbackCode: string };
let closedPoint: { id: string; feedbackCode: string };
let eserviceId: string;

const today = () => helsinkiToday();
function daysAgo(days: number) {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const entry = (overrides: Record<string, string | string[]> = {}) => ({
  idempotencyKey: crypto.randomUUID(),
  date: today(),
  supportPointId: point.id,
  device: 'android',
  topics: ['banking', 'safety'],
  eserviceId: '',
  channel: 'support_point',
  serviceLevel: '2',
  durationMinutes: '30',
  language: 'fi',
  ageGroup: '75_plus',
  outcome: 'solved',
  referredTo: '',
  note: '',
  ...overrides,
});

const logByPage = (cookie: string, form: Record<string, string | string[]>) =>
  callAction(logPage, makeRequest('/reports/log', { cookie, form }));
const logByScript = (cookie: string, form: Record<string, string | string[]>) =>
  callAction(saveRoute, makeRequest('/reports/log/save', { cookie, form }));

async function logOk(cookie: string, form = entry()) {
  const response = await logByScript(cookie, form);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await json<{ id: string }>(response)).id;
}

beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
  adviser = await loginAs('adviser', orgId);
  colleague = await loginAs('adviser', orgId);
  point = await makeSupportPoint(db, { hostOrganisationId: orgId });
  closedPoint = await makeSupportPoint(db, { active: false });
  eserviceId = (
    await db.eService.create({ data: { slug: 'kela-asiointi', nameFi: 'Kelan asiointipalvelu' } })
  ).id;
});

describe('logging a session', () => {
  it('without JavaScript: the page saves it and shows its feedback QR code', async () => {
    const response = await logByPage(
      adviser.cookie,
      entry({ eserviceId: '', note: 'Pankkitunnukset vaihtuivat.' }),
    );
    expect(response.status).toBe(302);
    const id = response.headers.get('Location')!.match(/saved=([0-9a-f-]{36})/)![1]!;
    const stored = await db.guidanceSession.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      adviserId: adviser.user.id,
      organisationId: orgId,
      supportPointId: point.id,
      device: 'android',
      topics: ['banking', 'safety'],
      serviceLevel: 2,
      durationMinutes: 30,
      ageGroup: '75_plus',
      note: 'Pankkitunnukset vaihtuivat.',
    });
    expect(stored.feedbackCode).toMatch(/^[a-z2-9]{8}$/);
    const page = await json<{ saved: { path: string; qr: string; url: string } }>(
      await callLoader(logPage, makeRequest(`/reports/log?saved=${id}`, { cookie: adviser.cookie })),
    );
    expect(page.saved.path).toBe(`/f/${stored.feedbackCode}`);
    expect(page.saved.url).toBe(`${ORIGIN}/f/${stored.feedbackCode}`);
    expect(page.saved.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(page.saved.qr.split(',')[1]!, 'base64').toString()).toContain('<svg');
  });

  it('with the script: JSON back, and the next form remembers the support point and language', async () => {
    const other = await makeSupportPoint(db);
    const response = await logByScript(colleague.cookie, entry({ supportPointId: other.id, language: 'sv' }));
    expect(response.status).toBe(200);
    const body = await json<{ ok: boolean; id: string; redirectTo: string }>(response);
    expect(body.ok).toBe(true);
    expect(body.redirectTo).toBe(`/reports/log?saved=${body.id}`);
    const page = await json<{ defaults: Record<string, string>; idempotencyKey: string }>(
      await callLoader(logPage, makeRequest('/reports/log', { cookie: colleague.cookie })),
    );
    expect(page.defaults).toMatchObject({
      supportPointId: other.id,
      language: 'sv',
      channel: 'support_point',
    });
    expect(page.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the log lists an entry with its place, e-service and resident answer; its page holds what was saved', async () => {
    const writer = await loginAs('adviser', orgId);
    const id = await logOk(writer.cookie, entry({ eserviceId, serviceLevel: '3', durationMinutes: '45' }));
    const { feedbackCode } = await db.guidanceSession.findUniqueOrThrow({ where: { id } });
    await callAction(residentPage, makeRequest(`/f/${feedbackCode}`, { form: { rating: '5' } }), {
      code: feedbackCode,
    });
    const older = await logOk(writer.cookie, entry({ supportPointId: '', channel: 'phone' }));
    const page = await json<{ recent: Record<string, unknown>[]; saved: { answered: boolean } | null }>(
      await callLoader(logPage, makeRequest(`/reports/log?saved=${id}`, { cookie: writer.cookie })),
    );
    const { name } = await db.supportPoint.findUniqueOrThrow({ where: { id: point.id } });
    // Newest first.
    expect(page.recent.map((r) => r.id)).toEqual([older, id]);
    expect(page.recent[1]).toEqual({
      id,
      date: today(),
      device: 'android',
      topics: ['banking', 'safety'],
      outcome: 'solved',
      durationMinutes: 45,
      supportPointName: name,
      eservice: { slug: 'kela-asiointi', name: 'Kelan asiointipalvelu' },
      rating: 5,
    });
    expect(page.recent[0]).toMatchObject({ supportPointName: null, eservice: null, rating: null });
    expect(page.saved?.answered).toBe(true);
    const edit = await json<{ values: Record<string, unknown> }>(
      await callLoader(entryPage, makeRequest(`/reports/log/${id}`, { cookie: writer.cookie }), { id }),
    );
    expect(edit.values).toMatchObject({
      date: today(),
      supportPointId: point.id,
      eserviceId,
      serviceLevel: '3',
      durationMinutes: '45',
      ageGroup: '75_plus',
    });
  });

  it('a first entry starts from the usual support point and the member’s own language', async () => {
    const newcomer = await loginAs('adviser', orgId);
    await db.user.update({ where: { id: newcomer.user.id }, data: { locale: 'sv' } });
    await db.userSupportPoint.create({ data: { userId: newcomer.user.id, supportPointId: point.id } });
    const page = await json<{ defaults: Record<string, string>; recent: unknown[] }>(
      await callLoader(logPage, makeRequest('/reports/log', { cookie: newcomer.cookie })),
    );
    expect(page.recent).toEqual([]);
    expect(page.defaults).toMatchObject({
      supportPointId: point.id,
      language: 'sv',
      channel: 'support_point',
      serviceLevel: '1',
    });
  });

  it('a double tap and a retry after a lost answer give one entry (racing requests: races.postgres.test.ts)', async () => {
    const form = entry();
    const first = await logOk(adviser.cookie, form);
    expect(await logOk(adviser.cookie, form)).toBe(first);
    const page = await logByPage(adviser.cookie, form);
    expect(page.headers.get('Location')).toBe(`/reports/log?saved=${first}`);
    expect(await db.guidanceSession.count({ where: { idempotencyKey: form.idempotencyKey as string } })).toBe(
      1,
    );
  });

  it('the same key from two advisers is two entries (keys are per adviser)', async () => {
    const form = entry();
    expect(await logOk(adviser.cookie, form)).not.toBe(await logOk(colleague.cookie, form));
  });

  it.each([
    ['a future date', { date: daysAgo(-1) }, 'date', 'reports:errors.future'],
    ['a date too long ago', { date: daysAgo(32) }, 'date', 'reports:errors.tooOld'],
    ['no date', { date: '' }, 'date', 'reports:errors.date'],
    ['a duration of 0', { durationMinutes: '0' }, 'durationMinutes', 'reports:errors.duration'],
    ['a duration of over 8 hours', { durationMinutes: '481' }, 'durationMinutes', 'reports:errors.duration'],
    ['no duration', { durationMinutes: '' }, 'durationMinutes', 'reports:errors.duration'],
    [
      'a duration in words',
      { durationMinutes: 'puoli tuntia' },
      'durationMinutes',
      'reports:errors.duration',
    ],
    ['no device', { device: '' }, 'device', 'reports:errors.device'],
    ['an unknown device', { device: 'toaster' }, 'device', 'reports:errors.device'],
    ['no topic', { topics: [] }, 'topics', 'reports:errors.topics'],
    [
      'an unknown support point',
      { supportPointId: crypto.randomUUID() },
      'supportPointId',
      'reports:errors.unknownSupportPoint',
    ],
    [
      'no support point for guidance at one',
      { supportPointId: '' },
      'supportPointId',
      'reports:errors.supportPoint',
    ],
    [
      'an unknown e-service',
      { eserviceId: crypto.randomUUID() },
      'eserviceId',
      'reports:errors.unknownEService',
    ],
    [
      '"referred" without where',
      { outcome: 'referred', referredTo: '' },
      'referredTo',
      'reports:errors.referredTo',
    ],
    ['a service level of 7', { serviceLevel: '7' }, 'serviceLevel', 'reports:errors.serviceLevel'],
  ])('%s gets a translated error next to the field and saves nothing', async (_, overrides, field, key) => {
    const before = await db.guidanceSession.count();
    const form = entry({ note: 'Tämä muistiinpano säilyy', ...overrides });
    for (const send of [logByPage, logByScript]) {
      const response = await send(adviser.cookie, form);
      expect(response.status).toBe(400);
      const body = await json<{ errors: Record<string, { key: string }>; values?: Record<string, string> }>(
        response,
      );
      expect(body.errors[field]?.key).toBe(key);
      if (send === logByPage) expect(body.values?.note).toBe('Tämä muistiinpano säilyy');
    }
    expect(await db.guidanceSession.count()).toBe(before);
  });

  it('a point no longer in use is refused like an unknown one', async () => {
    const response = await logByScript(adviser.cookie, entry({ supportPointId: closedPoint.id }));
    expect(response.status).toBe(400);
    expect(
      (await json<{ errors: Record<string, { key: string }> }>(response)).errors.supportPointId?.key,
    ).toBe('reports:errors.unknownSupportPoint');
  });

  it('a runaway script is stopped after 60 entries in ten minutes; what was typed comes back', async () => {
    const busy = await loginAs('adviser', orgId);
    for (let i = 0; i < 60; i++) await logOk(busy.cookie, entry());
    const response = await logByPage(busy.cookie, entry({ note: 'kesken' }));
    expect(response.status).toBe(429);
    const body = await json<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
      response,
    );
    expect(body.errors.form?.key).toBe('reports:errors.tooMany');
    expect(body.values.note).toBe('kesken');
    expect(await db.guidanceSession.count({ where: { adviserId: busy.user.id } })).toBe(60);
  });
});

describe('correcting and deleting', () => {
  it('an adviser corrects their own entry; the resident’s answer follows it', async () => {
    const id = await logOk(adviser.cookie, entry({ eserviceId }));
    const session = await db.guidanceSession.findUniqueOrThrow({ where: { id } });
    await callAction(residentPage, makeRequest(`/f/${session.feedbackCode}`, { form: { rating: '5' } }), {
      code: session.feedbackCode,
    });
    const other = await makeSupportPoint(db);
    const response = await logByScript(
      adviser.cookie,
      entry({ sessionId: id, supportPointId: other.id, device: 'tablet', durationMinutes: '45' }),
    );
    expect(response.status).toBe(200);
    expect((await json<{ redirectTo: string }>(response)).redirectTo).toBe(`/reports/log/${id}`);
    expect(response.headers.get('Set-Cookie')).toMatch(/^tk_done=/);
    expect(await db.guidanceSession.findUniqueOrThrow({ where: { id } })).toMatchObject({
      supportPointId: other.id,
      device: 'tablet',
      durationMinutes: 45,
    });
    expect(await db.residentFeedback.findUniqueOrThrow({ where: { sessionId: id } })).toMatchObject({
      supportPointId: other.id,
      adviserId: adviser.user.id,
    });
  });

  it("someone else's entry, or one older than 14 days, is not there (404) and is not changed", async () => {
    const id = await logOk(adviser.cookie, entry());
    const page = await callLoader(
      entryPage,
      makeRequest(`/reports/log/${id}`, { cookie: colleague.cookie }),
      { id },
    );
    expect(page.status).toBe(404);
    const save = await logByScript(colleague.cookie, entry({ sessionId: id, device: 'other' }));
    expect(save.status).toBe(404);
    const del = await callAction(
      entryPage,
      makeRequest(`/reports/log/${id}`, { cookie: colleague.cookie, form: { intent: 'delete' } }),
      { id },
    );
    expect(del.status).toBe(404);
    expect((await db.guidanceSession.findUniqueOrThrow({ where: { id } })).device).toBe('android');

    await db.guidanceSession.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - 15 * 86_400_000) },
    });
    const old = await callLoader(entryPage, makeRequest(`/reports/log/${id}`, { cookie: adviser.cookie }), {
      id,
    });
    expect(old.status).toBe(404);
    const listed = await json<{ recent: { id: string }[] }>(
      await callLoader(logPage, makeRequest('/reports/log', { cookie: adviser.cookie })),
    );
    expect(listed.recent.map((r) => r.id)).not.toContain(id);
  });

  it('deleting an entry keeps its resident’s answer for the support point', async () => {
    const id = await logOk(adviser.cookie, entry());
    const { feedbackCode } = await db.guidanceSession.findUniqueOrThrow({ where: { id } });
    await callAction(residentPage, makeRequest(`/f/${feedbackCode}`, { form: { rating: '4' } }), {
      code: feedbackCode,
    });
    const response = await callAction(
      entryPage,
      makeRequest(`/reports/log/${id}`, { cookie: adviser.cookie, form: { intent: 'delete' } }),
      { id },
    );
    expect(response.headers.get('Location')).toBe('/reports/log');
    expect(response.headers.get('Set-Cookie')).toMatch(/^tk_done=/);
    expect(await db.guidanceSession.findUnique({ where: { id } })).toBeNull();
    const kept = await db.residentFeedback.findFirstOrThrow({
      where: { supportPointId: point.id, rating: 4 },
    });
    expect(kept.sessionId).toBeNull();
  });

  it('field feedback opened from an entry starts with its device', async () => {
    const id = await logOk(adviser.cookie, entry({ device: 'iphone', eserviceId }));
    const page = await json<{ fromSession: { device: string } | null }>(
      await callLoader(
        feedbackNew,
        makeRequest(`/eservices/kela-asiointi/feedback/new?session=${id}`, { cookie: adviser.cookie }),
        { slug: 'kela-asiointi' },
      ),
    );
    expect(page.fromSession?.device).toBe('iphone');
    // Someone else's entry prefills nothing.
    const theirs = await json<{ fromSession: unknown }>(
      await callLoader(
        feedbackNew,
        makeRequest(`/eservices/kela-asiointi/feedback/new?session=${id}`, { cookie: colleague.cookie }),
        { slug: 'kela-asiointi' },
      ),
    );
    expect(theirs.fromSession).toBeNull();
  });
});

describe("a resident's quick feedback", () => {
  // No cookie: a resident's own phone.
  const answer = (code: string, form: Record<string, string>) =>
    callAction(residentPage, makeRequest(`/f/${code}`, { form }), { code });

  it('needs no login, is tied to the session, and is given once per session', async () => {
    const id = await logOk(adviser.cookie, entry({ eserviceId }));
    const { feedbackCode: code } = await db.guidanceSession.findUniqueOrThrow({ where: { id } });
    const page = await json<{ place: string; answered: boolean }>(
      await callLoader(residentPage, makeRequest(`/f/${code}`), { code }),
    );
    expect(page).toMatchObject({ place: expect.stringContaining('Tukipiste'), answered: false });
    // The page names the place, never the adviser.
    expect(JSON.stringify(page)).not.toContain(adviser.user.name);

    const first = await answer(code, { rating: '4', comment: 'Kiitos avusta!' });
    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toBe(`/f/${code}?thanks=1&lng=fi`);
    const again = await answer(code, { rating: '1' });
    expect(again.status).toBe(302);
    const stored = await db.residentFeedback.findMany({ where: { sessionId: id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      rating: 4,
      comment: 'Kiitos avusta!',
      adviserId: adviser.user.id,
      organisationId: orgId,
      supportPointId: point.id,
      eserviceId,
      language: 'fi',
    });
    expect(
      (await json<{ answered: boolean }>(await callLoader(residentPage, makeRequest(`/f/${code}`), { code })))
        .answered,
    ).toBe(true);
  });

  it('is given in the language the resident picks', async () => {
    const id = await logOk(adviser.cookie, entry());
    const { feedbackCode: code } = await db.guidanceSession.findUniqueOrThrow({ where: { id } });
    const response = await callAction(
      residentPage,
      makeRequest(`/f/${code}?lng=sv`, { form: { rating: '5' } }),
      { code },
    );
    expect(response.headers.get('Location')).toBe(`/f/${code}?thanks=1&lng=sv`);
    expect((await db.residentFeedback.findFirstOrThrow({ where: { sessionId: id } })).language).toBe('sv');
  });

  it('no face, or a comment too long, gets a translated error and keeps the comment', async () => {
    const id = await logOk(adviser.cookie, entry());
    const { feedbackCode: code } = await db.guidanceSession.findUniqueOrThrow({ where: { id } });
    for (const [form, field, key] of [
      [{ rating: '', comment: 'Hyvä' }, 'rating', 'reports:resident.errors.rating'],
      [{ rating: '9', comment: 'Hyvä' }, 'rating', 'reports:resident.errors.rating'],
      [{ rating: '3', comment: 'x'.repeat(1001) }, 'comment', 'validation.tooLong'],
    ] as const) {
      const response = await answer(code, form);
      expect(response.status).toBe(400);
      const body = await json<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
        response,
      );
      expect(body.errors[field]?.key).toBe(key);
      expect(body.values.comment).toBe(form.comment);
    }
    expect(await db.residentFeedback.count({ where: { sessionId: id } })).toBe(0);
  });

  it("a support point's standing link takes many answers, counted for the point's host", async () => {
    const wall = await makeSupportPoint(db, { hostOrganisationId: orgId });
    for (const rating of ['5', '3']) expect((await answer(wall.feedbackCode, { rating })).status).toBe(302);
    const answers = await db.residentFeedback.findMany({ where: { supportPointId: wall.id } });
    expect(answers.map((a) => a.rating).sort()).toEqual([3, 5]);
    expect(answers.every((a) => a.organisationId === orgId && a.adviserId === null)).toBe(true);
  });

  it('a session’s link takes answers for a week; then it says so and saves nothing', async () => {
    const id = await logOk(adviser.cookie, entry());
    await db.guidanceSession.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - 8 * 86_400_000) },
    });
    const { feedbackCode: code } = await db.guidanceSession.findUniqueOrThrow({ where: { id } });
    const page = await json<{ expired: boolean }>(
      await callLoader(residentPage, makeRequest(`/f/${code}`), { code }),
    );
    expect(page.expired).toBe(true);
    const response = await answer(code, { rating: '5' });
    expect(response.status).toBe(410);
    expect((await json<{ errors: Record<string, { key: string }> }>(response)).errors.form?.key).toBe(
      'reports:resident.errors.expired',
    );
    expect(await db.residentFeedback.count({ where: { sessionId: id } })).toBe(0);
  });

  it('an unknown code, or a closed point, is not found', async () => {
    for (const code of ['zzzzzzzz', closedPoint.feedbackCode, '../../etc']) {
      expect((await callLoader(residentPage, makeRequest(`/f/${code}`), { code })).status).toBe(404);
      expect((await answer(code, { rating: '5' })).status).toBe(404);
    }
  });

  it('one address can answer 30 times an hour; then it is asked to wait and nothing is saved', async () => {
    await db.rateLimit.deleteMany({ where: { key: { startsWith: 'resident-feedback:' } } });
    const before = await db.residentFeedback.count();
    for (let i = 0; i < 30; i++) expect((await answer(point.feedbackCode, { rating: '4' })).status).toBe(302);
    const refused = await answer(point.feedbackCode, { rating: '4', comment: 'taas' });
    expect(refused.status).toBe(429);
    expect((await json<{ errors: Record<string, { key: string }> }>(refused)).errors.form?.key).toBe(
      'reports:resident.errors.tooMany',
    );
    expect(await db.residentFeedback.count()).toBe(before + 30);
  });
});
