import type { ReactNode } from 'react';
import { useLocation } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { formatDate, formatDateTime } from '~/i18n/format';

/** Server and browser may format a date a hair differently (ICU versions); the server's text stays. */
/** An instant in Helsinki time, or (`dateOnly`) a calendar date such as a launch day. */
export function DateTime({ value, dateOnly = false }: { value: string | Date; dateOnly?: boolean }) {
  const { i18n } = useTranslation();
  const iso = new Date(value).toISOString();
  return (
    <time dateTime={dateOnly ? iso.slice(0, 10) : iso} suppressHydrationWarning>
      {dateOnly ? formatDate(iso, i18n.language) : formatDateTime(iso, i18n.language)}
    </time>
  );
}

/** A person's name as content shows it; an erased account has none left (ADR 027). */
export function usePersonName() {
  const { t } = useTranslation();
  return (name: string | null | undefined) => name || t('formerMember');
}

export function PersonName({ name }: { name: string | null | undefined }) {
  return <>{usePersonName()(name)}</>;
}

export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set('page', String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav aria-label={t('pagination.label')} className="pagination">
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : null}
      <span>{t('pagination.status', { page, pages })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : null}
    </nav>
  );
}

/**
 * A small label (solved, pinned, a tag). It ends with a space outside the box, so that two
 * badges side by side are read as two words, not one.
 */
export function Badge({
  tone,
  children,
}: {
  tone?: 'accepted' | 'verified' | 'danger' | 'tag' | 'new';
  children: ReactNode;
}) {
  return (
    <>
      <span className={tone ? `badge badge--${tone}` : 'badge'}>{children}</span>{' '}
    </>
  );
}
