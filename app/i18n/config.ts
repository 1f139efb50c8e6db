export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fi';
export const NAMESPACES = [
  'common',
  'auth',
  'profile',
  'members',
  'admin',
  'email',
  'forum',
  'notifications',
  'library',
  'events',
  'briefings',
  'feedback',
  'reports',
  'supportPoints',
  'accessibility',
  'help',
  'privacy',
  'roster',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
export const TIME_ZONE = 'Europe/Helsinki';

/** Each language's name in itself: the switcher shows these whatever the current language. */
export const LANGUAGE_NAMES: Record<Language, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
