import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import { NOT_EXPORTED, exportedTables } from '~/domain/privacy/export.server';
import { PRIVACY_CATEGORIES } from '~/domain/privacy/inventory';
import { filePath } from '~/domain/uploads/files.server';
import * as dataRoute from '~/routes/profile.data';
import * as downloadRoute from '~/routes/profile.data.$id';
import { makeCategory, makeGuidanceSession, makeOrganisation, makeThread, makeUser } from '#tests/factories';
import { callAction, callLoader, cookieFor, json, makeRequest } from '#tests/helpers';

// "Your data" (issue 16 item 2): a member's copy holds every kind they have, and nothing of another.
let orgId: string;
beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
});

/** A member with something of (almost) every kind the copy lists. */
async function memberWithEverything(label: string) {
  const user = await makeUser(db, { role: 'adviser', organisationId: orgId, email: `${label}@example.test` });
  const other = await makeUser(db, { role: 'adviser', organisationId: orgId });
  const category = await makeCategory(db);
  const thread = await makeThread(db, {
    categoryId: category.id,
    authorId: user.id,
    title: `Kysymys ${label}`,
    replies: [{ authorId: other.id, text: 'Vastaus' }],
  });
  await db.forumReaction.create({ data: { postId: thread.replyIds[0]!, userId: user.id, kind: 'thanks' } });
  await db.notification.create({
    data: { userId: user.id, type: 'forum_reply', title: `Ilmoitus ${label}`, url: `/forum/t/${thread.id}` },
  });
  await makeGuidanceSession(db, {
    adviserId: user.id,
    organisationId: orgId,
    feedbackCode: `code${label}`.slice(0, 12),
  });
  const upload = await db.upload.create({
    data: {
      ownerId: user.id,
      scope: 'library',
      fileName: `ohje-${label}.pdf`,
      mime: 'application/pdf',
      byteSize: 9,
    },
  });
  fs.mkdirSync(path.dirname(filePath(upload.id)), { recursive: true });
  fs.writeFileSync(filePath(upload.id), `%PDF-${label}`);
  return { user, thread, upload };
}

async function makeCopy(userId: string) {
  const cookie = await cookieFor(userId);
  const asked = await callAction(dataRoute, makeRequest('/profile/data', { cookie, form: {} }));
  expect(asked.status).toBe(200);
  const listed = await json<{ exports: { id: string; status: string }[] }>(
    await callLoader(dataRoute, makeRequest('/profile/data', { cookie })),
  );
  expect(listed.exports[0]!.status).toBe('queued');
  await runDueJobs();
  return { cookie, id: listed.exports[0]!.id };
}

describe('your data', () => {
  it('every table of the privacy notice is in the copy with the column that says whose row it is, or left out with a reason', async () => {
    const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name::text AS table_name, column_name::text AS column_name
      FROM information_schema.columns WHERE table_schema = current_schema()`;
    const has = (table: string, column: string) =>
      columns.some((c) => c.table_name === table && c.column_name === column);
    const listed = PRIVACY_CATEGORIES.flatMap((c) => c.tables);
    const exported = exportedTables();
    expect([...exported.map((e) => e.table), ...Object.keys(NOT_EXPORTED)].sort()).toEqual(
      [...listed].sort(),
    );
    for (const { table, owner } of exported) {
      if (table === 'email' || table === 'audit_log') continue; // by address; by actor or target
      expect(has(table, owner), `${table}.${owner}`).toBe(true);
    }
  });

  it('makes a ZIP with every kind the member has, their files and nothing of another member; e-mails when ready', async () => {
    const { user, thread, upload } = await memberWithEverything('anna');
    const other = await memberWithEverything('bertta');
    const { cookie, id } = await makeCopy(user.id);

    const page = await json<{
      exports: { id: string; status: string; progress: number; byteSize: number }[];
    }>(await callLoader(dataRoute, makeRequest('/profile/data', { cookie })));
    expect(page.exports[0]).toMatchObject({ id, status: 'ready', progress: 100 });
    const mail = await db.email.findFirst({ where: { to: user.email }, orderBy: { createdAt: 'desc' } });
    expect(mail!.subject).toBe('Kopio Tukiverkon tiedoistasi on valmis');
    expect(mail!.text).toContain('http://localhost:3000/profile/data');

    const download = await callLoader(downloadRoute, makeRequest(`/profile/data/${id}`, { cookie }), { id });
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toBe('application/zip');
    expect(download.headers.get('Cache-Control')).toBe('private, no-store');
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    const names = Object.keys(files);
    for (const expected of [
      'README.txt',
      'account/app_user.json',
      'account/user_role.json',
      'account/session.json',
      'content/forum_thread.json',
      'content/forum_post.json',
      'content/forum_reaction.json',
      'content/forum_thread_follow.json',
      'content/upload.json',
      'guidance/guidance_session.json',
      'messages/notification.json',
      `uploads/${upload.id}-ohje-anna.pdf`,
    ])
      expect(names, expected).toContain(expected);
    expect(strFromU8(files[`uploads/${upload.id}-ohje-anna.pdf`]!)).toBe('%PDF-anna');
    const account = JSON.parse(strFromU8(files['account/app_user.json']!));
    expect(account).toHaveLength(1);
    expect(account[0]).toMatchObject({ id: user.id, email: 'anna@example.test' });
    // Nothing that would let someone sign in as the member.
    const everything = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => strFromU8(files[n]!))
      .join('\n');
    expect(everything).not.toMatch(/password_hash|token_hash|"secret"/);
    expect(JSON.parse(strFromU8(files['account/session.json']!))[0]).not.toHaveProperty('id');
    // The question is there; the other member's reply, posts and address are not.
    expect(everything).toContain(thread.questionId);
    expect(everything).not.toContain(`"id": "${thread.replyIds[0]}"`);
    expect(everything).not.toContain('bertta');
    expect(everything).not.toContain(other.user.id);
    expect(names.some((n) => n.includes(other.upload.id))).toBe(false);
    // Every row of a member-owned table is the member's.
    for (const { category, table, owner } of exportedTables()) {
      const file = files[`${category}/${table}.json`];
      if (!file || table === 'email' || table === 'audit_log') continue;
      for (const row of JSON.parse(strFromU8(file))) expect(row[owner], `${table}`).toBe(user.id);
    }
    expect(strFromU8(files['README.txt']!)).toContain('Tietosi Tukiverkossa');
  });

  it('only the member can download it, only while it lasts; one at a time and three a day', async () => {
    const { user } = await memberWithEverything('cecilia');
    const { cookie, id } = await makeCopy(user.id);
    const someone = await makeUser(db, { role: 'coordinator', organisationId: orgId });
    const asOther = await callLoader(
      downloadRoute,
      makeRequest(`/profile/data/${id}`, { cookie: await cookieFor(someone.id) }),
      { id },
    );
    expect(asOther.status).toBe(404);
    const anonymous = await callLoader(downloadRoute, makeRequest(`/profile/data/${id}`), { id });
    expect(anonymous.status).toBe(302);
    expect(
      (await callLoader(downloadRoute, makeRequest('/profile/data/x', { cookie }), { id: 'x' })).status,
    ).toBe(404);

    // A second request while one is waiting is refused; the day's limit is three.
    const first = await callAction(dataRoute, makeRequest('/profile/data', { cookie, form: {} }));
    expect(first.status).toBe(200);
    const meanwhile = await callAction(dataRoute, makeRequest('/profile/data', { cookie, form: {} }));
    expect((await json(meanwhile)).errors).toEqual({ form: { key: 'profile:data.errors.running' } });
    await runDueJobs();
    expect((await callAction(dataRoute, makeRequest('/profile/data', { cookie, form: {} }))).status).toBe(
      200,
    );
    await runDueJobs();
    const fourth = await callAction(dataRoute, makeRequest('/profile/data', { cookie, form: {} }));
    expect(fourth.status).toBe(429);

    // Seven days on: gone, file and all.
    await db.dataExport.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(
      (await callLoader(downloadRoute, makeRequest(`/profile/data/${id}`, { cookie }), { id })).status,
    ).toBe(404);
    const { removeExpiredExports, exportPath } = await import('~/domain/privacy/export.server');
    await removeExpiredExports();
    expect(fs.existsSync(exportPath(id))).toBe(false);
    expect(await db.dataExport.count({ where: { id } })).toBe(0);
  });
});
