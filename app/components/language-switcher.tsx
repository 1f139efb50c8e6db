import { Form, useLocation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { LANGUAGES, LANGUAGE_NAMES } from '~/i18n/config';

/** Works without JavaScript; a full page load so every string on the page changes at once. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete('lng');
  const here = location.pathname + (params.size ? `?${params}` : '');
  return (
    <Form
      method="post"
      action="/set-language"
      reloadDocument
      className="language-switcher"
      aria-label={t('shell.language')}
    >
      <input type="hidden" name="redirectTo" value={here} />
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="submit"
          name="language"
          value={lng}
          lang={lng}
          aria-current={i18n.language === lng ? 'true' : undefined}
          className="language-switcher__option"
        >
          {LANGUAGE_NAMES[lng]}
        </button>
      ))}
    </Form>
  );
}
