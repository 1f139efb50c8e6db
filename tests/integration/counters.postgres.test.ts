// Denormalised counters stay exact under concurrent writes. A .postgres test: the embedded
// database serialises every statement, so there it would pass without the row lock too; it runs
// only against a PostgreSQL server (TEST_DATABASE_URL), as CI does (vitest.config.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { recountAll } from '~/domain/maintenance/recount.server';
import * as threadRoute from '~/routes/forum.t.$id';
import { makeCategory, makeOrganisation, makeThread } from '#tests/factories';
import { callAction, loginAs, makeRequest } from '#tests/helpers';

describe('thread counters under concurrent replies', () => {
  let orgId: string;
  let categoryId: string;
  beforeAll(async () => {
    orgId = (await makeOrganisation(db)).id;
    categoryId = (await makeCategory(db)).id;
  });

  it('10 rounds of 4 replies at once leave reply_count and last_post_at exact, and the repair finds nothing to fix', async () => {
    const asker = await loginAs('adviser', orgId);
    const thread = await makeThread(db, { categoryId, authorId: asker.user.id });
    const repliers = await Promise.all(Array.from({ length: 40 }, () => loginAs('adviser', orgId)));
    for (let round = 0; round < 10; round++) {
      const responses = await Promise.all(
        repliers.slice(round * 4, round * 4 + 4).map((r, i) =>
          callAction(
            threadRoute,
            makeRequest(`/forum/t/${thread.id}`, {
              cookie: r.cookie,
              form: { intent: 'reply', bodyText: `Vastaus ${round}.${i}: kokeile päivittää sovellus.` },
            }),
            { id: thread.id },
          ),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([302, 302, 302, 302]);
    }
    const stored = await db.forumThread.findUniqueOrThrow({
      where: { id: thread.id },
      select: { replyCount: true, lastPostAt: true },
    });
    const last = await db.forumPost.findFirstOrThrow({
      where: { threadId: thread.id },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    });
    expect(await db.forumPost.count({ where: { threadId: thread.id, isQuestion: false } })).toBe(40);
    expect(stored.replyCount).toBe(40);
    expect(stored.lastPostAt).toEqual(last.createdAt);
    expect((await recountAll()).threads).toBe(0);
  });

  it('the repair sets a drifted counter back to what it counts', async () => {
    const asker = await loginAs('adviser', orgId);
    const thread = await makeThread(db, { categoryId, authorId: asker.user.id });
    await db.forumThread.update({ where: { id: thread.id }, data: { replyCount: 7 } });
    const fixed = await recountAll();
    expect(fixed.threads).toBeGreaterThanOrEqual(1);
    expect((await db.forumThread.findUniqueOrThrow({ where: { id: thread.id } })).replyCount).toBe(0);
    expect((await recountAll()).threads).toBe(0);
  });
});
