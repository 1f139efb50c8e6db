import { createCookie } from '@remix-run/node';
import { RemixI18Next } from 'remix-i18next/server';
import { getUser } from '~/auth/guards.server';
import { isHttpsDeployment } from '~/env.server';
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, isLanguage, type Language } from './config';
import { resources } from './resources.server';

export const languageCookie = createCookie('tk_lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  secure: isHttpsDeployment(),
});

// Order: ?lng= forces, then the profile of a logged-in user, then the cookie set by the
// switcher before login, then the browser's Accept-Language, then Finnish.
export const i18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    searchParamKey: 'lng',
    cookie: languageCookie,
    order: ['searchParams', 'custom', 'cookie', 'header'],
    async findLocale(request) {
      const user = await getUser(request);
      return user?.locale ?? null;
    },
  },
  i18next: {
    supportedLngs: [...LANGUAGES],
    fallbackLng: DEFAULT_LANGUAGE,
    defaultNS: 'common',
    ns: [...NAMESPACES],
    resources,
    interpolation: { escapeValue: false },
  },
});

// The same order without the profile: error pages render from this, so a page can still be
// shown in the member's language while the database is down (issue 20).
const withoutAccount = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    searchParamKey: 'lng',
    cookie: languageCookie,
    order: ['searchParams', 'cookie', 'header'],
  },
});

/** The language from the address, the language cookie or the browser: no database needed. */
export async function getLanguageWithoutAccount(request: Request): Promise<Language> {
  const locale = await withoutAccount.getLocale(request);
  return isLanguage(locale) ? locale : DEFAULT_LANGUAGE;
}

export async function getLanguage(request: Request): Promise<Language> {
  const locale = await i18n.getLocale(request);
  return isLanguage(locale) ? locale : DEFAULT_LANGUAGE;
}
