import type { TFunction } from 'i18next';

// One list format per language, made once (building an Intl formatter costs far more than using one).
const listFormats = new Map<string, Intl.ListFormat>();

/** A member's roles as words, joined as the language joins a list ("Digituki ja Kouluttaja"). */
export function rolesText(t: TFunction, language: string, roles: readonly string[]): string {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format.format(roles.map((r) => t(`common:roles.${r}`)));
}
