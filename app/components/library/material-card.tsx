import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '~/components/ui/misc';
import { LANGUAGE_NAMES, type Language } from '~/i18n/config';

type Item = {
  slug: string;
  title: string;
  summary: string;
  language: string;
  type: string;
  level: string | null;
  status: string;
  deviceTags: string[];
  topicTags: string[];
  publishedAt: string | null;
  completedNumber: number | null;
  liveNumber: number;
};

/** One material in a list: what it is, for whom, and where the reader stands with it. */
export function MaterialCard({ item }: { item: Item }) {
  const { t } = useTranslation('library');
  const updated = item.completedNumber !== null && item.completedNumber < item.liveNumber;
  return (
    <li className="material-card">
      <h2 className="material-card__title" lang={item.language}>
        <Link to={`/library/${item.slug}`}>{item.title}</Link>
      </h2>
      <p className="thread-row__badges">
        <span className="badge">{t(`types.${item.type}`)}</span>
        {item.level ? <span className="badge">{t(`levels.${item.level}`)}</span> : null}
        <span className="badge">{LANGUAGE_NAMES[item.language as Language] ?? item.language}</span>
        {item.status !== 'published' ? (
          <span className="badge badge--danger">{t(`statuses.${item.status}`)}</span>
        ) : null}
        {updated ? (
          <span className="badge badge--new">{t('material.updatedSinceRead')}</span>
        ) : item.completedNumber !== null ? (
          <span className="badge badge--accepted">✓ {t('material.done')}</span>
        ) : null}
        {item.deviceTags.map((d) => (
          <span key={d} className="badge badge--tag">
            {t(`forum:devices.${d}`)}
          </span>
        ))}
      </p>
      {item.summary ? (
        <p className="material-card__summary" lang={item.language}>
          {item.summary}
        </p>
      ) : null}
      <p className="muted">
        {item.publishedAt ? (
          <>
            {t('material.updated')} <DateTime value={item.publishedAt} />
          </>
        ) : (
          t('statuses.draft')
        )}
        {item.topicTags.length ? ` · ${item.topicTags.map((tag) => `#${tag}`).join(' ')}` : ''}
      </p>
    </li>
  );
}
