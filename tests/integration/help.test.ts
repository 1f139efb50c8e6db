// Help pages (issue 21 item 3): a short "how do I…" per area, for members who can use the area.
import { describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as helpRoute from '~/routes/help._index';
import * as topicRoute from '~/routes/help.$topic';
import { helpTopicsFor } from '~/domain/help/topics';
import { i18n } from '~/i18n/i18n.server';
import { callLoader, json, loginAs, makeRequest } from '#tests/helpers';

describe('help pages', () => {
  it('list a topic per area the member can use, each with its steps in the member’s language', async () => {
    const { user, cookie } = await loginAs('adviser');
    const index = await json<{ topics: { topic: string; path: string }[] }>(
      await callLoader(helpRoute, makeRequest('/help', { cookie })),
    );
    expect(index.topics.map((t) => t.path)).toEqual([
      '/help/forum',
      '/help/library',
      '/help/events',
      '/help/guidance',
      '/help/feedback',
      '/help/briefings',
      '/help/support-points',
      '/help/profile',
      '/help/notifications',
    ]);
    for (const { path } of index.topics) {
      const response = await callLoader(topicRoute, makeRequest(path, { cookie }), {
        topic: path.split('/')[2]!,
      });
      expect(response.status, path).toBe(200);
    }
    await db.user.update({ where: { id: user.id }, data: { locale: 'sv' } });
    const t = await i18n.getFixedT(makeRequest('/help/forum', { cookie }), 'help');
    const steps = Object.values(t('topics.forum.steps', { returnObjects: true }) as Record<string, string>);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps[0]).toMatch(/^Sök först/);
  });

  it('answer 404 for an unknown topic or one of an area the member cannot use, and send visitors to log in', async () => {
    const { cookie } = await loginAs('adviser');
    const unknown = await callLoader(topicRoute, makeRequest('/help/nothing', { cookie }), {
      topic: 'nothing',
    });
    expect(unknown.status).toBe(404);
    // Every role can use every area today; a member without the forum sees no forum help.
    expect(helpTopicsFor({ 'guidance:log': 'all' })).toEqual([
      'guidance',
      'feedback',
      'profile',
      'notifications',
    ]);
    // A role's own tools are for that role.
    const coordinator = await loginAs('coordinator');
    const tools = await callLoader(
      topicRoute,
      makeRequest('/help/coordinators', { cookie: coordinator.cookie }),
      {
        topic: 'coordinators',
      },
    );
    expect(tools.status).toBe(200);
    const notMine = await callLoader(topicRoute, makeRequest('/help/coordinators', { cookie }), {
      topic: 'coordinators',
    });
    expect(notMine.status).toBe(404);
    const visitor = await callLoader(helpRoute, makeRequest('/help'));
    expect(visitor.status).toBe(302);
  });
});
