import { useTranslation } from '~/i18n/use-translation';
import { LANGUAGES, LANGUAGE_NAMES } from '~/i18n/config';

/**
 * The language buttons of a page for residents (the feedback page, a point's page): plain
 * links to the same address in each language, each named in its own language.
 */
export function ResidentLanguages({ path, current }: { path: string; current: string }) {
  const { t } = useTranslation('reports');
  return (
    <nav aria-label={t('resident.languages')} className="resident__languages no-print">
      <ul>
        {LANGUAGES.map((lng) => (
          <li key={lng}>
            <a
              href={`${path}?lng=${lng}`}
              lang={lng}
              hrefLang={lng}
              aria-current={lng === current ? 'true' : undefined}
              className="button button--secondary"
            >
              {LANGUAGE_NAMES[lng]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
