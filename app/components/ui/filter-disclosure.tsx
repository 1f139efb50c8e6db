import type { ReactNode } from 'react';
import { useTranslation } from '~/i18n/use-translation';

/**
 * A list's filters behind a disclosure. On a phone six to eight fields before the results were
 * one to three screens of scrolling (search, the library, the people directory): they wait behind
 * one line that says how many are in use, and open when one is, so a link to a filtered list
 * shows what narrowed it. A <details>, so it works without JavaScript.
 */
export function FilterDisclosure({
  label,
  active,
  alsoOpen = false,
  children,
}: {
  label: string;
  /** Filters in use, counted in the summary. */
  active: number;
  /** Open although no filter is in use (e.g. a list sorted otherwise than by default). */
  alsoOpen?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <details className="filter-disclosure" open={active > 0 || alsoOpen || undefined}>
      <summary>
        {label}
        {active > 0 ? ` (${t('filterDisclosure.active', { count: active })})` : ''}
      </summary>
      <div className="filters">{children}</div>
    </details>
  );
}
