import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** A briefing's state in lists: draft, confidential or launched, and whether this reader has read it. */
export function BriefingBadges({
  briefing: b,
}: {
  briefing: { status: string; confidential: boolean; state: string | null };
}) {
  const { t } = useTranslation('briefings');
  return (
    <>
      {b.status === 'draft' ? <span className="badge">{t('statuses.draft')}</span> : null}
      {b.confidential ? (
        <span className="badge badge--danger">{t('confidential.badge')}</span>
      ) : (
        <span className="badge badge--accepted">{t('launched')}</span>
      )}
      {b.state === 'unread' ? <span className="badge badge--new">{t('state.unread')}</span> : null}
      {b.state === 'updated' ? <span className="badge badge--new">{t('state.updated')}</span> : null}
    </>
  );
}

type Listed = {
  id: string;
  title: string;
  language: string;
  status: string;
  confidential: boolean;
  state: string | null;
};

/** A briefing in a short list: its title as a link, then its badges. */
export function BriefingItem({ briefing: b }: { briefing: Listed }) {
  return (
    <li>
      <Link to={`/briefings/${b.id}`} lang={b.language}>
        {b.title}
      </Link>{' '}
      <BriefingBadges briefing={b} />
    </li>
  );
}
