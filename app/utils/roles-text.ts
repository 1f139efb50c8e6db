import type { TFunction } from 'i18next';

/** A member's roles as words, joined as the language joins a list ("Digituki ja Kouluttaja"). */
export function rolesText(t: TFunction, language: string, roles: readonly string[]): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(
    roles.map((r) => t(`common:roles.${r}`)),
  );
}
