// Forum, library, events and search: every text field against the naughty strings (tests/naughty-strings.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as newThreadRoute from '~/routes/forum.new';
import * as newMaterialRoute from '~/routes/library.new';
import * as libraryRoute from '~/routes/library._index';
import * as newEventRoute from '~/routes/events.new';
import * as searchRoute from '~/routes/search';
import { makeCategory } from '#tests/factories';
import { callAction, callLoader, loginAs, makeRequest } from '#tests/helpers';
import { CHUNKS, expectHandled } from '#tests/naughty-strings';

let admin: { cookie: string; user: { id: string; organisationId: string } };
beforeAll(async () => {
  admin = await loginAs('admin');
});

describe('naughty strings: forum, library, events and search', () => {
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
});
