// Forum, library, events and search: every text field against the naughty strings (tests/naughty-strings.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as newThreadRoute from '~/routes/forum.new';
import * as threadRoute from '~/routes/forum.t.$id';
import * as newMaterialRoute from '~/routes/library.new';
import * as libraryRoute from '~/routes/library._index';
import * as newEventRoute from '~/routes/events.new';
import * as searchRoute from '~/routes/search';
import { makeCategory } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';
import { CHUNKS, expectedFor, expectHandled, expectOutcome } from '#tests/naughty-strings';

let admin: { cookie: string; user: { id: string; organisationId: string } };
beforeAll(async () => {
  admin = await loginAs('admin');
});

describe('naughty strings: forum, library, events and search', () => {
  it.each(CHUNKS)(
    'a forum thread title is stored and shown back exactly, or refused, $label',
    async ({ strings }) => {
      const categoryId = (await makeCategory(db)).id;
      for (const s of strings) {
        await db.rateLimit.deleteMany({ where: { key: `forum-post:${admin.user.id}` } });
        const response = await callAction(
          newThreadRoute,
          makeRequest('/forum/new', {
            cookie: admin.cookie,
            form: {
              categoryId,
              title: s,
              language: 'fi',
              bodyText: `Miten tunnukset vaihdetaan? ${crypto.randomUUID()}`,
            },
          }),
        );
        await expectOutcome(response, 'title', expectedFor(s, { max: 200, min: 5 }), async (r) => {
          const id = r.headers.get('Location')!.split('/').pop()!;
          const stored = (await db.forumThread.findUniqueOrThrow({ where: { id } })).title;
          const page = await json<{ thread: { title: string } }>(
            await callLoader(threadRoute, makeRequest(`/forum/t/${id}`, { cookie: admin.cookie }), { id }),
          );
          expect(page.thread.title, 'the thread page shows what was stored').toBe(stored);
          return stored;
        });
      }
    },
  );

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

  it.each(CHUNKS)(
    'a library material title and summary are stored exactly, or refused, $label',
    async ({ strings }) => {
      for (const s of strings) {
        for (const [field, rule] of [
          ['title', { max: 200 }],
          ['summary', { max: 500, min: 0, multiline: true }],
        ] as const) {
          const response = await callAction(
            newMaterialRoute,
            makeRequest('/library/new', {
              cookie: admin.cookie,
              form: {
                language: 'fi',
                title: 'Pankkitunnukset puhelimeen',
                type: 'guide',
                audience: 'all',
                bodyText: 'Ohje',
                [field]: s,
              },
            }),
          );
          await expectOutcome(response, field, expectedFor(s, rule), async (r) => {
            const slug = r.headers.get('Location')!.split('/')[2]!;
            const material = await db.libraryMaterial.findFirstOrThrow({ where: { slug } });
            return field === 'title' ? material.draftTitle : material.draftSummary;
          });
        }
      }
    },
  );

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

  it.each(CHUNKS)(
    'an event title, description and address are stored exactly, or refused, $label',
    async ({ strings }) => {
      for (const s of strings) {
        for (const [field, rule] of [
          ['titleSv', { max: 200, min: 0 }],
          ['descriptionFi', { max: 5000, min: 0, multiline: true }],
          ['address', { max: 300, min: 0 }],
        ] as const) {
          const response = await callAction(
            newEventRoute,
            makeRequest('/events/new', {
              cookie: admin.cookie,
              form: {
                type: 'network_meeting',
                titleFi: 'Verkostotapaaminen',
                startsAt: '2030-01-01T10:00',
                endsAt: '2030-01-01T12:00',
                placeKind: 'online',
                joinUrl: 'https://example.org/meet',
                audience: 'all',
                [field]: s,
              },
            }),
          );
          await expectOutcome(response, field, expectedFor(s, rule), async (r) => {
            const id = r.headers.get('Location')!.split('/')[2]!.split('?')[0]!;
            const event = await db.event.findUniqueOrThrow({ where: { id } });
            return event[field];
          });
        }
      }
    },
  );

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
});
