import { TIME_ZONE } from './config';

const LOCALE_TAG: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatDateTime(value: Date | string, language: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[language] ?? 'fi-FI', {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}
