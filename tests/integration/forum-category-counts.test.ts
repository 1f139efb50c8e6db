// The forum's front page reads each category's counts from forum_category_count, kept by
// triggers on forum_thread (migration 20261206130000). Whatever changes a thread — the app's
// own steps, a moderator, plain SQL — the page must show what counting the threads would.
import { beforeAll, describe, expect, it } from 'vitest';
import { memberById, type AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import * as forumRoute from '~/routes/forum._index';
import { createThread, deleteOwnPost, reply } from '~/domain/forum/posts.server';
import { toggleAccepted } from '~/domain/forum/answers.server';
import { moderate } from '~/domain/forum/moderation.server';
import { recountAll } from '~/domain/maintenance/recount.server';
import { makeCategory, makeOrganisation, makeThread, TEST_META } from '#tests/factories';
import { callLoader, json, loginAs, makeRequest } from '#tests/helpers';

type Shown = {
  id: string;
  threads: number;
  solved: number;
  unanswered: number;
  unread: number;
  lastActivity: string | null;
  following: boolean;
};

const doc = (text: string) =>
  JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let orgId: string;
let asker: { cookie: string; member: AuthUser };
let helper: AuthUser;
let moderator: { cookie: string; member: AuthUser };

const member = async (role: Parameters<typeof loginAs>[0]) => {
  const { user, cookie } = await loginAs(role, orgId);
  return { cookie, member: (await memberById(user.id))! };
};

/** What the front page shows of each category, as the member with this cookie. */
async function frontPage(cookie: string): Promise<Map<string, Shown>> {
  const data = await json<{ categories: Shown[] }>(
    await callLoader(forumRoute, makeRequest('/forum', { cookie })),
  );
  return new Map(data.categories.map((c) => [c.id, c]));
}

/** The same figures counted from the threads themselves (merged ones never count). */
async function counted(categoryId: string, withHidden: boolean) {
  const [row] = await db.$queryRaw<
    { threads: number; solved: number; unanswered: number; last: Date | null }[]
  >`
    SELECT count(*)::int AS threads, count(accepted_post_id)::int AS solved,
      (count(*) FILTER (WHERE reply_count = 0))::int AS unanswered, max(last_post_at) AS last
    FROM forum_thread
    WHERE category_id = ${categoryId}::uuid AND merged_into_id IS NULL AND (${withHidden} OR hidden_at IS NULL)`;
  return {
    threads: row!.threads,
    solved: row!.solved,
    unanswered: row!.unanswered,
    lastActivity: row!.last?.toISOString() ?? null,
  };
}

async function expectCounted(categoryId: string) {
  const asAdviser = (await frontPage(asker.cookie)).get(categoryId)!;
  const asModerator = (await frontPage(moderator.cookie)).get(categoryId)!;
  expect(asAdviser).toMatchObject(await counted(categoryId, false));
  expect(asModerator).toMatchObject(await counted(categoryId, true));
  return { asAdviser, asModerator };
}

/** The forum's pace limit is another test's subject. */
const unhurried = (author: AuthUser) =>
  db.rateLimit.deleteMany({ where: { key: `forum-post:${author.id}` } });

async function thread(author: AuthUser, categoryId: string, title: string) {
  await unhurried(author);
  const made = await createThread(author, {
    categoryId,
    title,
    language: 'fi',
    deviceTags: [],
    eserviceTags: [],
    tags: [],
    body: doc(`${title}: kysymys.`),
  });
  if (!made.ok) throw new Error(JSON.stringify(made));
  return made.threadId;
}

let answers = 0;
async function answer(author: AuthUser, threadId: string) {
  await unhurried(author);
  answers += 1;
  const made = await reply(author, threadId, { body: doc(`Kokeile päivittää sovellus (${answers}).`) });
  if (!made.ok) throw new Error(JSON.stringify(made));
  return made.postId;
}

beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
  asker = await member('adviser');
  helper = (await member('adviser')).member;
  moderator = await member('coordinator');
});

describe("the forum's front page counts", () => {
  it('follow every step a thread takes, for readers and moderators alike', async () => {
    const category = (await makeCategory(db)).id;
    const elsewhere = (await makeCategory(db)).id;
    expect((await expectCounted(category)).asAdviser).toMatchObject({ threads: 0, lastActivity: null });

    const first = await thread(asker.member, category, 'Pankkitunnukset eivät toimi');
    const second = await thread(asker.member, category, 'Kela-asiointi ei aukea');
    expect((await expectCounted(category)).asAdviser).toMatchObject({ threads: 2, unanswered: 2, solved: 0 });

    // Answered, then the answer accepted: neither unanswered nor unsolved any more.
    const answerId = await answer(helper, first);
    await toggleAccepted(asker.member, answerId);
    expect((await expectCounted(category)).asAdviser).toMatchObject({ threads: 2, unanswered: 1, solved: 1 });
    // A second reply changes nothing counted.
    await answer(helper, first);
    await expectCounted(category);

    // Its only reply removed by its author: unanswered again (the thread counts its visible replies).
    const lone = await answer(helper, second);
    expect((await expectCounted(category)).asAdviser).toMatchObject({ unanswered: 0 });
    expect((await deleteOwnPost(helper, lone)).ok).toBe(true);
    expect((await expectCounted(category)).asAdviser).toMatchObject({ unanswered: 1 });

    // A moderator hides the question: advisers no longer count it, moderators still do.
    const question = await db.forumPost.findFirstOrThrow({ where: { threadId: second, isQuestion: true } });
    await moderate(moderator.member, { intent: 'hide', postId: question.id, reason: 'Asiaton' }, TEST_META);
    const hidden = await expectCounted(category);
    expect([hidden.asAdviser.threads, hidden.asModerator.threads]).toEqual([1, 2]);
    await moderate(
      moderator.member,
      { intent: 'unhide', postId: question.id, reason: 'Palautettu' },
      TEST_META,
    );
    expect((await expectCounted(category)).asAdviser).toMatchObject({ threads: 2 });

    // Moved to another category, then merged into a thread there: counted there, then not at all.
    await moderate(
      moderator.member,
      { intent: 'move', threadId: second, categoryId: elsewhere, reason: 'Väärä alue' },
      TEST_META,
    );
    expect((await expectCounted(category)).asAdviser).toMatchObject({ threads: 1, unanswered: 0, solved: 1 });
    expect((await expectCounted(elsewhere)).asAdviser).toMatchObject({ threads: 1, unanswered: 1 });
    const target = await thread(asker.member, elsewhere, 'Kela-asiointi ja tunnistautuminen');
    expect((await expectCounted(elsewhere)).asAdviser).toMatchObject({ threads: 2 });
    await moderate(
      moderator.member,
      { intent: 'merge', threadId: second, targetThreadId: target, reason: 'Sama asia' },
      TEST_META,
    );
    expect((await expectCounted(elsewhere)).asAdviser).toMatchObject({ threads: 1 });

    // Written without the app (an import, a manual fix): the triggers still count, many at once too.
    await makeThread(db, {
      categoryId: category,
      authorId: helper.id,
      replies: [{ authorId: asker.member.id, text: 'Vastaus' }],
    });
    await db.$executeRaw`
      INSERT INTO forum_thread (id, category_id, author_id, title, language)
      SELECT gen_random_uuid(), ${category}::uuid, ${helper.id}::uuid, 'Tuotu ' || n, 'fi' FROM generate_series(1, 5) n`;
    expect((await expectCounted(category)).asAdviser).toMatchObject({ threads: 7 });
    await db.$executeRaw`DELETE FROM forum_thread WHERE category_id = ${category}::uuid AND title LIKE 'Tuotu %'`;
    expect((await expectCounted(category)).asAdviser).toMatchObject({ threads: 2 });
    expect((await recountAll()).categoryCounts).toBe(0);
  });

  it('shows unread only for threads active in the unread window, and which categories the member follows', async () => {
    const category = (await makeCategory(db)).id;
    const reader = await member('adviser');
    await makeThread(db, {
      categoryId: category,
      authorId: helper.id,
      createdAt: new Date(Date.now() - 60 * 86_400_000),
    });
    const recent = await thread(helper, category, 'Uusi kysymys sovelluksesta');
    expect((await frontPage(reader.cookie)).get(category)).toMatchObject({
      threads: 2,
      unread: 1,
      following: false,
    });
    await db.forumThreadRead.create({
      data: { userId: reader.member.id, threadId: recent, lastReadAt: new Date() },
    });
    await db.forumCategoryFollow.create({ data: { userId: reader.member.id, categoryId: category } });
    expect((await frontPage(reader.cookie)).get(category)).toMatchObject({ unread: 0, following: true });
    // A reply after the reading makes it unread again.
    await db.forumThread.update({ where: { id: recent }, data: { lastPostAt: new Date(Date.now() + 1000) } });
    expect((await frontPage(reader.cookie)).get(category)).toMatchObject({ unread: 1 });
  });

  it('the repair sets drifted counts back to what the threads say', async () => {
    const category = (await makeCategory(db)).id;
    await thread(asker.member, category, 'Mobiilivarmenne katosi');
    await db.$executeRaw`UPDATE forum_category_count SET threads = threads + 3, solved = solved + 1
      WHERE category_id = ${category}::uuid AND NOT hidden`;
    expect((await frontPage(asker.cookie)).get(category)).toMatchObject({ threads: 4 });
    expect((await recountAll()).categoryCounts).toBe(1);
    await expectCounted(category);
    expect((await recountAll()).categoryCounts).toBe(0);
  });
});
