import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import { recountAll } from '~/domain/maintenance/recount.server';
import * as newEServiceRoute from '~/routes/eservices.new';
import * as eserviceRoute from '~/routes/eservices.$slug._index';
import * as newFeedbackRoute from '~/routes/eservices.$slug.feedback.new';
import * as queueRoute from '~/routes/eservices.$slug.feedback._index';
import * as exportRoute from '~/routes/eservices.$slug.feedback.export';
import * as feedbackRoute from '~/routes/feedback.$id';
import * as mineRoute from '~/routes/feedback._index';
import * as uploadRoute from '~/routes/uploads.$id';
import { makeOrganisation } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest, ORIGIN } from '#tests/helpers';

let coordinator: Awaited<ReturnType<typeof loginAs>>;
let rep: Awaited<ReturnType<typeof loginAs>>;
let otherRep: Awaited<ReturnType<typeof loginAs>>;
let adviser: Awaited<ReturnType<typeof loginAs>>;
let colleague: Awaited<ReturnType<typeof loginAs>>;
let png: Buffer;
const SLUG = 'palautepalvelu';

const report = (overrides: Record<string, string> = {}) => ({
  whatHappened: 'Vahvistussivu jää latautumaan, kun asukas painaa Lähetä.',
  step: 'Vahvistussivu',
  device: 'android',
  os: 'Android 13',
  frequency: 'often',
  severity: 'blocks',
  briefingId: '',
  ...overrides,
});

/** A multipart POST as the browser sends the report form, with an optional picture. */
function multipart(
  cookie: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('screenshot', new Blob([file.bytes], { type: file.type }), file.name);
  return new Request(`${ORIGIN}/eservices/${SLUG}/feedback/new`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN },
    body: form,
  });
}

async function file(
  cookie: string,
  fields = report(),
  picture?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> },
) {
  return callAction(newFeedbackRoute, multipart(cookie, fields, picture), { slug: SLUG });
}

async function fileOk(
  cookie: string,
  fields = report(),
  picture?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> },
) {
  const response = await file(cookie, fields, picture);
  expect(response.status, (await response.clone().text()).slice(0, 300)).toBe(302);
  return response.headers.get('Location')!.split('/')[2]!.split('?')[0]!;
}

const page = (id: string, cookie: string) =>
  callLoader(feedbackRoute, makeRequest(`/feedback/${id}`, { cookie }), { id });
const act = (id: string, cookie: string, form: Record<string, string>) =>
  callAction(feedbackRoute, makeRequest(`/feedback/${id}`, { cookie, form }), { id });

beforeAll(async () => {
  const org = (await makeOrganisation(db)).id;
  coordinator = await loginAs('coordinator', org);
  rep = await loginAs('eservice_rep', org);
  otherRep = await loginAs('eservice_rep', org);
  adviser = await loginAs('adviser', org);
  colleague = await loginAs('adviser', (await makeOrganisation(db)).id);
  for (const [slug, contact] of [
    [SLUG, rep.user.email],
    ['muu-palvelu', otherRep.user.email],
  ] as const) {
    const created = await callAction(
      newEServiceRoute,
      makeRequest('/eservices/new', {
        cookie: coordinator.cookie,
        form: { slug, nameFi: `Palvelu ${slug}`, status: 'launched', contacts: contact },
      }),
    );
    expect(created.status).toBe(302);
  }
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
    .png()
    .toBuffer();
});

describe('filing a report', () => {
  it('with a screenshot: the reps are told; the picture is for those who may see the report', async () => {
    const id = await fileOk(adviser.cookie, report(), {
      name: 'kuvakaappaus.png',
      type: 'image/png',
      bytes: new Uint8Array(png),
    });
    const stored = await db.fieldFeedback.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      status: 'new',
      seenCount: 1,
      device: 'android',
      reporterId: adviser.user.id,
    });
    expect(stored.screenshotId).not.toBeNull();
    const picture = await callLoader(
      uploadRoute,
      makeRequest(`/uploads/${stored.screenshotId}`, { cookie: colleague.cookie }),
      {
        id: stored.screenshotId!,
      },
    );
    expect(picture.status).toBe(200);
    expect(
      await db.notification.count({
        where: { type: 'feedback_new', userId: rep.user.id, url: `/feedback/${id}` },
      }),
    ).toBe(1);
    expect(await db.notification.count({ where: { type: 'feedback_new', userId: otherRep.user.id } })).toBe(
      0,
    );
    const mine = await json<{ reports: { id: string }[] }>(
      await callLoader(mineRoute, makeRequest('/feedback', { cookie: adviser.cookie })),
    );
    expect(mine.reports.map((r) => r.id)).toContain(id);
  });

  it('no text, a screenshot that is not an image, or one too large: a translated error and what was typed comes back', async () => {
    const before = await db.fieldFeedback.count();
    const empty = await file(adviser.cookie, report({ whatHappened: '  ', device: '' }));
    expect(empty.status).toBe(400);
    const emptyBody = await empty.json();
    expect(emptyBody.errors.whatHappened.key).toBe('validation.required');
    expect(emptyBody.errors.device.key).toBe('feedback:errors.device');
    expect(emptyBody.values.step).toBe('Vahvistussivu');

    const notImage = await file(adviser.cookie, report(), {
      name: 'kuva.png',
      type: 'image/png',
      bytes: new TextEncoder().encode('%PDF-1.4 not a picture'),
    });
    expect(notImage.status).toBe(400);
    const notImageBody = await notImage.json();
    expect(notImageBody.errors.screenshot.key).toBe('forum:errors.imageType');
    expect(notImageBody.values.whatHappened).toContain('Vahvistussivu jää latautumaan');

    const huge = await file(adviser.cookie, report(), {
      name: 'iso.png',
      type: 'image/png',
      bytes: new Uint8Array(11 * 1024 * 1024),
    });
    expect(huge.status).toBe(400);
    const hugeBody = await huge.json();
    expect(hugeBody.errors.screenshot.key).toBe('library:errors.fileTooLarge');
    expect(hugeBody.values.whatHappened).toContain('Vahvistussivu jää latautumaan');
    expect(hugeBody.values.severity).toBe('blocks');
    expect(await db.fieldFeedback.count()).toBe(before);
  });
});

describe('spam limit', () => {
  it('after ten reports in ten minutes the next one waits, and what was typed comes back', async () => {
    const busy = await loginAs('adviser', adviser.user.organisationId);
    for (let i = 0; i < 10; i++) await fileOk(busy.cookie, report({ whatHappened: `Raportti ${i}` }));
    const eleventh = await file(busy.cookie, report({ whatHappened: 'Yhdestoista raportti' }));
    expect(eleventh.status).toBe(429);
    const body = await eleventh.json();
    expect(body.errors.whatHappened.key).toBe('feedback:errors.tooMany');
    expect(body.values.whatHappened).toBe('Yhdestoista raportti');
    expect(await db.fieldFeedback.count({ where: { reporterId: busy.user.id } })).toBe(10);
  });
});

describe('the owner works through the queue', () => {
  it('every status change reaches the reporter; "seen this too" counts each member once; top problems, CSV and 404 for others', async () => {
    const id = await fileOk(
      adviser.cookie,
      report({ whatHappened: '=HYPERLINK("x") kirjautuminen katkeaa' }),
    );
    const minor = await fileOk(
      adviser.cookie,
      report({ whatHappened: 'Pieni kirjoitusvirhe ohjeessa', severity: 'minor' }),
    );

    // Others say they have seen it too; the reporter's own press does not count.
    expect((await act(id, colleague.cookie, { intent: 'seen' })).status).toBe(200);
    expect((await act(id, colleague.cookie, { intent: 'seen' })).status).toBe(200);
    expect((await act(id, adviser.cookie, { intent: 'seen' })).status).toBe(200);
    expect((await act(id, coordinator.cookie, { intent: 'seen' })).status).toBe(200);
    expect((await db.fieldFeedback.findUniqueOrThrow({ where: { id } })).seenCount).toBe(3);
    const top = await json<{ problems: { id: string }[] }>(
      await callLoader(eserviceRoute, makeRequest(`/eservices/${SLUG}`, { cookie: colleague.cookie }), {
        slug: SLUG,
      }),
    );
    expect(top.problems.map((p) => p.id).slice(0, 2)).toEqual([id, minor]);

    // Only the service's own reps (and coordinators) handle it.
    const queue = (cookie: string, query = '') =>
      callLoader(queueRoute, makeRequest(`/eservices/${SLUG}/feedback${query}`, { cookie }), { slug: SLUG });
    expect((await queue(otherRep.cookie)).status).toBe(404);
    expect((await queue(adviser.cookie)).status).toBe(404);
    expect((await act(id, otherRep.cookie, { intent: 'respond', status: 'fixed', body: '' })).status).toBe(
      404,
    );
    const ranked = await json<{ reports: { id: string }[]; total: number }>(
      await queue(rep.cookie, '?sort=top'),
    );
    expect(ranked.reports[0]!.id).toBe(id);
    // The totals are the service's reports, all of them or of the status asked for.
    const service = await db.eService.findUniqueOrThrow({ where: { slug: SLUG } });
    expect(ranked.total).toBe(await db.fieldFeedback.count({ where: { eserviceId: service.id } }));
    const newOnes = await json<{ total: number }>(await queue(rep.cookie, '?status=new'));
    expect(newOnes.total).toBe(
      await db.fieldFeedback.count({ where: { eserviceId: service.id, status: 'new' } }),
    );
    const fixedOnes = await json<{ total: number }>(await queue(rep.cookie, '?status=fixed'));
    expect(fixedOnes.total).toBe(0);
    // Both orders are the database's own, page for page.
    for (const [sort, orderBy] of [
      ['', [{ createdAt: 'desc' }, { id: 'asc' }]],
      ['?sort=top', [{ seenCount: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }]],
    ] as const) {
      const shown = await json<{ reports: { id: string; createdAt: string }[] }>(
        await queue(rep.cookie, sort),
      );
      const expected = await db.fieldFeedback.findMany({
        where: { eserviceId: service.id },
        orderBy: [...orderBy],
        take: shown.reports.length,
        select: { id: true, createdAt: true },
      });
      expect(shown.reports.map((r) => [r.id, r.createdAt])).toEqual(
        expected.map((r) => [r.id, r.createdAt.toISOString()]),
      );
    }
    // Each row names the reporter's organisation, not the reporter; the page takes four
    // statements: who asks, the e-service, whether they handle it, and the rows with the status
    // counts (one statement).
    const reporterOrg = await db.organisation.findUniqueOrThrow({
      where: { id: adviser.user.organisationId },
    });
    const newest = await json<{ reports: { id: string; organisationName: string; reporter?: unknown }[] }>(
      await queue(rep.cookie),
    );
    const row = newest.reports.find((r) => r.id === id)!;
    expect(row.organisationName).toBe(reporterOrg.name);
    expect(row.reporter).toBeUndefined();
    const before = statementCount();
    await queue(rep.cookie);
    expect(statementCount() - before).toBe(4);

    const steps = ['acknowledged', 'planned', 'fixed'] as const;
    for (const status of steps) {
      const answered = await act(id, rep.cookie, {
        intent: 'respond',
        status,
        body: status === 'fixed' ? 'Korjattu versiossa 2.3.' : '',
      });
      expect(answered.status).toBe(200);
    }
    const emptyAnswer = await act(id, rep.cookie, { intent: 'respond', status: 'fixed', body: '' });
    expect((await emptyAnswer.json()).errors.body.key).toBe('feedback:errors.emptyAnswer');
    expect(
      await db.notification.count({
        where: { type: 'feedback_status', userId: adviser.user.id, url: `/feedback/${id}` },
      }),
    ).toBe(3);
    await runDueJobs();
    expect(
      await db.email.count({ where: { to: adviser.user.email, subject: { contains: `Palvelu ${SLUG}` } } }),
    ).toBe(3);
    const view = await json<{
      report: { status: string; replies: { statusTo: string | null; body: string }[] };
    }>(await page(id, adviser.cookie));
    expect(view.report.status).toBe('fixed');
    expect(view.report.replies.map((r) => r.statusTo)).toEqual([...steps]);
    expect(view.report.replies.at(-1)!.body).toBe('Korjattu versiossa 2.3.');
    // Fixed problems leave the top list.
    const after = await json<{ problems: { id: string }[] }>(
      await callLoader(eserviceRoute, makeRequest(`/eservices/${SLUG}`, { cookie: colleague.cookie }), {
        slug: SLUG,
      }),
    );
    expect(after.problems.map((p) => p.id)).not.toContain(id);

    const csv = await callLoader(
      exportRoute,
      makeRequest(`/eservices/${SLUG}/feedback/export`, { cookie: rep.cookie }),
      {
        slug: SLUG,
      },
    );
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const text = (await csv.text()).replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Ilmoitettu,Tila,Mitä tapahtui,Vaihe,Laite,Käyttöjärjestelmä,Kuinka usein,Kuinka paljon haittaa,Nähneet opastajat,Organisaatio',
    );
    expect(lines.length).toBe(1 + (await db.fieldFeedback.count({ where: { eservice: { slug: SLUG } } })));
    expect(text).toContain(`"'=HYPERLINK(""x"") kirjautuminen katkeaa"`);
    expect(text).toContain('Korjattu');
    expect(
      (
        await callLoader(
          exportRoute,
          makeRequest(`/eservices/${SLUG}/feedback/export`, { cookie: adviser.cookie }),
          { slug: SLUG },
        )
      ).status,
    ).toBe(404);
  });

  it('a report made from a briefing is seen only by those who may read the briefing', async () => {
    const service = await db.eService.findUniqueOrThrow({ where: { slug: SLUG } });
    const briefing = await db.briefing.create({
      data: {
        eserviceId: service.id,
        title: 'Vain tämän järjestön tiedote',
        status: 'published',
        liveNumber: 1,
        launchAt: new Date(Date.now() + 7 * 86_400_000),
        audience: 'organisations',
        audienceOrgIds: [adviser.user.organisationId],
        createdById: rep.user.id,
        versions: {
          create: [
            {
              number: 1,
              title: 'Vain tämän järjestön tiedote',
              bodyHtml: '',
              bodyText: '',
              publishedById: rep.user.id,
            },
          ],
        },
      },
    });
    // Someone outside the audience cannot file against it.
    const outside = await file(colleague.cookie, report({ briefingId: briefing.id }));
    expect(outside.status).toBe(400);
    const id = await fileOk(
      adviser.cookie,
      report({ whatHappened: 'Salainen uusi näkymä ei aukea', briefingId: briefing.id }),
    );
    expect((await page(id, adviser.cookie)).status).toBe(200);
    expect((await page(id, rep.cookie)).status).toBe(200);
    expect((await page(id, coordinator.cookie)).status).toBe(200);
    expect((await page(id, colleague.cookie)).status).toBe(404);
    expect((await act(id, colleague.cookie, { intent: 'seen' })).status).toBe(404);
    const top = await json<{ problems: { id: string }[] }>(
      await callLoader(eserviceRoute, makeRequest(`/eservices/${SLUG}`, { cookie: colleague.cookie }), {
        slug: SLUG,
      }),
    );
    expect(top.problems.map((p) => p.id)).not.toContain(id);
  });
});

describe("the queue's counts per status", () => {
  /** The kept counts (none at zero) and a count of the reports themselves, per e-service and status. */
  async function keptAndCounted() {
    const kept = await db.$queryRaw<{ key: string; n: number }[]>`
      SELECT eservice_id || ' ' || status AS key, reports AS n FROM field_feedback_count
      WHERE reports <> 0 ORDER BY 1`;
    const counted = await db.$queryRaw<{ key: string; n: number }[]>`
      SELECT eservice_id || ' ' || status AS key, count(*)::int AS n FROM field_feedback GROUP BY 1 ORDER BY 1`;
    return { kept, counted };
  }

  it('follow every report filed, moved, changed in status or removed, by the app or by hand; the repair mends a drifted one', async () => {
    const service = await db.eService.findUniqueOrThrow({ where: { slug: SLUG } });
    const other = await db.eService.findUniqueOrThrow({ where: { slug: 'muu-palvelu' } });
    const id = await fileOk(colleague.cookie, report({ whatHappened: 'Laskettava raportti' }));
    expect((await act(id, rep.cookie, { intent: 'respond', status: 'planned', body: '' })).status).toBe(200);
    // By hand: a report added, one moved to another e-service, one "seen" again, one removed.
    const [added] = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO field_feedback (id, eservice_id, reporter_id, what_happened, device, frequency, severity, status, updated_at)
      VALUES (gen_random_uuid(), ${service.id}::uuid, ${adviser.user.id}::uuid, 'Käsin lisätty', 'android', 'sometimes', 'slows', 'new', now())
      RETURNING id::text`;
    await db.$executeRaw`UPDATE field_feedback SET eservice_id = ${other.id}::uuid, status = 'fixed' WHERE id = ${added!.id}::uuid`;
    await db.$executeRaw`UPDATE field_feedback SET seen_count = seen_count + 1 WHERE id = ${id}::uuid`;
    let { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    expect(counted).toContainEqual({ key: `${other.id} fixed`, n: 1 });
    await db.$executeRaw`DELETE FROM field_feedback WHERE id = ${added!.id}::uuid`;
    ({ kept, counted } = await keptAndCounted());
    expect(kept).toEqual(counted);
    // The queue's totals are the kept counts.
    const queue = await json<{ total: number; byStatus: Record<string, number> }>(
      await callLoader(queueRoute, makeRequest(`/eservices/${SLUG}/feedback`, { cookie: rep.cookie }), {
        slug: SLUG,
      }),
    );
    expect(queue.total).toBe(await db.fieldFeedback.count({ where: { eserviceId: service.id } }));
    expect(queue.byStatus.planned).toBe(
      await db.fieldFeedback.count({ where: { eserviceId: service.id, status: 'planned' } }),
    );

    await db.$executeRaw`UPDATE field_feedback_count SET reports = reports + 5 WHERE eservice_id = ${service.id}::uuid AND status = 'planned'`;
    expect((await keptAndCounted()).kept).not.toEqual(counted);
    expect((await recountAll()).feedbackCounts).toBe(1);
    expect((await keptAndCounted()).kept).toEqual(counted);
    expect((await recountAll()).feedbackCounts).toBe(0);
  });
});

describe('reports written in paragraphs', () => {
  it('keep their line breaks (a textarea is not a single-line field)', async () => {
    const whatHappened =
      'Asukas painoi Lähetä.\r\n\r\nSivu jäi latautumaan, ja toisella kerralla\ntuli virhe 500.';
    const id = await fileOk(adviser.cookie, report({ whatHappened }));
    const stored = await db.fieldFeedback.findUniqueOrThrow({
      where: { id },
      select: { whatHappened: true },
    });
    expect(stored.whatHappened).toBe(
      'Asukas painoi Lähetä.\n\nSivu jäi latautumaan, ja toisella kerralla\ntuli virhe 500.',
    );
  });
});
