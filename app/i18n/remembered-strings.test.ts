import { createInstance } from 'i18next';
import { expect, it, vi } from 'vitest';
import { rememberPlainStrings } from './remembered-strings.server';

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
        },
        forum: { title: 'Keskustelu' },
      },
      sv: { common: { save: 'Spara' } },
    },
    interpolation: { escapeValue: false },
  });
  return rememberPlainStrings(i18n);
}

it('resolves a string without values once, and strings with values or a count every time', async () => {
  const i18n = await instance();
  // i18next's resolver, which every t() call ends in (not in its public types).
  const { translator } = i18n as unknown as { translator: { translate: (...args: unknown[]) => unknown } };
  const translate = vi.spyOn(translator, 'translate');
  // As react-i18next's useTranslation asks: a fixed t for the page's language and namespace.
  const t = i18n.getFixedT('fi', 'common');
  expect(t('save')).toBe('Tallenna');
  expect(t('save')).toBe('Tallenna');
  expect(translate).toHaveBeenCalledTimes(1);
  expect(t('hello', { name: 'Aino' })).toBe('Hei Aino');
  expect(t('hello', { name: 'Eino' })).toBe('Hei Eino');
  expect(t('posts', { count: 1 })).toBe('1 viesti');
  expect(t('posts', { count: 3 })).toBe('3 viestiä');
  expect(translate).toHaveBeenCalledTimes(5);
});

it('keeps namespaces, key prefixes and languages apart', async () => {
  const i18n = await instance();
  expect(i18n.getFixedT('fi', 'forum')('title')).toBe('Keskustelu');
  expect(i18n.getFixedT('fi', 'common')('title')).toBe('title');
  expect(i18n.getFixedT('fi', 'common')('forum:title')).toBe('Keskustelu');
  expect(i18n.getFixedT('sv', 'common')('save')).toBe('Spara');
  expect(i18n.getFixedT('fi', 'common')('save')).toBe('Tallenna');
  expect(i18n.t('save', { lng: 'sv' })).toBe('Spara');
});
