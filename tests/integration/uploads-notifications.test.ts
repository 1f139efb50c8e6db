import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { env } from '~/env.server';
import { sendDigests, nextDigestAt } from '~/domain/notifications/digest.server';
import * as uploadRoute from '~/routes/forum.uploads';
import * as imageRoute from '~/routes/uploads.$id';
import * as notificationsRoute from '~/routes/notifications._index';
import * as openNotificationRoute from '~/routes/notifications.$id';
import * as preferencesRoute from '~/routes/profile.notifications';
import * as rootRoute from '~/root';
import { statementCount } from '~/db/adapters.server';
import * as threadRoute from '~/routes/forum.t.$id';
import { makeCategory, makeOrganisation, makeThread } from '#tests/factories';
import { callAction, callLoader, json, loginAs, makeRequest, ORIGIN } from '#tests/helpers';

let orgId: string;
beforeAll(async () => {
  orgId = (await makeOrganisation(db)).id;
});

function uploadRequest(cookie: string, bytes: Uint8Array, name = 'kuva.jpg', type = 'image/jpeg') {
  const form = new FormData();
  form.append('image', new Blob([new Uint8Array(bytes)], { type }), name);
  return new Request(`${ORIGIN}/forum/uploads`, {
    method: 'POST',
    body: form,
    headers: { Cookie: cookie, Origin: ORIGIN },
  });
}

describe('images in posts', () => {
  it('are re-encoded without metadata, stored outside public/ and served only to members', async () => {
    const { cookie } = await loginAs('adviser', orgId);
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0000bf' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Asukas Esimerkki', ImageDescription: 'Kotiosoite 1' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const response = await callAction(uploadRoute, uploadRequest(cookie, photo));
    expect(response.status).toBe(200);
    const { url } = await json<{ url: string }>(response);
    const id = url.split('/').pop()!;
    const stored = path.resolve(env().UPLOAD_DIR, id.slice(0, 2), `${id}.webp`);
    expect(stored.startsWith(path.resolve('public'))).toBe(false);
    const meta = await sharp(fs.readFileSync(stored)).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 64, height: 48 });
    expect(meta.exif).toBeUndefined();

    const served = await callLoader(imageRoute, makeRequest(url, { cookie }), { id });
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/webp');
    const anonymous = await callLoader(imageRoute, makeRequest(url), { id });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login/);
    expect(
      (await callLoader(imageRoute, makeRequest('/uploads/nope', { cookie }), { id: 'nope' })).status,
    ).toBe(404);
  });

  it('are checked by content, not by name, and limited in size', async () => {
    const { cookie } = await loginAs('adviser', orgId);
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    const renamed = await callAction(uploadRoute, uploadRequest(cookie, pdf, 'kuva.png', 'image/png'));
    expect(renamed.status).toBe(400);
    expect((await json<{ message: string }>(renamed)).message).toBe(
      'Tiedosto ei ole JPEG-, PNG-, WebP- tai GIF-kuva.',
    );
    const huge = new Uint8Array(env().MAX_IMAGE_MB * 1024 * 1024 + 1);
    const tooBig = await callAction(uploadRoute, uploadRequest(cookie, huge));
    expect(tooBig.status).toBe(413);
    expect(
      await db.upload.count({
        where: { owner: { email: { contains: 'member-' } }, byteSize: { gt: 1_000_000 } },
      }),
    ).toBe(0);
  });
});

describe('notifications', () => {
  async function threadOf(userId: string) {
    return makeThread(db, { categoryId: (await makeCategory(db)).id, authorId: userId });
  }
  const reply = (cookie: string, id: string, text: string) =>
    callAction(
      threadRoute,
      makeRequest(`/forum/t/${id}`, { cookie, form: { intent: 'reply', bodyText: text } }),
      { id },
    );

  it('the bell counts unread; opening one marks it read and goes to the post; mark all read', async () => {
    const asker = await loginAs('adviser', orgId);
    const t = await threadOf(asker.user.id);
    const a = await loginAs('adviser', orgId);
    const b = await loginAs('adviser', orgId);
    await reply(a.cookie, t.id, 'Ensimmäinen vastaus');
    await reply(b.cookie, t.id, 'Toinen vastaus');
    const bell = async () =>
      (
        await json<{ unreadNotifications: number }>(
          await callLoader(rootRoute, makeRequest('/', { cookie: asker.cookie })),
        )
      ).unreadNotifications;
    expect(await bell()).toBe(2);

    const list = await json<{ items: { id: string; url: string; type: string }[] }>(
      await callLoader(notificationsRoute, makeRequest('/notifications', { cookie: asker.cookie })),
    );
    const first = list.items[1]!;
    const opened = await callLoader(
      openNotificationRoute,
      makeRequest(`/notifications/${first.id}`, { cookie: asker.cookie }),
      { id: first.id },
    );
    expect(opened.headers.get('Location')).toBe(first.url);
    expect(await bell()).toBe(1);
    // Someone else's notification is a 404.
    expect(
      (
        await callLoader(
          openNotificationRoute,
          makeRequest(`/notifications/${first.id}`, { cookie: a.cookie }),
          { id: first.id },
        )
      ).status,
    ).toBe(404);
    // The bell is counted by the statement that checks the session: a page costs no extra round trip.
    const before = statementCount();
    expect(await bell()).toBe(1);
    expect(statementCount() - before).toBe(1);
    // Without JavaScript, "mark all read" and the page after it are one request: the bell is
    // counted again after the action, not taken from the session check before it.
    const markAll = makeRequest('/notifications', { cookie: asker.cookie, form: {} });
    await callAction(notificationsRoute, markAll);
    expect(
      (await json<{ unreadNotifications: number }>(await callLoader(rootRoute, markAll))).unreadNotifications,
    ).toBe(0);
    expect(await bell()).toBe(0);
  });

  it('each member chooses per type: off, in the app, e-mail now, or a daily digest', async () => {
    const asker = await loginAs('adviser', orgId);
    // Only the notification digest here; the news digest has its own tests (home-feed.test.ts).
    await db.user.update({ where: { id: asker.user.id }, data: { digestFrequency: 'off' } });
    const save = (prefs: Record<string, string>) =>
      callAction(
        preferencesRoute,
        makeRequest('/profile/notifications', { cookie: asker.cookie, form: prefs }),
      );
    const all = {
      forum_reply: 'off',
      forum_new_thread: 'app',
      forum_mention: 'email',
      forum_accepted: 'app',
      forum_moderation: 'email',
      event_promoted: 'email',
      event_changed: 'email',
      event_cancelled: 'app',
      event_reminder: 'digest',
      event_followup: 'app',
      briefing_published: 'email',
      briefing_updated: 'app',
      briefing_reminder: 'off',
      feedback_new: 'app',
      feedback_status: 'email',
      briefing_question: 'app',
      briefing_answer: 'email',
    };
    expect((await save({ ...all, forum_reply: 'loud' })).status).toBe(400);
    expect((await save(all)).status).toBe(200);
    const t = await threadOf(asker.user.id);
    const replier = await loginAs('adviser', orgId);
    await reply(replier.cookie, t.id, 'Ei ilmoitusta tästä');
    expect(await db.notification.count({ where: { userId: asker.user.id } })).toBe(0);

    await save({ ...all, forum_reply: 'digest' });
    await db.rateLimit.deleteMany({ where: { key: `forum-post:${replier.user.id}` } });
    await reply(replier.cookie, t.id, 'Koosteeseen menevä vastaus');
    const note = await db.notification.findFirstOrThrow({ where: { userId: asker.user.id } });
    expect(note).toMatchObject({ delivery: 'digest', digestedAt: null });
    expect(await db.email.count({ where: { to: asker.user.email } })).toBe(0);

    expect(await sendDigests('https://tukiverkko.test')).toBeGreaterThanOrEqual(1);
    const digest = await db.email.findFirstOrThrow({ where: { to: asker.user.email } });
    expect(digest.subject).toBe('Tukiverkko: 1 uusi ilmoitus');
    expect(digest.text).toContain(`https://tukiverkko.test${note.url}`);
    await sendDigests('https://tukiverkko.test'); // nothing twice
    expect(await db.email.count({ where: { to: asker.user.email } })).toBe(1);
  });

  it('the daily digest runs at 07:00 Helsinki time, summer and winter', () => {
    expect(nextDigestAt(new Date('2026-07-01T03:00:00Z')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(nextDigestAt(new Date('2026-07-01T05:00:00Z')).toISOString()).toBe('2026-07-02T04:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-01T04:59:00Z')).toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
});
