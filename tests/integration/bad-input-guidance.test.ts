// Guidance log, resident feedback, support points and dashboards: every text field against the naughty strings (tests/naughty-strings.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as guidanceSaveRoute from '~/routes/reports.log.save';
import * as reportsRoute from '~/routes/reports._index';
import * as residentRoute from '~/routes/f.$code';
import * as supportPointsRoute from '~/routes/support-points._index';
import * as newSupportPointRoute from '~/routes/support-points.new';
import * as eservicesRoute from '~/routes/eservices._index';
import { makeSupportPoint } from '#tests/factories';
import { callAction, callLoader, loginAs, makeRequest } from '#tests/helpers';
import { CHUNKS, expectHandled } from '#tests/naughty-strings';

let admin: { cookie: string; user: { id: string; organisationId: string } };
beforeAll(async () => {
  admin = await loginAs('admin');
});

describe('naughty strings: guidance log, resident feedback, support points and dashboards', () => {
  it.each(CHUNKS)('guidance log: where referred, note, date and duration, $label', async ({ strings }) => {
    const point = await makeSupportPoint(db);
    for (const s of strings) {
      await db.rateLimit.deleteMany({ where: { key: `guidance:${admin.user.id}` } });
      const form = {
        idempotencyKey: crypto.randomUUID(),
        date: new Date().toISOString().slice(0, 10),
        supportPointId: point.id,
        device: 'android',
        topics: 'email',
        channel: 'support_point',
        serviceLevel: '1',
        durationMinutes: '20',
        language: 'fi',
        outcome: 'referred',
        referredTo: s,
        note: s,
      };
      const response = await callAction(
        guidanceSaveRoute,
        makeRequest('/reports/log/save', { cookie: admin.cookie, form }),
      );
      if ((await expectHandled(response.clone(), 'referredTo')) === 'stored') {
        const { id } = (await response.json()) as { id: string };
        const saved = await db.guidanceSession.findUniqueOrThrow({ where: { id } });
        expect(saved.referredTo).toBe(s.trim());
        expect(saved.note).toBe(s.trim());
      }
      for (const field of ['date', 'durationMinutes', 'serviceLevel', 'topics']) {
        const bad = await callAction(
          guidanceSaveRoute,
          makeRequest('/reports/log/save', {
            cookie: admin.cookie,
            form: { ...form, idempotencyKey: crypto.randomUUID(), referredTo: 'Kela', [field]: s },
          }),
        );
        await expectHandled(bad, field);
      }
    }
  });

  it.each(CHUNKS)("a resident's comment, $label", async ({ strings }) => {
    const point = await makeSupportPoint(db);
    for (const s of strings) {
      await db.rateLimit.deleteMany({ where: { key: { startsWith: 'resident-feedback:' } } });
      const response = await callAction(
        residentRoute,
        makeRequest(`/f/${point.feedbackCode}`, { form: { rating: '4', comment: s } }),
        { code: point.feedbackCode },
      );
      if ((await expectHandled(response, 'comment')) === 'stored') {
        const saved = await db.residentFeedback.findFirstOrThrow({
          where: { supportPointId: point.id },
          orderBy: { createdAt: 'desc' },
        });
        expect(saved.comment).toBe(s.trim());
      }
    }
  });

  it.each(CHUNKS)('support point name, address and hours, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callAction(
        newSupportPointRoute,
        makeRequest('/support-points/new', {
          cookie: admin.cookie,
          form: { name: s, slug: '', kind: 'library', address: s, district: s, hoursFi: s, active: 'on' },
        }),
      );
      await expectHandled(response, 'name');
    }
  });

  it.each(CHUNKS)('dashboard, directory and catalogue filters never error, $label', async ({ strings }) => {
    for (const s of strings) {
      const reports = new URLSearchParams({
        scope: s,
        from: s,
        to: s,
        organisation: s,
        point: s,
        eservice: s,
        interval: s,
      });
      expect(
        (await callLoader(reportsRoute, makeRequest(`/reports?${reports}`, { cookie: admin.cookie }))).status,
      ).toBe(200);
      const directory = new URLSearchParams({ q: s, kind: s, district: s, language: s });
      expect(
        (
          await callLoader(
            supportPointsRoute,
            makeRequest(`/support-points?${directory}`, { cookie: admin.cookie }),
          )
        ).status,
      ).toBe(200);
      const catalogue = new URLSearchParams({ q: s, status: s });
      expect(
        (await callLoader(eservicesRoute, makeRequest(`/eservices?${catalogue}`, { cookie: admin.cookie })))
          .status,
      ).toBe(200);
    }
  });
});
