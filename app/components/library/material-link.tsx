import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { LANGUAGE_NAMES, type Language } from '~/i18n/config';
import { CheckIcon } from '~/components/ui/icons';
import { Badge } from '~/components/ui/misc';

type Props = {
  material: {
    slug: string;
    title: string;
    language: string;
    status: string;
    state: 'todo' | 'done' | 'updated';
  };
  /** The reader's language: another language is named after the title. */
  language: string;
};

/** A material in a path or on an event page: its link, language and the reader's reading state. */
export function MaterialLink({ material: m, language }: Props) {
  const { t } = useTranslation('library');
  return (
    <>
      <Link to={`/library/${m.slug}`} lang={m.language}>
        {m.title}
      </Link>
      {m.language !== language ? (
        <span className="muted"> ({LANGUAGE_NAMES[m.language as Language]})</span>
      ) : null}{' '}
      {m.state === 'done' ? (
        <Badge tone="accepted">
          <CheckIcon />
          {t('material.done')}
        </Badge>
      ) : m.state === 'updated' ? (
        <Badge tone="new">{t('material.updatedSinceRead')}</Badge>
      ) : (
        <Badge>{t('paths.todo')}</Badge>
      )}
      {m.status === 'archived' ? <Badge tone="danger">{t('statuses.archived')}</Badge> : null}
    </>
  );
}
