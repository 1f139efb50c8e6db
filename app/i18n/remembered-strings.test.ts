import { createInstance, type i18n as I18n } from 'i18next';
import { expect, it, vi } from 'vitest';
import { LANGUAGES, NAMESPACES, DEFAULT_LANGUAGE } from './config';
import { rememberPlainStrings } from './remembered-strings.server';
import { resources } from './resources.server';

async function instance() {
  const i18n = createInstance();
  await i18n.init({
    lng: 'fi',
    fallbackLng: 'fi',
    ns: ['common', 'forum'],
    defaultNS: 'common',
    resources: {
      fi: {
        common: {
          save: 'Tallenna',
          hello: 'Hei {{name}}',
          posts_one: '{{count}} viesti',
          posts_other: '{{count}} viestiä',
          posts_zero: 'Ei viestejä',
          nested: 'Katso $t(save) {{name}}',
        },
        forum: { title: 'Keskustelu' },
      },
      sv: { common: { save: 'Spara' } },
    },
    interpolation: { escapeValue: false },
  });
  return rememberPlainStrings(i18n);
}

/** i18next's resolver, which every t() call it answers ends in (not in its public types). */
function spyOnResolver(i18n: I18n) {
  const { translator } = i18n as unknown as { translator: { translate: (...args: unknown[]) => unknown } };
  return vi.spyOn(translator, 'translate');
}

it('resolves a string once, and a string with values once per plural form', async () => {
  const i18n = await instance();
  const translate = spyOnResolver(i18n);
  // As react-i18next's useTranslation asks: a fixed t for the page's language and namespace.
  const t = i18n.getFixedT('fi', 'common');
  expect(t('save')).toBe('Tallenna');
  expect(t('save')).toBe('Tallenna');
  expect(translate).toHaveBeenCalledTimes(1);
  expect(t('hello', { name: 'Aino' })).toBe('Hei Aino');
  expect(t('hello', { name: 'Eino' })).toBe('Hei Eino');
  expect(translate).toHaveBeenCalledTimes(2);
  expect(t('posts', { count: 1 })).toBe('1 viesti');
  expect(t('posts', { count: 3 })).toBe('3 viestiä');
  expect(t('posts', { count: 21 })).toBe('21 viestiä');
  expect(t('posts', { count: 0 })).toBe('Ei viestejä');
  expect(translate).toHaveBeenCalledTimes(5);
  // The next component asking for the same fixed t gets the same one, with what it remembers.
  expect(i18n.getFixedT('fi', 'common')).toBe(t);
  expect(i18n.getFixedT('fi', 'forum')).not.toBe(t);
  expect(i18n.getFixedT('fi', 'common')('save')).toBe('Tallenna');
  expect(translate).toHaveBeenCalledTimes(5);
});

it('leaves to i18next what a substitution would get wrong, every time', async () => {
  const i18n = await instance();
  const translate = spyOnResolver(i18n);
  const t = i18n.getFixedT('fi', 'common');
  expect(t('nested', { name: 'Aino' })).toBe('Katso Tallenna Aino');
  expect(t('nested', { name: 'Aino' })).toBe('Katso Tallenna Aino');
  // A missing value: i18next keeps the placeholder.
  expect(t('hello')).toBe('Hei {{name}}');
  expect(t('hello', { other: 'x' })).toBe('Hei {{name}}');
  expect(t('hello', { name: null })).toBe('Hei ');
  expect(t('missing', { defaultValue: 'Oletus {{name}}', name: 'Aino' })).toBe('Oletus Aino');
  expect(translate.mock.calls.length).toBeGreaterThanOrEqual(7);
});

it('keeps namespaces, key prefixes and languages apart', async () => {
  const i18n = await instance();
  expect(i18n.getFixedT('fi', 'forum')('title')).toBe('Keskustelu');
  expect(i18n.getFixedT('fi', 'common')('title')).toBe('title');
  expect(i18n.getFixedT('fi', 'common')('forum:title')).toBe('Keskustelu');
  expect(i18n.getFixedT('sv', 'common')('save')).toBe('Spara');
  expect(i18n.getFixedT('fi', 'common')('save')).toBe('Tallenna');
  expect(i18n.t('save', { lng: 'sv' })).toBe('Spara');
  expect(i18n.getFixedT('sv', 'common')('hello', { name: 'Aino' })).toBe('Hei Aino');
});

/** Every key of a namespace's strings, nested keys joined by dots, plural suffixes taken off. */
function keysOf(tree: unknown, prefix = ''): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const [name, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = `${prefix}${name}`;
    if (typeof value === 'string') {
      const key = path.replace(/_(zero|one|two|few|many|other)$/, '');
      keys.set(key, [...(keys.get(key) ?? []), value]);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, texts] of keysOf(value, `${path}.`))
        keys.set(key, [...(keys.get(key) ?? []), ...texts]);
    }
  }
  return keys;
}

it('answers every string of the app in every language exactly as i18next does', async () => {
  const options = {
    fallbackLng: DEFAULT_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
  };
  let compared = 0;
  for (const lng of LANGUAGES) {
    const plain = createInstance();
    await plain.init({ ...options, lng });
    const remembered = createInstance();
    await remembered.init({ ...options, lng });
    rememberPlainStrings(remembered);
    for (const ns of NAMESPACES) {
      const expected = plain.getFixedT(lng, ns);
      const actual = remembered.getFixedT(lng, ns);
      // The Finnish strings name every key; the other languages fall back to them.
      for (const [key, texts] of keysOf(resources[DEFAULT_LANGUAGE][ns])) {
        const names = new Set(
          texts.flatMap((text) => [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.trim())),
        );
        names.delete('count');
        // Text with characters that mean something to i18next or to a replace() call.
        const values = Object.fromEntries(
          [...names].map((n, i) => [n, i % 2 ? 7 : ` Ä${n} $& {{x}} $t(save) `]),
        );
        const calls = [
          values,
          ...[0, 1, 2, 5, 21, 1.5].map((count) => ({ ...values, count })),
          {}, // every value missing
        ];
        for (const call of calls) {
          // Twice: the second answer comes from what was kept.
          for (let round = 0; round < 2; round++) {
            expect(actual(key, call), `${lng} ${ns}:${key} ${JSON.stringify(call)}`).toEqual(
              expected(key, call),
            );
            compared++;
          }
        }
      }
    }
  }
  expect(compared).toBeGreaterThan(10_000);
});
