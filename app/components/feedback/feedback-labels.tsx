import { useTranslation } from '~/i18n/use-translation';

/** A report's status as a badge; fixed reads as done, won't fix as closed. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('feedback');
  const tone = status === 'fixed' ? ' badge--accepted' : status === 'new' ? ' badge--new' : '';
  return <span className={`badge${tone}`}>{t(`statuses.${status}`)}</span>;
}
