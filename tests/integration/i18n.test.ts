import { describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import type { AuthUser } from '~/auth/guards.server';
import { PERMISSION_KEYS } from '~/auth/roles';
import { navigationFor } from '~/components/navigation';
import { notificationEmail } from '~/domain/mail/templates.server';
import { NOTIFICATION_TYPES } from '~/domain/notifications/constants';
import { formatDateTime } from '~/i18n/format';
import { i18n } from '~/i18n/i18n.server';
import { NAMESPACES } from '~/i18n/config';
import { resources } from '~/i18n/resources.server';
import { languageCookie } from '~/i18n/i18n.server';
import * as root from '~/root';
import * as setLanguage from '~/routes/set-language';
import * as strings from '~/routes/i18n.$file';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';

const rootData = (request: Request) =>
  callLoader(root, request).then((r) => json<{ language: string; stringsUrl: string }>(r));

describe('language', () => {
  it('defaults to Finnish, follows Accept-Language, the cookie, the profile and ?lng=, in that order of strength', async () => {
    expect((await rootData(makeRequest('/login'))).language).toBe('fi');
    expect(
      (await rootData(makeRequest('/login', { headers: { 'Accept-Language': 'sv-FI,sv;q=0.9' } }))).language,
    ).toBe('sv');
    const cookie = (await languageCookie.serialize('en')).split(';')[0]!;
    expect(
      (await rootData(makeRequest('/login', { cookie, headers: { 'Accept-Language': 'sv' } }))).language,
    ).toBe('en');
    const { cookie: session, user } = await loginAs('adviser');
    await db.user.update({ where: { id: user.id }, data: { locale: 'sv' } });
    expect((await rootData(makeRequest('/', { cookie: `${session}; ${cookie}` }))).language).toBe('sv');
    expect((await rootData(makeRequest('/?lng=en', { cookie: session }))).language).toBe('en');
    // The page names the chosen language's strings script; a new version is a new address.
    const { stringsUrl } = await rootData(makeRequest('/?lng=sv'));
    expect(stringsUrl).toMatch(/^\/i18n\/sv\.js\?v=[0-9a-f]{12}$/);
    const [file, query] = stringsUrl.slice('/i18n/'.length).split('?');
    const script = await callLoader(strings, makeRequest(stringsUrl), { file: file! });
    expect(script.headers.get('Content-Type')).toContain('text/javascript');
    expect(script.headers.get('Cache-Control')).toContain('immutable');
    const window = {} as { __tukiverkkoStrings?: Record<string, { common: { nav: { home: string } } }> };
    new Function('window', await script.text())(window);
    expect(window.__tukiverkkoStrings?.sv?.common.nav.home).toBe('Startsida');
    expect(query).toMatch(/^v=/);
    // An old version is still answered (a page from before a deploy), but not kept.
    const old = await callLoader(strings, makeRequest('/i18n/sv.js?v=000000000000'), { file: 'sv.js' });
    expect(old.headers.get('Cache-Control')).toBe('no-cache');
    expect((await callLoader(strings, makeRequest('/i18n/de.js'), { file: 'de.js' })).status).toBe(404);
  });

  it('the switcher sets the cookie before login and also the profile after login', async () => {
    const anon = await callAction(
      setLanguage,
      makeRequest('/set-language', { form: { language: 'sv', redirectTo: '/login?x=1' } }),
    );
    expect(anon.status).toBe(302);
    expect(anon.headers.get('Location')).toBe('/login?x=1');
    expect(await languageCookie.parse(anon.headers.get('Set-Cookie'))).toBe('sv');

    const { cookie, user } = await loginAs('trainer');
    await callAction(
      setLanguage,
      makeRequest('/set-language', { cookie, form: { language: 'en', redirectTo: 'https://evil.example' } }),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe('en');

    const bad = await callAction(setLanguage, makeRequest('/set-language', { form: { language: 'de' } }));
    expect(bad.status).toBe(400);
  });

  it('shows times in Europe/Helsinki, in each language’s format, across daylight-saving changes', () => {
    const summer = '2026-07-01T09:30:00Z'; // UTC+3
    const winter = '2026-12-01T09:30:00Z'; // UTC+2
    expect(formatDateTime(summer, 'fi')).toMatch(/1\.7\.2026.*12\.30/);
    expect(formatDateTime(winter, 'fi')).toMatch(/1\.12\.2026.*11\.30/);
    expect(formatDateTime(winter, 'sv')).toMatch(/11[.:]30/);
    expect(formatDateTime(winter, 'en')).toMatch(/1 Dec 2026.*11:30/);
  });

  it('every kind of notification has its text in the app and its e-mail in every language', async () => {
    for (const lng of ['fi', 'sv', 'en']) {
      const t = await i18n.getFixedT(lng, 'notifications');
      for (const type of NOTIFICATION_TYPES) {
        expect(t(`types.${type}.label`), `${lng} ${type}`).not.toContain('types.');
        expect(t(`types.${type}.text`, { title: 'Otsikko', actorName: 'Aino' })).toContain('Otsikko');
        const mail = await notificationEmail(lng, 'a@example.test', {
          type,
          actorName: 'Aino',
          title: 'Otsikko',
          url: 'https://x.test/y',
        });
        expect(mail.subject, `${lng} ${type}`).not.toContain('notification.');
        expect(mail.text, `${lng} ${type}`).toContain('Otsikko');
      }
    }
  });

  it('every string exists in Finnish, Swedish and English, and Swedish is not a copy of English', () => {
    const flat = (node: unknown, prefix = ''): Record<string, string> =>
      Object.entries(node as Record<string, unknown>).reduce<Record<string, string>>((out, [k, v]) => {
        const key = prefix ? `${prefix}.${k}` : k;
        return typeof v === 'object' && v !== null
          ? { ...out, ...flat(v, key) }
          : { ...out, [key]: String(v) };
      }, {});
    for (const ns of NAMESPACES) {
      const [fi, sv, en] = [flat(resources.fi[ns]), flat(resources.sv[ns]), flat(resources.en[ns])];
      expect(Object.keys(sv).sort(), `sv ${ns}`).toEqual(Object.keys(fi).sort());
      expect(Object.keys(en).sort(), `en ${ns}`).toEqual(Object.keys(fi).sort());
      for (const [key, value] of Object.entries(fi)) expect(value.trim(), `fi ${ns}:${key}`).not.toBe('');
      // Some words are the same in Swedish and English (Status, Version, iPhone); sentences are not.
      const words = (text: string) => text.replace(/\{\{\w+\}\}/g, '').match(/\p{L}+/gu)?.length ?? 0;
      const copied = Object.keys(en).filter((k) => en[k] === sv[k] && words(en[k]!) > 2);
      expect(copied, `${ns}: Swedish strings identical to the English`).toEqual([]);
    }
  });

  it('every area in the header is described on the home page in every language', async () => {
    const everything = Object.fromEntries(PERMISSION_KEYS.map((k) => [k, 'all']));
    const items = navigationFor({ permissions: everything } as unknown as AuthUser).filter(
      (i) => i.to !== '/',
    );
    expect(items.length).toBeGreaterThan(5);
    for (const lng of ['fi', 'sv', 'en']) {
      const t = await i18n.getFixedT(lng, 'common');
      for (const item of items) {
        const key = `home.describe.${item.labelKey.replace('nav.', '')}`;
        expect(t(key), `${lng} ${key}`).not.toBe(key);
        expect(t(item.labelKey), `${lng} ${item.labelKey}`).not.toBe(item.labelKey);
      }
    }
  });
});
