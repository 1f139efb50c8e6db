import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { importWorkplace, type ImportOptions } from '~/domain/archive/workplace-import.server';
import { ArchiveError, archiveFiles, fixMojibake, readArchive } from '~/domain/archive/workplace-read.server';
import { imagePath } from '~/domain/uploads/images.server';
import * as searchRoute from '~/routes/search';
import * as threadRoute from '~/routes/forum.t.$id';
import { makeCategory, makeOrganisation, makeUser } from '#tests/factories';
import { PEOPLE, asLatin1Escapes, writeDownloadArchive, writeGraphArchive } from '#tests/fixtures/workplace';
import { callLoader, json, loginAs, makeRequest } from '#tests/helpers';

// The Workplace archive import (issue 16 item 1, ADR 029) on whichever database the suite runs on.

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tukiverkko-workplace-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const GROUPS = ['3301', '3302', '3303'];
const POSTS_PER_GROUP = 400;
const COMMENTS = 2;
const TOTAL = GROUPS.length * POSTS_PER_GROUP;

let orgId: string;
let slug: string;
let asaId: string;
const graphDir = path.join(scratch, 'graph');

const counts = async () => ({
  threads: await db.forumThread.count({ where: { archivedFrom: 'workplace' } }),
  posts: await db.forumPost.count({ where: { thread: { archivedFrom: 'workplace' } } }),
  users: await db.user.count(),
  uploads: await db.upload.count(),
});

function optionsFor(dir: string, extra: Partial<ImportOptions> = {}): ImportOptions {
  const files = archiveFiles(dir);
  return { categoryOf: () => slug, file: (p) => files[0]!.file(p), ...extra };
}

beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
  slug = (await makeCategory(db, { slug: 'workplace-arkisto' })).slug;
  // Åsa is a member already, under her address in capitals: her posts become hers.
  asaId = (
    await makeUser(db, { role: 'adviser', organisationId: orgId, email: PEOPLE[0]!.email!.toUpperCase() })
  ).id;
  await writeGraphArchive(graphDir, {
    groups: GROUPS,
    postsPerGroup: POSTS_PER_GROUP,
    commentsPerPost: COMMENTS,
    pageSize: 150,
  });
}, 60_000);

describe('importing the Graph API feed of three groups', () => {
  it('a dry run says what would be made and makes nothing', async () => {
    const before = await counts();
    const posts = readArchive(archiveFiles(graphDir));
    expect(posts).toHaveLength(TOTAL);
    const report = await importWorkplace(posts, optionsFor(graphDir, { dryRun: true }));
    // The pictures are read as the import would read them: one in ten posts has one that can come.
    expect(report).toMatchObject({
      threads: TOTAL,
      replies: TOTAL * (COMMENTS + 1),
      images: TOTAL / 10,
      alreadyThere: 0,
    });
    expect(report.skipped).toHaveLength((TOTAL / 10) * 3);
    expect(report.formerMembers.sort()).toEqual(['Jyrki Äijälä', 'Nguyễn Thị Lan', 'Zoë Łukasiewicz']);
    expect(await counts()).toEqual(before);
  });

  it('makes a thread of each post, replies and quoting replies, reactions and pictures, tells nobody, and a second run adds nothing', async () => {
    const before = await counts();
    const notifications = await db.notification.count();
    const emails = await db.email.count();
    const progress: number[] = [];
    const report = await importWorkplace(
      readArchive(archiveFiles(graphDir)),
      optionsFor(graphDir, { onProgress: (done) => progress.push(done) }),
    );
    expect(report).toMatchObject({
      threads: TOTAL,
      replies: TOTAL * (COMMENTS + 1),
      images: TOTAL / 10,
      alreadyThere: 0,
    });
    expect(progress.at(-1)).toBe(TOTAL);
    expect(report.skipped).toHaveLength((TOTAL / 10) * 3);
    const after = await counts();
    expect(after.threads - before.threads).toBe(TOTAL);
    expect(after.posts - before.posts).toBe(TOTAL * (COMMENTS + 2));
    // Three former members and one "former member" for deleted authors; Åsa was matched.
    expect(after.users - before.users).toBe(4);
    expect(report.formerMembers.sort()).toEqual(['Jyrki Äijälä', 'Nguyễn Thị Lan', 'Zoë Łukasiewicz']);
    const former = await db.user.findFirstOrThrow({ where: { name: 'Jyrki Äijälä' } });
    expect(former).toMatchObject({ status: 'deactivated', passwordHash: '!' });
    expect(former.email).toMatch(/@archive\.invalid$/);
    expect(await db.notification.count()).toBe(notifications);
    expect(await db.email.count()).toBe(emails);

    // The first post of the first group, as it was.
    const thread = await db.forumThread.findFirstOrThrow({
      where: { archivedFrom: 'workplace', title: { startsWith: 'Kysymys 1:' }, category: { slug } },
      orderBy: { createdAt: 'asc' },
      include: { posts: { orderBy: { createdAt: 'asc' }, include: { reactions: true } } },
    });
    expect(thread.createdAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(thread.replyCount).toBe(COMMENTS + 1);
    const [question, first, nested] = thread.posts;
    expect(question!.bodyHtml).toContain('<br />Asiakas yritti kirjautua.');
    expect(question!.bodyHtml).toMatch(/<a href="https:\/\/www\.hel\.fi\/fi\/digituki\?kysymys=1"[^>]*>/);
    expect(question!.bodyHtml).toMatch(
      /<a href="https:\/\/www\.suomi\.fi\/ohjeet"[^>]*>Suomi\.fi-ohjeet<\/a>/,
    );
    expect(question!.bodyHtml).toContain('opas.pdf</a>');
    expect(question!.reactions.map((r) => r.kind).sort()).toEqual(['helpful', 'me_too', 'thanks']);
    expect(question!.reactions.find((r) => r.kind === 'helpful')!.userId).toBe(asaId);
    // The picture: stored like any upload, re-encoded without its metadata.
    const [, pictureId] = /\/uploads\/([0-9a-f-]{36})/.exec(question!.bodyHtml) ?? [];
    expect(pictureId).toBeDefined();
    const stored = await sharp(fs.readFileSync(imagePath(pictureId!))).metadata();
    expect(stored.format).toBe('webp');
    expect(stored.exif).toBeUndefined();
    // A reply to a comment quotes it.
    expect(nested!.quotedPostId).toBe(first!.id);
    expect(nested!.bodyText).toBe('Kiitos, tämä auttoi!');
    // What could not come along is said, naming the file and the item.
    const reasons = report.skipped.map((s) => `${s.where}: ${s.reason}`);
    expect(reasons).toContainEqual(
      expect.stringMatching(/^feed-3301-001\.json, item 1: a picture not in the archive folder/),
    );
    expect(reasons).toContainEqual(
      expect.stringMatching(/item 1: a picture the archive names but does not hold: media\/missing\.jpg/),
    );
    expect(reasons).toContainEqual(
      expect.stringMatching(/item 2: media\/not-a-picture\.jpg is not a picture/),
    );

    // Readers see where it came from, and search finds it.
    const { cookie } = await loginAs('adviser', orgId);
    const page = await json<{ thread: { archivedFrom: string | null } }>(
      await callLoader(threadRoute, makeRequest(`/forum/t/${thread.id}`, { cookie }), { id: thread.id }),
    );
    expect(page.thread.archivedFrom).toBe('workplace');
    const found = await json<{ hits: { url: string }[] }>(
      await callLoader(searchRoute, makeRequest('/search?q=kirjautua', { cookie })),
    );
    expect(found.hits.length).toBeGreaterThan(0);

    // Again: nothing twice.
    const beforeAgain = await counts();
    const again = await importWorkplace(readArchive(archiveFiles(graphDir)), optionsFor(graphDir));
    expect(again).toMatchObject({ threads: 0, replies: 0, alreadyThere: TOTAL, formerMembers: [] });
    expect(await counts()).toEqual(beforeAgain);
  }, 300_000);
});

describe('the download export and bad input', () => {
  it("decodes the download's Latin-1-escaped text", async () => {
    expect(fixMojibake(asLatin1Escapes('Äänikirjat ja Öppettider – €'))).toBe('Äänikirjat ja Öppettider – €');
    expect(fixMojibake('Äänikirjat')).toBe('Äänikirjat'); // already right: left alone
    const file = path.join(scratch, 'download', 'group.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeDownloadArchive(file, 'Digituki Pohjois-Helsinki');
    expect(fs.readFileSync(file, 'utf8')).toContain('\\u00c3\\u0084'); // as the export writes it
    const posts = readArchive(archiveFiles(path.dirname(file)));
    expect(posts[0]).toMatchObject({
      group: 'Digituki Pohjois-Helsinki',
      author: { name: 'Jyrki Äijälä' },
      message: 'Mistä löytää kirjaston tietokoneen varauksen? Äänikirjat myös.',
    });
    const report = await importWorkplace(posts, optionsFor(path.dirname(file)));
    expect(report.threads).toBe(1);
    const post = await db.forumPost.findFirstOrThrow({
      where: { bodyText: { contains: 'Äänikirjat' } },
      include: { author: true, thread: { include: { posts: { include: { author: true } } } } },
    });
    expect(post.thread.posts.map((p) => p.author.name).sort()).toEqual(['Jyrki Äijälä', 'Åsa Öhman'].sort());
  });

  it('refuses input it cannot read, naming the file and the item, before writing anything', async () => {
    const dir = path.join(scratch, 'broken');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'feed.json'),
      JSON.stringify({
        data: [
          { id: '9_1', message: 'Hyvä', created_time: '2024-01-01T00:00:00+0000' },
          { id: '9_2', message: 'Paha', created_time: 'eilen' },
        ],
      }),
    );
    expect(() => readArchive(archiveFiles(dir))).toThrow(
      new ArchiveError('feed.json, item 2: the time "eilen" cannot be read.'),
    );
    fs.writeFileSync(path.join(dir, 'feed.json'), '{"data": [');
    expect(() => archiveFiles(dir)).toThrow(/^feed\.json: not valid JSON/);
    // A group without a category stops the run before anything is written.
    fs.writeFileSync(
      path.join(dir, 'feed.json'),
      JSON.stringify({ data: [{ id: '9_1', message: 'Hyvä', created_time: '2024-01-01T00:00:00+0000' }] }),
    );
    const before = await counts();
    await expect(
      importWorkplace(readArchive(archiveFiles(dir)), optionsFor(dir, { categoryOf: () => undefined })),
    ).rejects.toThrow(/group "9" has no category/);
    expect(await counts()).toEqual(before);
  });

  it('a thread that fails is not kept at all, pictures included; a run again brings it in', async () => {
    const dir = path.join(scratch, 'fails');
    await writeGraphArchive(dir, { groups: ['4401'], postsPerGroup: 12, commentsPerPost: 1, seed: 3 });
    // The database refuses the eleventh post's reply (the first ten and that post's picture are fine).
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_reply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.body_text LIKE 'Vastaus 1:%' AND (SELECT title FROM forum_thread WHERE id = NEW.thread_id) LIKE 'Kysymys 11:%'
      THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_reply BEFORE INSERT ON forum_post FOR EACH ROW EXECUTE FUNCTION refuse_reply()`,
    );
    const before = await counts();
    try {
      await expect(importWorkplace(readArchive(archiveFiles(dir)), optionsFor(dir))).rejects.toThrow(
        /^feed-4401-001\.json, item 11: not imported \(.*refused for the test.*\); nothing of it was kept\.$/s,
      );
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_reply ON forum_post`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_reply()`);
    }
    const after = await counts();
    expect(after.threads - before.threads).toBe(10);
    expect(after.uploads - before.uploads).toBe(1); // the first post's picture; the eleventh's went with it
    const report = await importWorkplace(readArchive(archiveFiles(dir)), optionsFor(dir));
    expect(report).toMatchObject({ threads: 2, alreadyThere: 10, images: 1 });
  });
});
