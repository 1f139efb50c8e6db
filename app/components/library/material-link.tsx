import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, type Language } from '~/i18n/config';

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
        <span className="badge badge--accepted">✓ {t('material.done')}</span>
      ) : m.state === 'updated' ? (
        <span className="badge badge--new">{t('material.updatedSinceRead')}</span>
      ) : (
        <span className="badge">{t('paths.todo')}</span>
      )}
      {m.status === 'archived' ? <span className="badge badge--danger">{t('statuses.archived')}</span> : null}
    </>
  );
}
