import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { statementCount } from '~/db/adapters.server';
import * as moderationRoute from '~/routes/forum.moderation';
import * as rootRoute from '~/root';
import * as permalinkRoute from '~/routes/forum.p.$id._index';
import * as threadRoute from '~/routes/forum.t.$id';
import * as searchRoute from '~/routes/search';
import * as notificationsRoute from '~/routes/notifications._index';
import { makeCategory, makeOrganisation, makeThread, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, loginAs, makeRequest } from '#tests/helpers';

let orgId: string;
let categoryId: string;
beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
  categoryId = (await makeCategory(db)).id;
});

const act = (cookie: string, id: string, form: Record<string, string>) =>
  callAction(threadRoute, makeRequest(`/forum/t/${id}`, { cookie, form }), { id });
const open = (cookie: string, id: string) =>
  callLoader(threadRoute, makeRequest(`/forum/t/${id}`, { cookie }), { id });
const searchFor = async (cookie: string, q: string) =>
  (
    await json<{ hits: { url: string }[] }>(
      await callLoader(searchRoute, makeRequest(`/search?q=${encodeURIComponent(q)}`, { cookie })),
    )
  ).hits.map((h) => h.url);

async function scenario(text = 'Huijausviesti paketista, klikkaa linkkiä') {
  const author = await loginAs('adviser', orgId);
  const replier = await makeUser(db, { role: 'adviser', organisationId: orgId });
  const t = await makeThread(db, {
    categoryId,
    authorId: author.user.id,
    title: 'Pakettiviesti tuli puhelimeen',
    replies: [{ authorId: replier.id, text }],
  });
  return { author, replier, threadId: t.id, questionId: t.questionId, replyId: t.replyIds[0]! };
}

describe('flags and the moderation queue', () => {
  it('members flag a post with a reason; coordinators see it in the queue, others get 404', async () => {
    const { threadId, replyId } = await scenario();
    const reporter = await loginAs('adviser', orgId);
    const missing = await act(reporter.cookie, threadId, { intent: 'flag', postId: replyId, reason: '' });
    expect(missing.status).toBe(400);
    expect((await json<{ errors: { reason: { key: string } } }>(missing)).errors.reason.key).toBe(
      'forum:errors.flagReason',
    );
    expect(
      (
        await act(reporter.cookie, threadId, {
          intent: 'flag',
          postId: replyId,
          reason: 'spam',
          note: 'Mainos',
        })
      ).status,
    ).toBe(200);
    // Flagging twice leaves one open report per member.
    await act(reporter.cookie, threadId, { intent: 'flag', postId: replyId, reason: 'spam' });
    expect(await db.forumFlag.count({ where: { postId: replyId } })).toBe(1);

    expect(
      (await callLoader(moderationRoute, makeRequest('/forum/moderation', { cookie: reporter.cookie })))
        .status,
    ).toBe(404);
    const coordinator = await loginAs('coordinator', orgId);
    const queue = await json<{ items: { id: string; flags: { reason: string; note: string }[] }[] }>(
      await callLoader(moderationRoute, makeRequest('/forum/moderation', { cookie: coordinator.cookie })),
    );
    expect(queue.items.find((i) => i.id === replyId)?.flags).toEqual([
      expect.objectContaining({ reason: 'spam', note: 'Mainos' }),
    ]);
  });

  it('moderators are told when a post enters the queue, by e-mail when it holds personal data; the menu counts the queue', async () => {
    const { threadId, replyId, questionId } = await scenario();
    const coordinator = await loginAs('coordinator', orgId);
    const admin = await makeUser(db, { role: 'admin', organisationId: orgId });
    const trainer = await makeUser(db, { role: 'trainer', organisationId: orgId });
    const told = (userId: string) =>
      db.notification.findMany({
        where: { userId, type: { startsWith: 'forum_flagged' }, url: '/forum/moderation' },
        orderBy: { createdAt: 'asc' },
        select: { type: true, delivery: true, title: true },
      });
    const mailTo = (email: string) => db.email.count({ where: { to: email } });
    const waiting = async () => {
      const root = await json<{ navigation: { to: string; count?: number }[] }>(
        await callLoader(rootRoute, makeRequest('/', { cookie: coordinator.cookie })),
      );
      return root.navigation.find((i) => i.to === '/forum/moderation')?.count;
    };
    const before = await waiting();

    const first = await loginAs('adviser', orgId);
    await act(first.cookie, threadId, { intent: 'flag', postId: replyId, reason: 'offensive' });
    expect(await told(coordinator.user.id)).toEqual([
      { type: 'forum_flagged', delivery: 'app', title: 'Pakettiviesti tuli puhelimeen' },
    ]);
    expect(await told(admin.id)).toHaveLength(1);
    expect(await told(trainer.id)).toEqual([]);
    expect(await waiting()).toBe(before! + 1);

    // Another report of a post already waiting tells no one again.
    const second = await loginAs('adviser', orgId);
    await act(second.cookie, threadId, { intent: 'flag', postId: replyId, reason: 'spam' });
    expect(await told(coordinator.user.id)).toHaveLength(1);
    expect(await waiting()).toBe(before! + 1);

    // A resident's personal data is urgent: told again, and by e-mail at once.
    const mailBefore = await mailTo(coordinator.user.email);
    await act(second.cookie, threadId, { intent: 'flag', postId: questionId, reason: 'personal_data' });
    await act(first.cookie, threadId, { intent: 'flag', postId: questionId, reason: 'personal_data' });
    expect((await told(coordinator.user.id)).map((n) => [n.type, n.delivery])).toEqual([
      ['forum_flagged', 'app'],
      ['forum_flagged_personal_data', 'email'],
    ]);
    expect(await mailTo(coordinator.user.email)).toBe(mailBefore + 1);
    expect(await waiting()).toBe(before! + 2);

    // A moderator who reports a post is not told of their own report; the adviser's menu has no queue.
    await act(coordinator.cookie, threadId, { intent: 'flag', postId: replyId, reason: 'personal_data' });
    expect(await told(coordinator.user.id)).toHaveLength(2);
    const adviserRoot = await json<{ navigation: { to: string }[] }>(
      await callLoader(rootRoute, makeRequest('/', { cookie: first.cookie })),
    );
    expect(adviserRoot.navigation.map((i) => i.to)).not.toContain('/forum/moderation');
  });

  it("the queue's number is counted by the session check on a page, and again after an action that changed it", async () => {
    const { threadId, replyId } = await scenario();
    const coordinator = await loginAs('coordinator', orgId);
    const adviser = await loginAs('adviser', orgId);
    const shell = async (request: Request) =>
      (
        await json<{ navigation: { to: string; count?: number }[] }>(await callLoader(rootRoute, request))
      ).navigation.find((i) => i.to === '/forum/moderation')?.count ?? 0;
    await act(adviser.cookie, threadId, { intent: 'flag', postId: replyId, reason: 'spam' });
    const waiting = await shell(makeRequest('/', { cookie: coordinator.cookie }));
    expect(waiting).toBe(
      await db.forumFlag.groupBy({ by: ['postId'], where: { resolvedAt: null } }).then((g) => g.length),
    );
    expect(waiting).toBeGreaterThan(0);

    // A page costs the moderator no extra round trip for it, nor the adviser (who has no queue).
    let before = statementCount();
    expect(await shell(makeRequest('/', { cookie: coordinator.cookie }))).toBe(waiting);
    expect(statementCount() - before).toBe(1);
    before = statementCount();
    await callLoader(rootRoute, makeRequest('/', { cookie: adviser.cookie }));
    expect(statementCount() - before).toBe(1);

    // Without JavaScript, dismissing a report and the page after it are one request: the number
    // is counted after the action, not taken from the session check before it.
    const dismiss = makeRequest('/forum/moderation', {
      cookie: coordinator.cookie,
      form: { intent: 'dismiss', postId: replyId, reason: 'Ei rikkomus' },
    });
    expect((await callAction(moderationRoute, dismiss)).status).toBe(200);
    expect(await shell(dismiss)).toBe(waiting - 1);
    expect(await shell(makeRequest('/', { cookie: coordinator.cookie }))).toBe(waiting - 1);
  });

  it('a hidden post is 404 for others, visible to its author and moderators, gone from search; audited; author told why', async () => {
    const { author, replier, threadId, replyId } = await scenario('Salakavala mainoslinkki tässä');
    const reader = await loginAs('adviser', orgId);
    expect(await searchFor(reader.cookie, 'mainoslinkki')).toEqual([`/forum/p/${replyId}`]);
    const coordinator = await loginAs('coordinator', orgId);

    const noReason = await act(coordinator.cookie, threadId, { intent: 'hide', postId: replyId, reason: '' });
    expect(noReason.status).toBe(400);
    expect(
      (await act(reader.cookie, threadId, { intent: 'hide', postId: replyId, reason: 'Mainos' })).status,
    ).toBe(404);
    expect(
      (await act(coordinator.cookie, threadId, { intent: 'hide', postId: replyId, reason: 'Mainostusta' }))
        .status,
    ).toBe(200);

    const visibleTo = async (cookie: string) =>
      (await json<{ posts: { id: string }[] }>(await open(cookie, threadId))).posts.map((p) => p.id);
    expect(await visibleTo(reader.cookie)).not.toContain(replyId);
    expect(await visibleTo(coordinator.cookie)).toContain(replyId);
    expect(await visibleTo(await cookieFor(replier.id))).toContain(replyId); // its author sees it, with the reason
    expect(
      (
        await callLoader(permalinkRoute, makeRequest(`/forum/p/${replyId}`, { cookie: reader.cookie }), {
          id: replyId,
        })
      ).status,
    ).toBe(404);
    expect(await searchFor(reader.cookie, 'mainoslinkki')).toEqual([]);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: 'forum_post_hide', targetId: replyId },
    });
    expect(audit.details).toMatchObject({ reason: 'Mainostusta' });
    const note = await db.notification.findFirstOrThrow({
      where: { userId: replier.id, type: 'forum_moderation' },
    });
    expect(note.data).toMatchObject({ action: 'hide', detail: 'Mainostusta' });
    // Moderation mail goes out at once by default, with the reason.
    const mail = await db.email.findFirstOrThrow({
      where: { to: (await db.user.findUniqueOrThrow({ where: { id: replier.id } })).email },
    });
    expect(mail.text).toContain('Mainostusta');
    expect(await db.notification.count({ where: { userId: author.user.id, type: 'forum_moderation' } })).toBe(
      0,
    );

    expect(
      (await act(coordinator.cookie, threadId, { intent: 'unhide', postId: replyId, reason: 'Virhe' }))
        .status,
    ).toBe(200);
    expect(await visibleTo(reader.cookie)).toContain(replyId);
    expect(await searchFor(reader.cookie, 'mainoslinkki')).toEqual([`/forum/p/${replyId}`]);
  });

  it('hiding the question hides the whole thread from non-moderators', async () => {
    const { threadId, questionId } = await scenario();
    const coordinator = await loginAs('coordinator', orgId);
    await act(coordinator.cookie, threadId, { intent: 'hide', postId: questionId, reason: 'Henkilötietoja' });
    const reader = await loginAs('adviser', orgId);
    expect((await open(reader.cookie, threadId)).status).toBe(404);
    expect((await open(coordinator.cookie, threadId)).status).toBe(200);
  });

  it('lock stops replies (not from moderators), pin, move and merge; every step audited and explained', async () => {
    const { author, threadId } = await scenario();
    const coordinator = await loginAs('coordinator', orgId);
    const moderate = (id: string, fields: Record<string, string>) =>
      act(coordinator.cookie, id, { intent: 'moderate-thread', reason: 'Siistitään', ...fields });

    expect((await moderate(threadId, { action: 'lock' })).status).toBe(200);
    const replier = await loginAs('adviser', orgId);
    const locked = await act(replier.cookie, threadId, { intent: 'reply', bodyText: 'Vielä yksi' });
    expect(locked.status).toBe(400);
    expect((await json<{ errors: { body: { key: string } } }>(locked)).errors.body.key).toBe(
      'forum:errors.locked',
    );
    expect(
      (await act(coordinator.cookie, threadId, { intent: 'reply', bodyText: 'Moderaattorin lisäys' })).status,
    ).toBe(302);

    await moderate(threadId, { action: 'pin' });
    const other = await makeCategory(db);
    const badMove = await moderate(threadId, { action: 'move', categoryId: 'nope' });
    expect(badMove.status).toBe(400);
    await moderate(threadId, { action: 'move', categoryId: other.id });
    const moved = await db.forumThread.findUniqueOrThrow({ where: { id: threadId } });
    expect(moved).toMatchObject({ pinned: true, categoryId: other.id });
    expect(moved.lockedAt).not.toBeNull();
    expect(
      await db.searchDocument.count({ where: { groupId: threadId, containerId: other.id } }),
    ).toBeGreaterThan(0);

    const target = await scenario();
    const badMerge = await moderate(threadId, { action: 'merge', targetThreadId: threadId });
    expect(
      (await json<{ errors: { targetThreadId: { key: string } } }>(badMerge)).errors.targetThreadId.key,
    ).toBe('forum:errors.mergeTarget');
    const merged = await moderate(threadId, {
      action: 'merge',
      targetThreadId: `http://localhost:3000/forum/t/${target.threadId}`,
    });
    expect(merged.headers.get('Location')).toBe(`/forum/t/${target.threadId}`);
    // The old address forwards; the posts now live in the target thread.
    expect((await open(author.cookie, threadId)).headers.get('Location')).toBe(`/forum/t/${target.threadId}`);
    expect(await db.forumPost.count({ where: { threadId: target.threadId } })).toBe(5);
    expect(await db.forumPost.count({ where: { threadId: target.threadId, isQuestion: true } })).toBe(1);

    const actions = await db.auditLog.findMany({
      where: { targetId: threadId },
      orderBy: { at: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'forum_thread_lock',
      'forum_thread_pin',
      'forum_thread_move',
      'forum_thread_merge',
    ]);
    const told = await json<{ items: { type: string; data: { action: string } }[] }>(
      await callLoader(notificationsRoute, makeRequest('/notifications', { cookie: author.cookie })),
    );
    expect(
      told.items
        .filter((n) => n.type === 'forum_moderation')
        .map((n) => n.data.action)
        .sort(),
    ).toEqual(['lock', 'merge', 'move', 'pin']);
    // Only moderators reach these actions.
    expect(
      (await act(replier.cookie, target.threadId, { intent: 'moderate-thread', action: 'lock', reason: 'x' }))
        .status,
    ).toBe(404);
  });
});
