// Issue 14, item 7: notification settings as three presets, the detailed table behind them.
import { describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as route from '~/routes/profile.notifications';
import { DEFAULT_CHANNEL, NOTIFICATION_TYPES } from '~/domain/notifications/constants';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

type Loaded = { preset: string | null; types: string[]; preferences: Record<string, string> };

async function channelsOf(userId: string) {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  return Object.fromEntries(rows.map((r) => [r.type, r.channel]));
}

describe('notification presets', () => {
  it('start as "important only", and a preset sets every type at once', async () => {
    const { user, cookie } = await loginAs('adviser');
    const before = await json<Loaded>(
      await callLoader(route, makeRequest('/profile/notifications', { cookie })),
    );
    expect(before.preset).toBe('important');
    const saved = await callAction(
      route,
      makeRequest('/profile/notifications', { cookie, form: { intent: 'preset', preset: 'digest' } }),
    );
    expect(saved.status).toBe(200);
    const channels = await channelsOf(user.id);
    // Everything by digest, except what is told in the app only (mail failing: mail is what fails).
    expect(NOTIFICATION_TYPES.filter((t) => channels[t] !== 'digest')).toEqual(['mail_failing']);
    expect(channels.mail_failing).toBe('app');
    const after = await json<Loaded>(
      await callLoader(route, makeRequest('/profile/notifications', { cookie })),
    );
    expect(after.preset).toBe('digest');
  });

  it('hide types that cannot happen to the member, and a custom save keeps those as they were', async () => {
    const { user, cookie } = await loginAs('adviser');
    const loaded = await json<Loaded>(
      await callLoader(route, makeRequest('/profile/notifications', { cookie })),
    );
    expect(loaded.types).toContain('forum_reply');
    expect(loaded.types).not.toContain('briefing_question');
    expect(loaded.types).not.toContain('feedback_new');
    const form = Object.fromEntries(loaded.types.map((t) => [t, 'off']));
    form.forum_mention = 'email';
    expect((await callAction(route, makeRequest('/profile/notifications', { cookie, form }))).status).toBe(
      200,
    );
    const channels = await channelsOf(user.id);
    expect(channels.forum_reply).toBe('off');
    expect(channels.forum_mention).toBe('email');
    expect(channels.briefing_question).toBe(DEFAULT_CHANNEL.briefing_question);
    const after = await json<Loaded>(
      await callLoader(route, makeRequest('/profile/notifications', { cookie })),
    );
    expect(after.preset).toBeNull();
  });

  it('refuse an unknown preset next to the field and change nothing', async () => {
    const { user, cookie } = await loginAs('trainer');
    const response = await callAction(
      route,
      makeRequest('/profile/notifications', { cookie, form: { intent: 'preset', preset: 'loud' } }),
    );
    expect(response.status).toBe(400);
    expect((await json<{ errors: Record<string, { key: string }> }>(response)).errors.preset?.key).toBe(
      'validation.invalid',
    );
    expect(await channelsOf(user.id)).toEqual({});
  });
});
