import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import { exportPath } from '~/domain/privacy/export.server';
import { filePath } from '~/domain/uploads/files.server';
import * as removeRoute from '~/routes/profile.remove-account';
import * as reviewRoute from '~/routes/members.erasure';
import * as membersRoute from '~/routes/members._index';
import * as memberRoute from '~/routes/members.$id';
import * as threadRoute from '~/routes/forum.t.$id';
import * as dataRoute from '~/routes/profile.data';
import {
  makeCategory,
  makeGuidanceSession,
  makeOrganisation,
  makeSupportPoint,
  makeThread,
  makeUser,
} from '#tests/factories';
import { callAction, callLoader, cookieFor, json, makeRequest } from '#tests/helpers';

// Erasure (issue 16 item 3, ADR 027): what a member's removal leaves behind, checked in every
// column of every table, and who may do it when.

let orgId: string;
beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
});

const DAY = 24 * 60 * 60 * 1000;

/** A member with a trace in as many tables as a member leaves one, named so nothing else matches. */
async function memberWithTraces() {
  const tag = randomUUID().slice(0, 8);
  const person = {
    name: `Eemeli Poistettava ${tag}`,
    email: `eemeli.${tag}@example.test`,
    phone: `+358 40 ${tag}`,
  };
  const user = await makeUser(db, {
    role: 'adviser',
    organisationId: orgId,
    email: person.email,
    name: person.name,
  });
  await db.user.update({
    where: { id: user.id },
    data: {
      phone: person.phone,
      knowTopics: ['banking'],
      directoryShows: ['phone', 'email'],
      digestToken: `d-${tag}`,
    },
  });
  const other = await makeUser(db, { role: 'adviser', organisationId: orgId });
  const category = await makeCategory(db);
  const own = await makeThread(db, {
    categoryId: category.id,
    authorId: user.id,
    title: `Oma kysymys ${tag}`,
    text: `Oman kysymyksen teksti ${tag}`,
    replies: [{ authorId: other.id, text: 'Vastaus toiselta' }],
  });
  const theirs = await makeThread(db, {
    categoryId: category.id,
    authorId: other.id,
    title: `Toisen kysymys ${tag}`,
    replies: [{ authorId: user.id, text: `Vastaukseni ${tag}` }],
  });
  const alone = await makeThread(db, {
    categoryId: category.id,
    authorId: user.id,
    title: `Yksinäinen kysymys ${tag}`,
    text: `Kukaan ei vastannut ${tag}`,
  });
  await db.forumReaction.create({ data: { postId: theirs.questionId, userId: user.id, kind: 'thanks' } });
  await db.forumThreadFollow.create({ data: { threadId: theirs.id, userId: user.id } });
  await db.notification.create({
    data: { userId: user.id, type: 'forum_reply', title: 'Uusi vastaus', url: `/forum/t/${own.id}` },
  });
  // Their name copied into someone else's notification when they replied.
  await db.notification.create({
    data: {
      userId: other.id,
      type: 'forum_reply',
      actorName: person.name,
      title: `Toisen kysymys ${tag}`,
      url: `/forum/t/${theirs.id}`,
    },
  });
  await makeGuidanceSession(db, { adviserId: user.id, organisationId: orgId, feedbackCode: `er${tag}` });
  await db.residentFeedback.create({
    data: {
      adviserId: user.id,
      organisationId: orgId,
      rating: 5,
      language: 'fi',
      date: new Date('2026-11-30'),
    },
  });
  // A help time they added, and a shift they took and cancelled with their number in the reason.
  const point = await makeSupportPoint(db);
  const slot = await db.helpSlot.create({
    data: {
      supportPointId: point.id,
      weekdays: [2],
      startsAt: '10:00',
      endsAt: '12:00',
      validFrom: new Date('2026-11-01'),
      createdById: user.id,
    },
  });
  await db.shift.create({
    data: {
      slotId: slot.id,
      date: new Date('2026-12-08'),
      userId: user.id,
      cancelledAt: new Date(),
      cancelReason: `Sairastuin, soita ${person.phone}`,
    },
  });
  await db.invite.create({
    data: {
      tokenHash: `invite-${tag}`,
      email: person.email,
      organisationId: orgId,
      roles: ['adviser'],
      invitedById: other.id,
      expiresAt: new Date(Date.now() + DAY),
      usedAt: new Date(),
      userId: user.id,
    },
  });
  await db.calendarFeed.create({ data: { userId: user.id, tokenHash: `feed-${tag}` } });
  await db.rateLimit.create({
    data: { key: `login:${person.email}`, hits: 1, resetAt: new Date(Date.now() + DAY) },
  });
  await db.email.create({
    data: { to: person.email, subject: 'Tervetuloa', text: person.name, html: person.name },
  });
  await writeAudit(db, { action: 'login_failed', ip: '198.51.100.23', details: { email: person.email } });
  await writeAudit(db, { action: 'login', actorId: user.id, ip: '198.51.100.23' });
  const picture = await db.upload.create({
    data: { ownerId: user.id, scope: 'forum', fileName: `kuva-${tag}.png`, mime: 'image/png', byteSize: 4 },
  });
  fs.mkdirSync(path.dirname(filePath(picture.id)), { recursive: true });
  fs.writeFileSync(filePath(picture.id), 'png!');
  // A copy of their data, with its file.
  const cookie = await cookieFor(user.id);
  expect((await callAction(dataRoute, makeRequest('/profile/data', { cookie, form: {} }))).status).toBe(200);
  await runDueJobs();
  const copy = await db.dataExport.findFirstOrThrow({ where: { userId: user.id } });
  expect(fs.existsSync(exportPath(copy.id))).toBe(true);
  return { user, other, person, tag, cookie, own, theirs, alone, picture, copy };
}

async function ask(cookie: string, posts: 'keep' | 'delete') {
  const form = { intent: 'request', posts };
  const first = await json(
    await callAction(removeRoute, makeRequest('/profile/remove-account', { cookie, form })),
  );
  expect(first.confirm).toBe('request');
  const confirmed = await callAction(
    removeRoute,
    makeRequest('/profile/remove-account', { cookie, form: { ...form, confirmed: 'yes' } }),
  );
  expect(confirmed.status).toBe(200);
}

/** Every row of every table holding one of these strings in any text, JSON or array column. */
async function whereFound(needles: string[]) {
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
    WHERE table_schema = current_schema()
      AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')
      AND table_name NOT LIKE '\\_prisma%'`;
  const found: string[] = [];
  for (const { table, column } of columns) {
    for (const needle of needles) {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE lower("${column}"::text) LIKE '%' || lower($1) || '%'`,
        needle,
      );
      if (rows[0]!.n) found.push(`${table}.${column} holds "${needle}" (${rows[0]!.n})`);
    }
  }
  return found;
}

/** Tables with a foreign key to app_user, and the column. */
async function memberColumns() {
  return db.$queryRaw<{ table: string; column: string }[]>`
    SELECT kcu.table_name::text AS "table", kcu.column_name::text AS "column"
    FROM information_schema.referential_constraints rc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name
    JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name
    WHERE ccu.table_name = 'app_user' AND kcu.table_schema = current_schema()`;
}

async function rowsReferring(userId: string) {
  const counts: Record<string, number> = {};
  for (const { table, column } of await memberColumns()) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = $1::uuid`,
      userId,
    );
    if (row!.n) counts[`${table}.${column}`] = row!.n;
  }
  return counts;
}

describe('a member asks for their account to be removed', () => {
  it('is erased 30 days later by the queue, and no column of any table still holds their name, address or phone', async () => {
    const m = await memberWithTraces();
    const needles = [m.person.name, m.person.email, m.person.phone];
    expect((await whereFound(needles)).length).toBeGreaterThan(0);
    await ask(m.cookie, 'keep');
    const page = await json<{ state: { dueAt: string; deletesPosts: boolean } | null }>(
      await callLoader(removeRoute, makeRequest('/profile/remove-account', { cookie: m.cookie })),
    );
    expect(page.state?.deletesPosts).toBe(false);
    // Told by e-mail, with the date and the way back.
    const told = await db.email.findFirstOrThrow({
      where: { to: m.person.email, subject: { contains: 'poistumassa' } },
    });
    expect(told.text).toContain('/profile/remove-account');
    expect(new Date(page.state!.dueAt).getTime() - Date.now()).toBeGreaterThan(29 * DAY);
    // Not yet: the job waits for its day.
    await runDueJobs();
    expect((await db.user.findUniqueOrThrow({ where: { id: m.user.id } })).erasedAt).toBeNull();

    // Thirty days later.
    await db.user.update({
      where: { id: m.user.id },
      data: { erasureRequestedAt: new Date(Date.now() - 31 * DAY) },
    });
    await db.job.updateMany({ where: { uniqueKey: `erase:${m.user.id}` }, data: { runAt: new Date() } });
    await runDueJobs();

    expect(await whereFound(needles)).toEqual([]);
    const row = await db.user.findUniqueOrThrow({ where: { id: m.user.id } });
    expect(row).toMatchObject({
      name: '',
      phone: '',
      status: 'deactivated',
      digestToken: null,
      knowTopics: [],
      directoryShows: [],
    });
    expect(row.erasedAt).not.toBeNull();
    expect(row.email).toBe(`former-${m.user.id}@erased.invalid`);
    // What still points at the account: content that stays (their posts, kept as they chose, and
    // the pictures in them) and the audit log's record of what the account did (without addresses).
    expect(Object.keys(await rowsReferring(m.user.id)).sort()).toEqual([
      'audit_log.actor_id',
      'forum_post.author_id',
      'forum_thread.author_id',
      'upload.owner_id',
    ]);
    expect(await db.auditLog.count({ where: { actorId: m.user.id, NOT: { ip: '' } } })).toBe(0);
    // Guidance entries and residents' answers stay in the figures without the adviser.
    expect(await db.guidanceSession.count({ where: { feedbackCode: `er${m.tag}`, adviserId: null } })).toBe(
      1,
    );
    // No way back in: the old session is gone and the copy's file with it.
    expect(
      (await callLoader(removeRoute, makeRequest('/profile/remove-account', { cookie: m.cookie }))).status,
    ).toBe(302);
    expect(fs.existsSync(exportPath(m.copy.id))).toBe(false);
    // Their posts stay, text and all, with a name nobody has.
    const other = await cookieFor(m.other.id);
    const thread = await json<{ posts: { author: { name: string }; bodyHtml: string }[] }>(
      await callLoader(threadRoute, makeRequest(`/forum/t/${m.theirs.id}`, { cookie: other }), {
        id: m.theirs.id,
      }),
    );
    const reply = thread.posts.find((p) => p.bodyHtml.includes(`Vastaukseni ${m.tag}`));
    expect(reply?.author.name).toBe('');
    expect(fs.existsSync(filePath(m.picture.id))).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: 'member_erased', targetId: m.user.id },
    });
    expect(audit.actorId).toBeNull();
    expect(audit.details).toMatchObject({ by: 'schedule', deletesPosts: false });
  });

  it('with "remove my posts too": their posts are emptied, a thread nobody else wrote in goes, their pictures go', async () => {
    const m = await memberWithTraces();
    await ask(m.cookie, 'delete');
    const admin = await makeUser(db, { role: 'org_admin', organisationId: orgId });
    const cookie = await cookieFor(admin.id);
    const review = await json<{ requests: { id: string; erasureDeletesPosts: boolean }[] }>(
      await callLoader(reviewRoute, makeRequest('/members/erasure', { cookie })),
    );
    expect(review.requests.find((r) => r.id === m.user.id)?.erasureDeletesPosts).toBe(true);
    const form = { intent: 'erase', memberId: m.user.id };
    expect(
      (await json(await callAction(reviewRoute, makeRequest('/members/erasure', { cookie, form })))).confirm,
    ).toBe('erase');
    const erased = await callAction(
      reviewRoute,
      makeRequest('/members/erasure', { cookie, form: { ...form, confirmed: 'yes' } }),
    );
    expect(erased.status).toBe(200);

    expect(await whereFound([m.person.name, m.person.email, m.person.phone, `Vastaukseni ${m.tag}`])).toEqual(
      [],
    );
    expect(await db.forumThread.count({ where: { id: m.alone.id } })).toBe(0);
    // Others answered their question: the thread stays, their question's text does not.
    const question = await db.forumPost.findUniqueOrThrow({ where: { id: m.own.questionId } });
    expect(question.deletedAt).not.toBeNull();
    expect(question.bodyText).toBe('');
    expect(await db.forumPost.count({ where: { threadId: m.own.id, deletedAt: null } })).toBe(1);
    expect(await db.searchDocument.count({ where: { body: { contains: m.tag } } })).toBe(0);
    expect(await db.upload.count({ where: { id: m.picture.id } })).toBe(0);
    expect(fs.existsSync(filePath(m.picture.id))).toBe(false);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: 'member_erased', targetId: m.user.id },
    });
    expect(audit).toMatchObject({ actorId: admin.id, details: { by: 'admin', deletesPosts: true } });
    // Gone from the member pages: not listed, not found, not to be reactivated.
    const list = await json<{ members: { id: string }[] }>(
      await callLoader(membersRoute, makeRequest(`/members?q=${m.tag}`, { cookie })),
    );
    expect(list.members).toEqual([]);
    expect(
      (await callLoader(memberRoute, makeRequest(`/members/${m.user.id}`, { cookie }), { id: m.user.id }))
        .status,
    ).toBe(404);
    expect(
      (
        await callAction(
          memberRoute,
          makeRequest(`/members/${m.user.id}`, { cookie, form: { intent: 'reactivate' } }),
          { id: m.user.id },
        )
      ).status,
    ).toBe(404);
    // Erasing twice finds nobody.
    expect(
      (
        await callAction(
          reviewRoute,
          makeRequest('/members/erasure', { cookie, form: { ...form, confirmed: 'yes' } }),
        )
      ).status,
    ).toBe(404);
  });

  it('a member who changes their mind keeps everything, and the queued erasure does nothing', async () => {
    const m = await memberWithTraces();
    await ask(m.cookie, 'keep');
    const again = await callAction(
      removeRoute,
      makeRequest('/profile/remove-account', {
        cookie: m.cookie,
        form: { intent: 'request', posts: 'keep', confirmed: 'yes' },
      }),
    );
    expect(again.status).toBe(409);
    const cancelled = await callAction(
      removeRoute,
      makeRequest('/profile/remove-account', { cookie: m.cookie, form: { intent: 'cancel' } }),
    );
    expect(cancelled.status).toBe(200);
    expect(await db.job.count({ where: { uniqueKey: `erase:${m.user.id}` } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'erasure_cancelled', targetId: m.user.id } })).toBe(1);
    await db.user.update({ where: { id: m.user.id }, data: { erasureRequestedAt: null } });
    await runDueJobs();
    const row = await db.user.findUniqueOrThrow({ where: { id: m.user.id } });
    expect(row).toMatchObject({ name: m.person.name, erasedAt: null, erasureRequestedAt: null });
    // Nothing to cancel now: said so, nothing changes.
    const nothing = await callAction(
      removeRoute,
      makeRequest('/profile/remove-account', { cookie: m.cookie, form: { intent: 'cancel' } }),
    );
    expect(nothing.status).toBe(409);
    // A choice that is not offered is refused next to the field.
    const bad = await callAction(
      removeRoute,
      makeRequest('/profile/remove-account', {
        cookie: m.cookie,
        form: { intent: 'request', posts: 'everything' },
      }),
    );
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ errors: { posts: { key: 'validation.required' } } });
  });
});

describe('who may erase whom, and when', () => {
  it('an org admin of another organisation cannot; nobody erases a member who neither asked nor has been deactivated long enough', async () => {
    const m = await memberWithTraces();
    await ask(m.cookie, 'keep');
    const stranger = await makeUser(db, {
      role: 'org_admin',
      organisationId: (await makeOrganisation(db)).id,
    });
    const strangerCookie = await cookieFor(stranger.id);
    const review = await json<{ requests: { id: string }[] }>(
      await callLoader(reviewRoute, makeRequest('/members/erasure', { cookie: strangerCookie })),
    );
    expect(review.requests.map((r) => r.id)).not.toContain(m.user.id);
    const form = { intent: 'erase', memberId: m.user.id, confirmed: 'yes' };
    expect(
      (await callAction(reviewRoute, makeRequest('/members/erasure', { cookie: strangerCookie, form })))
        .status,
    ).toBe(404);

    const active = await makeUser(db, { role: 'adviser', organisationId: orgId });
    const admin = await makeUser(db, { role: 'admin', organisationId: orgId });
    const cookie = await cookieFor(admin.id);
    const refused = await callAction(
      reviewRoute,
      makeRequest('/members/erasure', { cookie, form: { ...form, memberId: active.id } }),
    );
    expect(refused.status).toBe(409);
    expect((await db.user.findUniqueOrThrow({ where: { id: active.id } })).erasedAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: m.user.id } })).erasedAt).toBeNull();
  });

  it('members deactivated longer than the review period are listed for an admin, and may be erased', async () => {
    const long = await makeUser(db, { role: 'adviser', organisationId: orgId, status: 'deactivated' });
    const recent = await makeUser(db, { role: 'adviser', organisationId: orgId, status: 'deactivated' });
    await db.user.update({
      where: { id: long.id },
      data: { deactivatedAt: new Date(Date.now() - 25 * 31 * DAY) },
    });
    await db.user.update({
      where: { id: recent.id },
      data: { deactivatedAt: new Date(Date.now() - 23 * 30 * DAY) },
    });
    const admin = await makeUser(db, { role: 'admin', organisationId: orgId });
    const cookie = await cookieFor(admin.id);
    const review = await json<{ dormant: { id: string }[]; months: number }>(
      await callLoader(reviewRoute, makeRequest('/members/erasure', { cookie })),
    );
    expect(review.months).toBe(24);
    const listed = review.dormant.map((d) => d.id);
    expect(listed).toContain(long.id);
    expect(listed).not.toContain(recent.id);
    const form = { intent: 'erase', memberId: long.id, confirmed: 'yes' };
    expect((await callAction(reviewRoute, makeRequest('/members/erasure', { cookie, form }))).status).toBe(
      200,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: long.id } })).erasedAt).not.toBeNull();
    const recentForm = { ...form, memberId: recent.id };
    expect(
      (await callAction(reviewRoute, makeRequest('/members/erasure', { cookie, form: recentForm }))).status,
    ).toBe(409);
  });
});
