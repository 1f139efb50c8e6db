import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearRateLimit } from '~/auth/rate-limit.server';
import { db } from '~/db.server';
import * as categoryRoute from '~/routes/forum.$slug';
import * as forumRoute from '~/routes/forum._index';
import * as newThreadRoute from '~/routes/forum.new';
import * as permalinkRoute from '~/routes/forum.p.$id._index';
import * as editRoute from '~/routes/forum.p.$id.edit';
import * as historyRoute from '~/routes/forum.p.$id.history';
import * as threadRoute from '~/routes/forum.t.$id';
import * as categoriesRoute from '~/routes/forum.categories';
import { MAX_BODY_CHARS } from '~/domain/rich-text/limits';
import { statementCount } from '~/db/adapters.server';
import { categoryOptions } from '~/domain/forum/categories.server';
import { makeCategory, makeOrganisation, makeThread, makeUser } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

let orgId: string;
let categoryId: string;
beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
  const category = await makeCategory(db, {
    nameFi: 'Pankkiasiat',
    nameSv: 'Bankärenden',
    nameEn: 'Banking',
  });
  categoryId = category.id;
});
// The 5-second posting limit is tested on its own; other tests post as fast as they like.
beforeEach(async () => {
  await db.rateLimit.deleteMany({ where: { key: { startsWith: 'forum-post:' } } });
});

const doc = (...content: unknown[]) => JSON.stringify({ type: 'doc', content });
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

async function newThread(cookie: string, fields: Record<string, string | string[]> = {}) {
  return callAction(
    newThreadRoute,
    makeRequest('/forum/new', {
      cookie,
      form: {
        categoryId,
        title: 'Pankkitunnukset eivät toimi',
        language: 'fi',
        body: doc(para('Asukas ei pääse kirjautumaan verkkopankkiin.')),
        ...fields,
      },
    }),
  );
}

async function threadIdFrom(response: Response) {
  expect(response.status).toBe(302);
  return response.headers.get('Location')!.split('/').pop()!;
}

type ThreadData = {
  thread: {
    id: string;
    title: string;
    acceptedPostId: string | null;
    lockedAt: string | null;
    following: boolean;
  };
  posts: {
    id: string;
    bodyHtml: string;
    deletedAt: string | null;
    hiddenAt: string | null;
    verifiedAt: string | null;
    revisionCount: number;
    reactions: Record<string, { count: number; mine: boolean; names: string[] }>;
    quote: { id: string; excerpt: string | null } | null;
  }[];
  accepted: { id: string } | null;
  page: number;
  pages: number;
};

const threadPage = async (cookie: string, id: string, query = '') =>
  callLoader(threadRoute, makeRequest(`/forum/t/${id}${query}`, { cookie }), { id });
const threadData = async (cookie: string, id: string, query = '') =>
  json<ThreadData>(await threadPage(cookie, id, query));
const act = (cookie: string, id: string, form: Record<string, string>) =>
  callAction(threadRoute, makeRequest(`/forum/t/${id}`, { cookie, form }), { id });

describe('asking and answering', () => {
  it('a member starts a thread with rich text; readers get sanitised HTML with safe links', async () => {
    const { cookie } = await loginAs('adviser', orgId);
    const id = await threadIdFrom(
      await newThread(cookie, {
        body: doc(
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tilanne' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Lue ', marks: [{ type: 'bold' }] },
              {
                type: 'text',
                text: 'ohje',
                marks: [{ type: 'link', attrs: { href: 'https://www.kela.fi/' } }],
              },
              { type: 'text', text: ' tai ', marks: [{ type: 'italic' }] },
              {
                type: 'text',
                text: 'tämä',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
          { type: 'bulletList', content: [{ type: 'listItem', content: [para('yksi')] }] },
          { type: 'script', content: [para('piilossa')] },
        ),
        deviceTags: ['iphone', 'android'],
        eserviceTags: 'OmaKanta, Kela',
        tags: 'pankki',
      }),
    );
    const data = await threadData(cookie, id);
    const html = data.posts[0]!.bodyHtml;
    expect(html).toContain('<h2>Tilanne</h2>');
    expect(html).toContain('<a href="https://www.kela.fi/" rel="noopener noreferrer ugc">ohje</a>');
    expect(html).toContain('<strong>Lue </strong>');
    expect(html).not.toContain('javascript');
    expect(html).toContain('tämä'); // the text of a refused link stays, the link goes
    expect(html).toContain('<ul><li><p>yksi</p></li></ul>');
    expect(html).not.toContain('script');
    const stored = await db.forumThread.findUniqueOrThrow({ where: { id } });
    expect(stored.deviceTags).toEqual(['iphone', 'android']);
    expect(stored.eserviceTags).toEqual(['omakanta', 'kela']);
    expect(stored.language).toBe('fi');
  });

  it('a thread can be written without JavaScript (plain text) and bad input keeps what was typed', async () => {
    const { cookie } = await loginAs('adviser', orgId);
    const bad = await newThread(cookie, {
      title: 'x',
      body: '',
      bodyText: 'Tärkeä teksti\n\nToinen kappale',
    });
    expect(bad.status).toBe(400);
    const failed = await json<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
      bad,
    );
    expect(failed.errors.title!.key).toBe('validation.tooShort');
    expect(failed.values.bodyText).toBe('Tärkeä teksti\n\nToinen kappale');
    expect(await db.forumThread.count({ where: { title: 'x' } })).toBe(0);

    const id = await threadIdFrom(
      await newThread(cookie, { body: '', bodyText: 'Tärkeä teksti\n\nToinen kappale' }),
    );
    expect((await threadData(cookie, id)).posts[0]!.bodyHtml).toBe(
      '<p>Tärkeä teksti</p><p>Toinen kappale</p>',
    );
  });

  it('replies, quotes, and @mentions notify the right people in app and by e-mail', async () => {
    const asker = await loginAs('adviser', orgId);
    const follower = await loginAs('adviser', orgId);
    const mentioned = await makeUser(db, { role: 'trainer', organisationId: orgId, name: 'Tuula Trainer' });
    const id = await threadIdFrom(await newThread(asker.cookie));
    await act(follower.cookie, id, { intent: 'follow' });

    const replier = await loginAs('adviser', orgId);
    const first = await act(replier.cookie, id, {
      intent: 'reply',
      body: doc(para('Kokeile tunnuslukusovellusta.')),
    });
    expect(first.status).toBe(302);
    const firstId = first.headers.get('Location')!.split('/').pop()!;
    await clearRateLimit(`forum-post:${replier.user.id}`);
    const second = await act(replier.cookie, id, {
      intent: 'reply',
      quotedPostId: firstId,
      body: doc({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Katso myös ' },
          { type: 'mention', attrs: { id: mentioned.id, label: 'Väärä nimi' } },
        ],
      }),
    });
    expect(second.status).toBe(302);

    const data = await threadData(asker.cookie, id);
    expect(data.posts).toHaveLength(3);
    expect(data.posts[2]!.quote).toMatchObject({ id: firstId, excerpt: 'Kokeile tunnuslukusovellusta.' });
    // The mention shows the member's real name, whatever label the browser sent.
    expect(data.posts[2]!.bodyHtml).toContain('<span class="mention">@Tuula Trainer</span>');

    const notes = async (userId: string) =>
      db.notification.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: { type: true, url: true },
      });
    expect((await notes(asker.user.id)).map((n) => n.type)).toEqual(['forum_reply', 'forum_reply']);
    expect((await notes(follower.user.id)).map((n) => n.type)).toEqual(['forum_reply', 'forum_reply']);
    expect((await notes(mentioned.id)).map((n) => n.type)).toEqual(['forum_mention']);
    expect(await notes(replier.user.id)).toEqual([]); // never told about one's own posts
    // Mentions are e-mailed at once by default, through the outbox.
    const mail = await db.email.findFirstOrThrow({ where: { to: mentioned.email } });
    expect(mail.subject).toContain('mainitsi');
    expect(await db.email.count({ where: { to: asker.user.email } })).toBe(0);
  });

  it('posting limits: one post per 5 seconds, no identical post within 5 minutes, 50,000 characters at most', async () => {
    const { cookie, user } = await loginAs('adviser', orgId);
    const id = await threadIdFrom(await newThread(cookie));
    const tooFast = await act(cookie, id, { intent: 'reply', body: doc(para('Nopea vastaus')) });
    expect(tooFast.status).toBe(400);
    expect((await json<{ errors: { body: { key: string } } }>(tooFast)).errors.body.key).toBe(
      'forum:errors.tooFast',
    );

    await clearRateLimit(`forum-post:${user.id}`);
    const again = await newThread(cookie);
    expect(again.status).toBe(400);
    expect((await json<{ errors: { body: { key: string } } }>(again)).errors.body.key).toBe(
      'forum:errors.duplicate',
    );

    // The same tip in two threads is fine; the same reply twice in one thread is not.
    await clearRateLimit(`forum-post:${user.id}`);
    const other = await threadIdFrom(
      await newThread(cookie, { title: 'Toinen kysymys', body: doc(para('Eri kysymys kuin ensimmäinen')) }),
    );
    const tip = doc(para('Kokeile ensin laitteen uudelleenkäynnistystä.'));
    await clearRateLimit(`forum-post:${user.id}`);
    expect((await act(cookie, id, { intent: 'reply', body: tip })).status).toBe(302);
    await clearRateLimit(`forum-post:${user.id}`);
    expect((await act(cookie, other, { intent: 'reply', body: tip })).status).toBe(302);
    await clearRateLimit(`forum-post:${user.id}`);
    const twice = await act(cookie, other, { intent: 'reply', body: tip });
    expect(twice.status).toBe(400);
    expect((await json<{ errors: { body: { key: string } } }>(twice)).errors.body.key).toBe(
      'forum:errors.duplicate',
    );

    await clearRateLimit(`forum-post:${user.id}`);
    const long = await act(cookie, id, { intent: 'reply', body: doc(para('a'.repeat(MAX_BODY_CHARS + 1))) });
    expect(long.status).toBe(400);
    const failed = await json<{ errors: { body: { key: string } }; values: { body: string } }>(long);
    expect(failed.errors.body.key).toBe('forum:errors.bodyTooLong');
    expect(failed.values.body.length).toBeGreaterThan(MAX_BODY_CHARS); // what was typed comes back
    const empty = await act(cookie, id, { intent: 'reply', body: doc(para('   ')) });
    expect((await json<{ errors: { body: { key: string } } }>(empty)).errors.body.key).toBe(
      'forum:errors.bodyRequired',
    );
    expect(await db.forumPost.count({ where: { threadId: id } })).toBe(2);
    expect(await db.forumPost.count({ where: { threadId: other } })).toBe(2);
  });

  it('authors edit their own posts with a public history; others get 404; deleting leaves the replies', async () => {
    const author = await loginAs('adviser', orgId);
    const other = await loginAs('adviser', orgId);
    const id = await threadIdFrom(await newThread(author.cookie));
    const questionId = (await threadData(author.cookie, id)).posts[0]!.id;

    expect(
      (
        await callLoader(editRoute, makeRequest(`/forum/p/${questionId}/edit`, { cookie: other.cookie }), {
          id: questionId,
        })
      ).status,
    ).toBe(404);
    const foreignEdit = await callAction(
      editRoute,
      makeRequest(`/forum/p/${questionId}/edit`, {
        cookie: other.cookie,
        form: { body: doc(para('Kaapattu')) },
      }),
      { id: questionId },
    );
    expect(foreignEdit.status).toBe(404);

    const edited = await callAction(
      editRoute,
      makeRequest(`/forum/p/${questionId}/edit`, {
        cookie: author.cookie,
        form: { title: 'Pankkitunnukset eivät toimi Androidilla', body: doc(para('Korjattu kuvaus.')) },
      }),
      { id: questionId },
    );
    expect(edited.status).toBe(302);
    const history = await json<{ post: { revisions: { title: string; bodyHtml: string }[] } }>(
      await callLoader(
        historyRoute,
        makeRequest(`/forum/p/${questionId}/history`, { cookie: other.cookie }),
        { id: questionId },
      ),
    );
    expect(history.post.revisions).toEqual([
      expect.objectContaining({
        title: 'Pankkitunnukset eivät toimi',
        bodyHtml: '<p>Asukas ei pääse kirjautumaan verkkopankkiin.</p>',
      }),
    ]);

    await act(other.cookie, id, { intent: 'reply', body: doc(para('Vastaus jää.')) });
    expect((await act(other.cookie, id, { intent: 'delete', postId: questionId })).status).toBe(404);
    expect((await act(author.cookie, id, { intent: 'delete', postId: questionId })).status).toBe(200);
    const data = await threadData(other.cookie, id);
    expect(data.posts[0]).toMatchObject({ bodyHtml: '', deletedAt: expect.any(String), revisionCount: 0 });
    expect(data.posts[1]!.bodyHtml).toBe('<p>Vastaus jää.</p>');
  });
});

describe('accepted and verified answers, reactions', () => {
  async function threadWithReply() {
    const asker = await loginAs('adviser', orgId);
    const answerer = await loginAs('adviser', orgId);
    const t = await makeThread(db, {
      categoryId,
      authorId: asker.user.id,
      replies: [{ authorId: answerer.user.id, text: 'Näin se onnistuu.' }],
    });
    return { asker, answerer, threadId: t.id, replyId: t.replyIds[0]! };
  }

  it('the author, a trainer or a coordinator accepts an answer; another adviser cannot', async () => {
    const { asker, answerer, threadId, replyId } = await threadWithReply();
    const bystander = await loginAs('adviser', orgId);
    expect((await act(bystander.cookie, threadId, { intent: 'accept', postId: replyId })).status).toBe(404);
    expect((await act(asker.cookie, threadId, { intent: 'accept', postId: replyId })).status).toBe(200);
    const data = await threadData(bystander.cookie, threadId);
    expect(data.thread.acceptedPostId).toBe(replyId);
    expect(data.accepted?.id).toBe(replyId); // shown right under the question
    // The answerer hears of it; the asker accepted it themself.
    expect(await db.notification.count({ where: { userId: answerer.user.id, type: 'forum_accepted' } })).toBe(
      1,
    );
    expect(await db.notification.count({ where: { userId: asker.user.id, type: 'forum_accepted' } })).toBe(0);

    const other = await threadWithReply();
    const trainer = await loginAs('trainer', orgId);
    expect(
      (await act(trainer.cookie, other.threadId, { intent: 'accept', postId: other.replyId })).status,
    ).toBe(200);
    expect(
      await db.notification.count({ where: { userId: other.asker.user.id, type: 'forum_accepted' } }),
    ).toBe(1);
    const coordinator = await loginAs('coordinator', orgId);
    expect(
      (await act(coordinator.cookie, other.threadId, { intent: 'accept', postId: other.replyId })).status,
    ).toBe(200);
    expect(
      (await db.forumThread.findUniqueOrThrow({ where: { id: other.threadId } })).acceptedPostId,
    ).toBeNull();
  });

  it('only trainers (and above) verify; lists filter by unanswered, solved and verified', async () => {
    const category = await makeCategory(db);
    const asker = await loginAs('adviser', orgId);
    const make = (replies: { authorId: string; text: string }[], acceptedReply?: number) =>
      makeThread(db, { categoryId: category.id, authorId: asker.user.id, replies, acceptedReply });
    const unanswered = await make([]);
    const solved = await make([{ authorId: asker.user.id, text: 'Itse ratkaisin.' }], 0);
    const toVerify = await make([{ authorId: asker.user.id, text: 'Tarkistettava vastaus.' }]);

    expect(
      (await act(asker.cookie, toVerify.id, { intent: 'verify', postId: toVerify.replyIds[0]! })).status,
    ).toBe(404);
    const trainer = await loginAs('trainer', orgId);
    expect(
      (await act(trainer.cookie, toVerify.id, { intent: 'verify', postId: toVerify.replyIds[0]! })).status,
    ).toBe(200);

    const list = async (show: string) =>
      (
        await json<{ threads: { id: string }[] }>(
          await callLoader(
            categoryRoute,
            makeRequest(`/forum/${category.slug}?show=${show}`, { cookie: asker.cookie }),
            {
              slug: category.slug,
            },
          ),
        )
      ).threads.map((t) => t.id);
    expect(await list('unanswered')).toEqual([unanswered.id]);
    expect(await list('solved')).toEqual([solved.id]);
    expect(await list('verified')).toEqual([toVerify.id]);
    expect((await list('all')).sort()).toEqual([unanswered.id, solved.id, toVerify.id].sort());
  });

  it('reactions toggle, are counted per kind and say who reacted', async () => {
    const { threadId, replyId } = await threadWithReply();
    const a = await loginAs('adviser', orgId);
    const b = await loginAs('adviser', orgId);
    await act(a.cookie, threadId, { intent: 'react', postId: replyId, kind: 'thanks' });
    await act(b.cookie, threadId, { intent: 'react', postId: replyId, kind: 'thanks' });
    await act(b.cookie, threadId, { intent: 'react', postId: replyId, kind: 'me_too' });
    await act(b.cookie, threadId, { intent: 'react', postId: replyId, kind: 'me_too' }); // undone
    const reply = (await threadData(a.cookie, threadId)).posts[1]!;
    expect(reply.reactions.thanks).toEqual({ count: 2, mine: true, names: [a.user.name, b.user.name] });
    expect(reply.reactions.me_too).toBeUndefined();
    expect((await act(a.cookie, threadId, { intent: 'react', postId: replyId, kind: 'angry' })).status).toBe(
      400,
    );
  });
});

describe('round trips', () => {
  it('a thread page of 20 posts with reactions, a quote, a flag and an edit, and its category page, take two statements each', async () => {
    const category = await makeCategory(db);
    const reader = await loginAs('adviser', orgId);
    const writer = await loginAs('trainer', orgId);
    const t = await makeThread(db, {
      categoryId: category.id,
      authorId: writer.user.id,
      createdAt: new Date(Date.now() - 3600_000),
      replies: Array.from({ length: 22 }, (_, i) => ({ authorId: writer.user.id, text: `Vastaus ${i}` })),
    });
    const [first, second] = [t.replyIds[0]!, t.replyIds[1]!];
    await act(reader.cookie, t.id, { intent: 'react', postId: first, kind: 'thanks' });
    await act(writer.cookie, t.id, { intent: 'react', postId: first, kind: 'helpful' });
    await act(reader.cookie, t.id, { intent: 'flag', postId: second, reason: 'off_topic', note: '' });
    await db.forumPost.update({ where: { id: second }, data: { quotedPostId: first, editedAt: new Date() } });
    await db.forumPostRevision.create({
      data: { postId: second, editorId: writer.user.id, bodyHtml: '<p>Vanha</p>' },
    });
    await threadData(reader.cookie, t.id); // reads the page once: the next view has nothing new to mark

    const before = statementCount();
    const data = await threadData(reader.cookie, t.id);
    // Who is logged in; the thread with its posts: nothing per post or per relation.
    expect(statementCount() - before).toBe(2);
    expect(data.posts).toHaveLength(20);
    expect(data.pages).toBe(2);
    expect(data.posts[1]!.reactions).toEqual({
      thanks: { count: 1, mine: true, names: [reader.user.name] },
      helpful: { count: 1, mine: false, names: [writer.user.name] },
    });
    const quoting = data.posts[2] as (typeof data.posts)[number] & { flaggedByMe: boolean };
    expect(quoting.flaggedByMe).toBe(true);
    expect(quoting.revisionCount).toBe(1);
    expect(quoting.quote).toMatchObject({ id: first, excerpt: 'Vastaus 0' });

    const listed = statementCount();
    const response = await callLoader(
      categoryRoute,
      makeRequest(`/forum/${category.slug}`, { cookie: reader.cookie }),
      {
        slug: category.slug,
      },
    );
    expect(statementCount() - listed).toBe(2);
    const list = await json<{
      threads: { id: string; unread: boolean; author: { name: string } }[];
      total: number;
    }>(response);
    expect(list).toMatchObject({ total: 1, threads: [{ id: t.id, author: { name: writer.user.name } }] });
    const listing = (query: string, slug = category.slug) =>
      callLoader(categoryRoute, makeRequest(`/forum/${slug}${query}`, { cookie: reader.cookie }), { slug });
    // Past the last page the count is still told; a filter counts what it shows; no such category is a 404.
    expect(await json(await listing('?page=5'))).toMatchObject({ total: 1, threads: [] });
    expect(await json(await listing('?show=solved'))).toMatchObject({ total: 0, threads: [] });
    expect(await json(await listing('?show=unread'))).toMatchObject({
      total: 1,
      threads: [{ id: t.id, unread: true }],
    });
    expect((await listing('', 'ei-ole-olemassa')).status).toBe(404);
  });
});

describe('following, unread and permalinks', () => {
  it('unread counts per category, first unread post, and reading clears them', async () => {
    const category = await makeCategory(db);
    const reader = await loginAs('adviser', orgId);
    const writer = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const t = await makeThread(db, {
      categoryId: category.id,
      authorId: writer.id,
      createdAt: new Date(Date.now() - 3600_000),
      replies: Array.from({ length: 24 }, (_, i) => ({ authorId: writer.id, text: `Vastaus ${i}` })),
    });
    const unreadIn = async () => {
      const data = await json<{ categories: { id: string; unread: number; threads: number }[] }>(
        await callLoader(forumRoute, makeRequest('/forum', { cookie: reader.cookie })),
      );
      return data.categories.find((c) => c.id === category.id)!;
    };
    expect(await unreadIn()).toMatchObject({ unread: 1, threads: 1 });

    // Reading page 1 (20 posts) marks those as read; the first unread is then on page 2.
    await threadPage(reader.cookie, t.id);
    const jump = await threadPage(reader.cookie, t.id, '?unread=1');
    expect(jump.status).toBe(302);
    expect(jump.headers.get('Location')).toBe(`/forum/t/${t.id}?page=2#post-${t.replyIds[19]}`);
    expect(await unreadIn()).toMatchObject({ unread: 1 });
    await threadPage(reader.cookie, t.id, '?page=2');
    expect(await unreadIn()).toMatchObject({ unread: 0 });

    // A permalink finds the page its post is on.
    const link = await callLoader(
      permalinkRoute,
      makeRequest(`/forum/p/${t.replyIds[22]}`, { cookie: reader.cookie }),
      {
        id: t.replyIds[22]!,
      },
    );
    expect(link.headers.get('Location')).toBe(`/forum/t/${t.id}?page=2#post-${t.replyIds[22]}`);
  });

  it('following a category brings new threads; unfollowing stops them', async () => {
    const category = await makeCategory(db);
    const follower = await loginAs('adviser', orgId);
    const follow = (intent: string) =>
      callAction(
        categoryRoute,
        makeRequest(`/forum/${category.slug}`, { cookie: follower.cookie, form: { intent } }),
        {
          slug: category.slug,
        },
      );
    await follow('follow');
    const author = await loginAs('adviser', orgId);
    await threadIdFrom(
      await newThread(author.cookie, { categoryId: category.id, title: 'Uusi aihe alueella' }),
    );
    expect(
      await db.notification.count({ where: { userId: follower.user.id, type: 'forum_new_thread' } }),
    ).toBe(1);
    await follow('unfollow');
    await clearRateLimit(`forum-post:${author.user.id}`);
    await threadIdFrom(
      await newThread(author.cookie, {
        categoryId: category.id,
        title: 'Toinen aihe alueella',
        body: doc(para('Eri teksti')),
      }),
    );
    expect(
      await db.notification.count({ where: { userId: follower.user.id, type: 'forum_new_thread' } }),
    ).toBe(1);
  });
});

describe('categories', () => {
  it('coordinators create and rename categories in three languages; bad or taken addresses are refused; audited', async () => {
    const { cookie } = await loginAs('coordinator', orgId);
    const save = (form: Record<string, string>) =>
      callAction(categoriesRoute, makeRequest('/forum/categories', { cookie, form }));
    const names = { nameFi: 'Sosiaalinen media', nameSv: 'Sociala medier', nameEn: 'Social media' };
    const errorOf = async (r: Response) =>
      (await json<{ errors: Record<string, { key: string }> }>(r)).errors;
    expect((await errorOf(await save({ intent: 'create', slug: 'Somen Käyttö', ...names }))).slug!.key).toBe(
      'forum:errors.slug',
    );
    expect((await errorOf(await save({ intent: 'create', slug: 'moderation', ...names }))).slug!.key).toBe(
      'forum:errors.slugReserved',
    );
    expect(
      (await errorOf(await save({ intent: 'create', slug: 'some', ...names, nameSv: '' }))).nameSv!.key,
    ).toBe('validation.required');
    expect(
      (await save({ intent: 'create', slug: 'some', ...names, descriptionFi: 'Facebook, WhatsApp' })).status,
    ).toBe(200);
    expect((await errorOf(await save({ intent: 'create', slug: 'some', ...names }))).slug!.key).toBe(
      'forum:errors.slugTaken',
    );
    const created = await db.forumCategory.findUniqueOrThrow({ where: { slug: 'some' } });
    expect(created).toMatchObject({ ...names, descriptionFi: 'Facebook, WhatsApp' });
    expect(
      (await save({ intent: 'update', id: created.id, slug: 'some', ...names, nameEn: 'Social networks' }))
        .status,
    ).toBe(200);
    expect((await db.forumCategory.findUniqueOrThrow({ where: { id: created.id } })).nameEn).toBe(
      'Social networks',
    );
    expect((await save({ intent: 'update', id: 'nope', slug: 'x', ...names })).status).toBe(404);
    const audited = await db.auditLog.findMany({ where: { targetId: created.id }, select: { action: true } });
    expect(audited.map((a) => a.action).sort()).toEqual(['forum_category_create', 'forum_category_update']);
    // Readers see the name in their language.
    const sv = await json<{ categories: { id: string; name: string }[] }>(
      await callLoader(forumRoute, makeRequest('/forum?lng=sv', { cookie })),
    );
    expect(sv.categories.find((c) => c.id === created.id)?.name).toBe('Sociala medier');
  });

  it('the category list of the search page and new questions is kept briefly and follows a rename at once', async () => {
    const { cookie } = await loginAs('coordinator', orgId);
    const choices = async () =>
      (await categoryOptions('en')).find((c) => c.slug === 'valimuisti')?.name ?? null;
    const made = await makeCategory(db, { slug: 'valimuisti', nameEn: 'Cache one' });
    expect(await choices()).toBe('Cache one');
    const before = statementCount();
    expect(await choices()).toBe('Cache one');
    expect(statementCount() - before).toBe(0);
    const names = { nameFi: 'Välimuisti', nameSv: 'Cache', nameEn: 'Cache two' };
    const saved = await callAction(
      categoriesRoute,
      makeRequest('/forum/categories', {
        cookie,
        form: { intent: 'update', id: made.id, slug: 'valimuisti', ...names },
      }),
    );
    expect(saved.status).toBe(200);
    expect(await choices()).toBe('Cache two');
  });
});
