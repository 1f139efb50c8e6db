// Issue 14, items 5 and 6: the home feed "what is new for me" and the news digest e-mail.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memberById, type AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import * as homeRoute from '~/routes/_index';
import * as unsubscribeRoute from '~/routes/unsubscribe.$token';
import * as preferencesRoute from '~/routes/profile.notifications';
import { createThread, reply } from '~/domain/forum/posts.server';
import { toggleAccepted, toggleVerified } from '~/domain/forum/answers.server';
import { moderate } from '~/domain/forum/moderation.server';
import { respond as rsvp } from '~/domain/events/rsvp.server';
import { fileFeedback, findFeedback, respond as answerFeedback } from '~/domain/feedback/feedback.server';
import { feedPage } from '~/domain/home/feed.server';
import { statementCount } from '~/db/adapters.server';
import { sendDigests } from '~/domain/notifications/digest.server';
import { makeCategory, makeMaterial, makeOrganisation, TEST_META } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

const doc = (...content: unknown[]) => JSON.stringify({ type: 'doc', content });
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

type Home = {
  feed: { key: string; kind: string; title: string; url: string; state?: string; at: string }[];
  olderThan: string | null;
  seenAt: string | null;
  upcoming: { id: string; status: string; waitlistPosition: number | null; cancelled: boolean }[];
};

let orgA: string;
let orgB: string;
let categoryId: string;
let reader: { cookie: string; member: AuthUser };
let other: AuthUser;
let trainer: AuthUser;
let coordinator: AuthUser;
let rep: AuthUser;

const member = async (role: Parameters<typeof loginAs>[0], org: string) => {
  const { user, cookie } = await loginAs(role, org);
  return { cookie, member: (await memberById(user.id))! };
};
const home = async (query = '') =>
  json<Home>(await callLoader(homeRoute, makeRequest(`/${query}`, { cookie: reader.cookie })));

beforeAll(async () => {
  orgA = (await makeOrganisation(db)).id;
  orgB = (await makeOrganisation(db)).id;
  categoryId = (await makeCategory(db)).id;
  reader = await member('adviser', orgA);
  other = (await member('adviser', orgA)).member;
  trainer = (await member('trainer', orgA)).member;
  coordinator = (await member('coordinator', orgA)).member;
  rep = (await member('eservice_rep', orgA)).member;
});
beforeEach(async () => {
  await db.rateLimit.deleteMany({ where: { key: { startsWith: 'forum-post:' } } });
});

async function thread(author: AuthUser, title: string, category = categoryId) {
  await db.rateLimit.deleteMany({ where: { key: `forum-post:${author.id}` } });
  const made = await createThread(author, {
    categoryId: category,
    title,
    language: 'fi',
    deviceTags: [],
    eserviceTags: [],
    tags: [],
    body: doc(para(`${title}: kysymys.`)),
  });
  if (!made.ok) throw new Error(JSON.stringify(made));
  return made.threadId;
}
async function answer(author: AuthUser, threadId: string, body = doc(para('Vastaus.'))) {
  await db.rateLimit.deleteMany({ where: { key: `forum-post:${author.id}` } });
  const made = await reply(author, threadId, { body });
  if (!made.ok) throw new Error(JSON.stringify(made));
  return made.postId;
}

describe('home feed', () => {
  it('shows each kind of news the reader has, and nothing they may not open', async () => {
    // Forum: an answer to my question, a verified one, a reply in a thread I follow, a new
    // thread in a category I follow, a mention, my answer accepted; a hidden reply stays out.
    const mine = await thread(reader.member, 'Oma kysymys pankkitunnuksista');
    const answered = await answer(other, mine, doc(para('Kokeile mobiilivarmennetta.')));
    await toggleVerified(trainer, answered);
    const hidden = await answer(other, mine, doc(para('Tämä piilotetaan.')));
    await moderate(coordinator, { intent: 'hide', postId: hidden, reason: 'Asiaton' }, TEST_META);

    const followedCategory = (await makeCategory(db)).id;
    await db.forumCategoryFollow.create({ data: { userId: reader.member.id, categoryId: followedCategory } });
    const theirs = await thread(other, 'Uusi ketju seuratulla alueella', followedCategory);
    const readerAnswer = await answer(reader.member, theirs);
    await toggleAccepted(other, readerAnswer);
    await answer(trainer, theirs, doc(para('Minäkin vastaan.')));
    await answer(
      other,
      theirs,
      doc({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Katso ' },
          { type: 'mention', attrs: { id: reader.member.id, label: 'x' } },
        ],
      }),
    );

    // Library: for everyone, for trainers only, for another organisation, a draft.
    const open = await makeMaterial({ actorId: trainer.id, title: 'Kaikille avoin ohje' });
    await makeMaterial({ actorId: trainer.id, title: 'Vain kouluttajille', audience: 'trainers' });
    await makeMaterial({
      actorId: trainer.id,
      title: 'Toisen organisaation ohje',
      audience: 'organisations',
      audienceOrgIds: [orgB],
    });
    await makeMaterial({ actorId: trainer.id, title: 'Luonnos', publish: false });

    // Events: one for everyone, one for another organisation.
    const starts = new Date(Date.now() + 3 * 86_400_000);
    const event = (titleFi: string, extra: object = {}) =>
      db.event.create({
        data: {
          type: 'training_day',
          titleFi,
          startsAt: starts,
          endsAt: new Date(starts.getTime() + 3600_000),
          placeKind: 'online',
          createdById: coordinator.id,
          ...extra,
        },
        select: { id: true },
      });
    const forAll = await event('Koulutuspäivä kaikille', { capacity: 1 });
    await event('Toisen organisaation tapaaminen', { audience: 'organisations', audienceOrgIds: [orgB] });

    // Briefings: published for my organisation, published for another, a draft.
    const eservice = await db.eService.create({
      data: { slug: `palvelu-${Date.now()}`, nameFi: 'Palvelu' },
      select: { id: true, nameFi: true, nameSv: true, nameEn: true },
    });
    const briefing = (title: string, extra: object) =>
      db.briefing.create({
        data: {
          eserviceId: eservice.id,
          title,
          launchAt: new Date(Date.now() + 86_400_000),
          createdById: rep.id,
          ...extra,
        },
        select: { id: true },
      });
    await briefing('Tiedote omalle organisaatiolle', {
      status: 'published',
      liveNumber: 1,
      publishedAt: new Date(),
      audience: 'organisations',
      audienceOrgIds: [orgA],
    });
    await briefing('Tiedote toiselle organisaatiolle', {
      status: 'published',
      liveNumber: 1,
      publishedAt: new Date(),
      audience: 'organisations',
      audienceOrgIds: [orgB],
    });
    await briefing('Tiedoteluonnos', { status: 'draft' });

    // My problem report gets a new status.
    await db.eServiceContact.create({ data: { eserviceId: eservice.id, userId: rep.id } });
    const filed = await fileFeedback(
      reader.member,
      eservice,
      {
        whatHappened: 'Kirjautuminen katkeaa',
        step: '',
        device: 'android',
        os: '',
        frequency: 'often',
        severity: 'blocks',
      },
      null,
    );
    if (!filed.ok) throw new Error(JSON.stringify(filed));
    const report = await findFeedback(rep, filed.id);
    await answerFeedback(rep, report!, { intent: 'respond', status: 'planned', body: '' });

    const { feed } = await home();
    const kinds = new Set(feed.map((i) => i.kind));
    for (const kind of [
      'answer',
      'verified',
      'thread',
      'reply',
      'mention',
      'accepted',
      'material',
      'event',
      'briefing',
      'feedback',
    ])
      expect(kinds, kind).toContain(kind);
    const titles = feed.map((i) => i.title);
    expect(titles).toContain('Kaikille avoin ohje');
    expect(titles).toContain('Tiedote omalle organisaatiolle');
    for (const hiddenTitle of [
      'Vain kouluttajille',
      'Toisen organisaation ohje',
      'Luonnos',
      'Toisen organisaation tapaaminen',
      'Tiedote toiselle organisaatiolle',
      'Tiedoteluonnos',
    ])
      expect(titles).not.toContain(hiddenTitle);
    expect(feed.map((i) => i.url)).not.toContain(`/forum/p/${hidden}`);
    // The reply that mentions me is one item, the mention; my own posts are not news to me.
    expect(feed.filter((i) => i.kind === 'mention')).toHaveLength(1);
    expect(feed.filter((i) => i.url === `/forum/p/${readerAnswer}` && i.kind !== 'accepted')).toEqual([]);
    expect(feed.find((i) => i.kind === 'material' && i.title === 'Kaikille avoin ohje')?.url).toBe(
      `/library/${open.slug}`,
    );
    expect(feed.find((i) => i.kind === 'feedback')?.state).toBe('planned');
    expect(feed.find((i) => i.kind === 'briefing')?.state).toBe('unread');
    // Newest first.
    const times = feed.map((i) => new Date(i.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // Coming up: going, or on the waiting list with a place in line; a cancellation shows.
    const first = await member('adviser', orgA);
    expect((await rsvp(first.member, forAll.id, 'going', TEST_META)).ok).toBe(true);
    expect((await rsvp(reader.member, forAll.id, 'going', TEST_META)).ok).toBe(true);
    expect((await home()).upcoming).toEqual([
      expect.objectContaining({ id: forAll.id, status: 'waitlist', waitlistPosition: 1, cancelled: false }),
    ]);
    await db.event.update({ where: { id: forAll.id }, data: { cancelledAt: new Date() } });
    expect((await home()).upcoming[0]).toMatchObject({ cancelled: true });
    // A cancelled event is no longer open for sign-up, so it leaves the feed.
    expect((await home()).feed.map((i) => i.title)).not.toContain('Koulutuspäivä kaikille');
  });

  it('pages back without repeating or skipping, and "mark all seen" moves the divider', async () => {
    const reader2 = await member('adviser', orgA);
    const category = (await makeCategory(db)).id;
    await db.forumCategoryFollow.create({ data: { userId: reader2.member.id, categoryId: category } });
    const base = Date.now() - 3600_000;
    for (let i = 0; i < 25; i++) {
      await db.forumThread.create({
        data: {
          categoryId: category,
          authorId: other.id,
          title: `Ketju ${i}`,
          language: 'fi',
          createdAt: new Date(base + i * 1000),
        },
      });
    }
    const page = async (query = '') =>
      json<Home>(await callLoader(homeRoute, makeRequest(`/${query}`, { cookie: reader2.cookie })));
    const first = await page();
    expect(first.feed).toHaveLength(20);
    // Other tests' library material and events are news to this member too: walk every page.
    const seen: string[] = [];
    let current = first;
    for (let n = 0; n < 10; n++) {
      seen.push(...current.feed.map((i) => i.key));
      if (!current.olderThan) break;
      current = await page(`?before=${encodeURIComponent(current.olderThan)}`);
    }
    expect(current.olderThan).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    const threads = await db.forumThread.findMany({ where: { categoryId: category }, select: { id: true } });
    expect(seen.filter((k) => k.startsWith('thread:')).sort()).toEqual(
      threads.map((t) => `thread:${t.id}`).sort(),
    );
    // A cursor that is not a date is the first page, not an error.
    expect((await page('?before=huomenna')).feed[0]!.key).toBe(first.feed[0]!.key);

    expect(first.seenAt).toBeNull();
    const marked = await callAction(
      homeRoute,
      makeRequest('/', { cookie: reader2.cookie, form: { intent: 'seen' } }),
    );
    expect(marked.status).toBe(200);
    const seenAt = (await page()).seenAt;
    expect(seenAt).not.toBeNull();
    expect(new Date(seenAt!).getTime()).toBeGreaterThanOrEqual(base + 24_000);
  });

  it('a member who follows 200 threads reads the feed in a fixed number of statements', async () => {
    const busy = await member('adviser', orgA);
    const category = (await makeCategory(db)).id;
    // Explicit times a second apart: timestamps have millisecond precision, and rows written
    // within the same millisecond would make the page's completeness check undecidable.
    const base = Date.now() - 3600_000;
    for (let i = 0; i < 200; i++) {
      const posted = new Date(base + i * 1000 + 500);
      const t = await db.forumThread.create({
        data: {
          categoryId: category,
          authorId: other.id,
          title: `Seurattu ${i}`,
          language: 'fi',
          createdAt: new Date(base + i * 1000),
          lastPostAt: posted,
        },
        select: { id: true },
      });
      await db.forumThreadFollow.create({ data: { userId: busy.member.id, threadId: t.id } });
      await db.forumPost.create({
        data: {
          threadId: t.id,
          authorId: other.id,
          bodyJson: {},
          bodyHtml: '',
          bodyText: `Vastaus ${i}`,
          createdAt: posted,
        },
      });
    }
    const statements = async (viewer: AuthUser) => {
      const before = statementCount();
      // Read as of just after the last reply: other tests' newer material and events stay out.
      const page = await feedPage(viewer, { now: new Date(base + 200_000) });
      return { page, count: statementCount() - before };
    };
    const busyFeed = await statements(busy.member);
    expect(busyFeed.page.items).toHaveLength(20);
    expect(busyFeed.page.items.every((i) => i.kind === 'reply')).toBe(true);
    expect(busyFeed.page.more).not.toBeNull();
    // One statement for every source, whatever the follows, as for a member who follows nothing.
    const quiet = await statements((await member('adviser', orgA)).member);
    expect(busyFeed.count).toBe(1);
    expect(quiet.count).toBe(1);

    // The whole home page: who is logged in; then the feed with coming events, coming shifts
    // and announcements in one statement (readTogether).
    const page = () => callLoader(homeRoute, makeRequest('/', { cookie: busy.cookie }));
    await page(); // the first view of a session may note it as seen
    const before = statementCount();
    const response = await page();
    expect(response.status).toBe(200);
    expect(statementCount() - before).toBe(2);
  });

  it("a follow knows its thread's latest post, whoever writes it, so a reply in an old thread comes first", async () => {
    const me = await member('adviser', orgA);
    const category = (await makeCategory(db)).id;
    const base = Date.now() - 3600_000;
    const threads: string[] = [];
    for (let i = 0; i < 25; i++) {
      // Followed after the thread was written: the follow takes the thread's time.
      const at = new Date(base + i * 60_000);
      const t = await db.forumThread.create({
        data: {
          categoryId: category,
          authorId: other.id,
          title: `Vanha ${i}`,
          language: 'fi',
          lastPostAt: at,
        },
        select: { id: true },
      });
      await db.forumPost.create({
        data: {
          threadId: t.id,
          authorId: other.id,
          createdAt: at,
          bodyJson: {},
          bodyHtml: '',
          bodyText: 'x',
        },
      });
      await db.forumThreadFollow.create({ data: { userId: me.member.id, threadId: t.id } });
      threads.push(t.id);
    }
    const followOf = (threadId: string) =>
      db.forumThreadFollow.findUniqueOrThrow({
        where: { userId_threadId: { userId: me.member.id, threadId } },
        select: { lastPostAt: true },
      });
    expect((await followOf(threads[3]!)).lastPostAt).toEqual(new Date(base + 3 * 60_000));

    // A reply in the least recently active thread: among the page-size most active follows now.
    const newest = await answer(trainer, threads[0]!, doc(para('Uusi vastaus vanhaan ketjuun.')));
    const thread0 = await db.forumThread.findUniqueOrThrow({ where: { id: threads[0]! } });
    expect((await followOf(threads[0]!)).lastPostAt).toEqual(thread0.lastPostAt);
    const before = statementCount();
    const page = await feedPage(me.member);
    expect(statementCount() - before).toBe(1);
    expect(page.items[0]).toMatchObject({ kind: 'reply', url: `/forum/p/${newest}`, title: 'Vanha 0' });

    // Any writer of the thread's time (the nightly recount, an import) reaches the follow too.
    const later = new Date(Date.now() + 60_000);
    await db.$executeRaw`UPDATE forum_thread SET last_post_at = ${later} WHERE id = ${threads[5]!}::uuid`;
    expect((await followOf(threads[5]!)).lastPostAt).toEqual(later);
  });

  it('finds replies in quieter threads when the most active followed threads hold only my own posts', async () => {
    const me = await member('adviser', orgA);
    const category = (await makeCategory(db)).id;
    const base = Date.now() - 3600_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    for (let i = 0; i < 30; i++) {
      // Threads 0–8: someone else answered. Threads 9–29, more recent: only I wrote.
      const author = i < 9 ? other.id : me.member.id;
      const t = await db.forumThread.create({
        data: {
          categoryId: category,
          authorId: me.member.id,
          title: `Hiljainen ${i}`,
          language: 'fi',
          lastPostAt: at(i),
        },
        select: { id: true },
      });
      await db.forumThreadFollow.create({ data: { userId: me.member.id, threadId: t.id } });
      await db.forumPost.create({
        data: {
          threadId: t.id,
          authorId: author,
          createdAt: at(i),
          bodyJson: {},
          bodyHtml: '',
          bodyText: 'x',
        },
      });
    }
    const page = await feedPage(me.member);
    expect(page.items.filter((i) => i.kind === 'answer').map((i) => i.title)).toEqual(
      Array.from({ length: 9 }, (_, i) => `Hiljainen ${8 - i}`),
    );
  });
});

describe('news digest e-mail', () => {
  it('carries the feed since the last digest, in the member language, once; nothing new, no mail', async () => {
    const digestReader = await member('adviser', orgA);
    await db.user.update({
      where: { id: digestReader.member.id },
      data: { locale: 'sv', digestFrequency: 'daily' },
    });
    const category = (await makeCategory(db)).id;
    await db.forumCategoryFollow.create({ data: { userId: digestReader.member.id, categoryId: category } });
    await thread(other, 'Ny tråd om BankID', category);
    const now = new Date();
    await sendDigests('https://tukiverkko.test', now);
    const mail = await db.email.findFirstOrThrow({
      where: { to: digestReader.member.email },
      orderBy: { createdAt: 'desc' },
    });
    expect(mail.subject).toMatch(/^Tukiverkko: \d+ (nyhet|nyheter) för dig$/);
    expect(mail.text).toContain('startade en tråd i ett område du följer: Ny tråd om BankID');
    expect(mail.html).toContain('Ny tråd om BankID');
    const headers = mail.headers as Record<string, string>;
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<https:\/\/tukiverkko\.test(\/unsubscribe\/[A-Za-z0-9_-]{32})>$/.exec(
      headers['List-Unsubscribe']!,
    );
    expect(unsubscribe).not.toBeNull();
    expect(mail.text).toContain(`https://tukiverkko.test${unsubscribe![1]}`);

    // The same run again, and the next day with nothing new: no second e-mail.
    await sendDigests('https://tukiverkko.test', now);
    await sendDigests('https://tukiverkko.test', new Date(now.getTime() + 86_400_000));
    expect(await db.email.count({ where: { to: digestReader.member.email } })).toBe(1);

    // Opening the link asks; the one-click POST turns the digest off without logging in.
    const path = unsubscribe![1]!;
    const token = path.split('/').pop()!;
    const asked = await callLoader(unsubscribeRoute, makeRequest(path), { token });
    expect(asked.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: digestReader.member.id } })).digestFrequency).toBe(
      'daily',
    );
    const clicked = await callAction(
      unsubscribeRoute,
      makeRequest(path, { form: { 'List-Unsubscribe': 'One-Click' } }),
      { token },
    );
    expect(clicked.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: digestReader.member.id } })).digestFrequency).toBe(
      'off',
    );
    // Off means off: a new thread, the next day, no mail.
    await thread(other, 'Ännu en tråd', category);
    await sendDigests('https://tukiverkko.test', new Date(now.getTime() + 2 * 86_400_000));
    expect(await db.email.count({ where: { to: digestReader.member.email } })).toBe(1);
    // A made-up token is a 404, not a 500.
    const fake = 'A'.repeat(32);
    expect(
      (await callAction(unsubscribeRoute, makeRequest(`/unsubscribe/${fake}`, { form: {} }), { token: fake }))
        .status,
    ).toBe(404);
  });

  it('weekly waits a week; the member chooses the frequency next to the notification settings', async () => {
    const weekly = await member('adviser', orgA);
    const category = (await makeCategory(db)).id;
    await db.forumCategoryFollow.create({ data: { userId: weekly.member.id, categoryId: category } });
    await thread(other, 'Viikon ensimmäinen ketju', category);
    const now = new Date();
    await sendDigests('https://tukiverkko.test', now);
    expect(await db.email.count({ where: { to: weekly.member.email } })).toBe(1);
    await thread(other, 'Viikon toinen ketju', category);
    await sendDigests('https://tukiverkko.test', new Date(now.getTime() + 3 * 86_400_000));
    expect(await db.email.count({ where: { to: weekly.member.email } })).toBe(1);
    await sendDigests('https://tukiverkko.test', new Date(now.getTime() + 7 * 86_400_000));
    const mails = await db.email.findMany({
      where: { to: weekly.member.email },
      orderBy: { createdAt: 'asc' },
    });
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('Viikon toinen ketju');
    expect(mails[1]!.text).not.toContain('Viikon ensimmäinen ketju');

    const save = (digestFrequency: string) =>
      callAction(
        preferencesRoute,
        makeRequest('/profile/notifications', {
          cookie: weekly.cookie,
          form: { intent: 'digest', digestFrequency },
        }),
      );
    expect((await save('hourly')).status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: weekly.member.id } })).digestFrequency).toBe(
      'weekly',
    );
    expect((await save('daily')).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: weekly.member.id } })).digestFrequency).toBe(
      'daily',
    );
  });
});
