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
import { CHUNKS, expectedFor, expectHandled, expectOutcome } from '#tests/naughty-strings';

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
      for (const [field, rule] of [
        ['referredTo', { max: 200 }],
        ['note', { max: 1000, min: 0, multiline: true }],
      ] as const) {
        const response = await callAction(
          guidanceSaveRoute,
          makeRequest('/reports/log/save', {
            cookie: admin.cookie,
            form: { ...form, idempotencyKey: crypto.randomUUID(), referredTo: 'Kela', note: '', [field]: s },
          }),
        );
        await expectOutcome(response, field, expectedFor(s, rule), async (r) => {
          const { id } = (await r.json()) as { id: string };
          return (await db.guidanceSession.findUniqueOrThrow({ where: { id } }))[field];
        });
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
      await expectOutcome(
        response,
        'comment',
        expectedFor(s, { max: 1000, min: 0, multiline: true }),
        async () => {
          const saved = await db.residentFeedback.findFirstOrThrow({
            where: { supportPointId: point.id },
            orderBy: { createdAt: 'desc' },
          });
          return saved.comment;
        },
      );
    }
  });

  it.each(CHUNKS)(
    'support point name, address and hours are stored exactly, or refused, $label',
    async ({ strings }) => {
      for (const s of strings) {
        for (const [field, rule] of [
          ['name', { max: 120 }],
          ['address', { max: 200 }],
          ['hoursFi', { max: 500, min: 0, multiline: true }],
        ] as const) {
          const response = await callAction(
            newSupportPointRoute,
            makeRequest('/support-points/new', {
              cookie: admin.cookie,
              form: {
                name: `Kirjasto ${crypto.randomUUID()}`,
                slug: '',
                kind: 'library',
                address: 'Kirjastokatu 1',
                district: 'Kallio',
                active: 'on',
                [field]: s,
              },
            }),
          );
          await expectOutcome(response, field, expectedFor(s, rule), async (r) => {
            const slug = r.headers.get('Location')!.split('/')[2]!.split('?')[0]!;
            return (await db.supportPoint.findUniqueOrThrow({ where: { slug } }))[field];
          });
        }
        // The district is a fixed list: anything else is refused by name.
        await expectHandled(
          await callAction(
            newSupportPointRoute,
            makeRequest('/support-points/new', {
              cookie: admin.cookie,
              form: {
                name: 'Kirjasto',
                slug: '',
                kind: 'library',
                address: 'Katu 1',
                district: s,
                active: 'on',
              },
            }),
          ),
          'district',
        );
      }
    },
  );

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
