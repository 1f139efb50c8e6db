import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { Badge, DateTime } from '~/components/ui/misc';
import { LANGUAGE_NAMES, type Language } from '~/i18n/config';
import { CheckIcon } from '~/components/ui/icons';

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
        <Badge>{t(`types.${item.type}`)}</Badge>
        {item.level ? <Badge>{t(`levels.${item.level}`)}</Badge> : null}
        <Badge>{LANGUAGE_NAMES[item.language as Language] ?? item.language}</Badge>
        {item.status !== 'published' ? <Badge tone="danger">{t(`statuses.${item.status}`)}</Badge> : null}
        {updated ? (
          <Badge tone="new">{t('material.updatedSinceRead')}</Badge>
        ) : item.completedNumber !== null ? (
          <Badge tone="accepted">
            <CheckIcon />
            {t('material.done')}
          </Badge>
        ) : null}
        {item.deviceTags.map((d) => (
          <Badge key={d} tone="tag">
            {t(`forum:devices.${d}`)}
          </Badge>
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
