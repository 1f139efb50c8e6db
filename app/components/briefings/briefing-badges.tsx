import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { Badge } from '~/components/ui/misc';

/** A briefing's state in lists: draft, confidential or launched, and whether this reader has read it. */
export function BriefingBadges({
  briefing: b,
}: {
  briefing: { status: string; confidential: boolean; state: string | null };
}) {
  const { t } = useTranslation('briefings');
  return (
    <>
      {b.status === 'draft' ? <Badge>{t('statuses.draft')}</Badge> : null}
      {b.confidential ? (
        <Badge tone="danger">{t('confidential.badge')}</Badge>
      ) : (
        <Badge tone="accepted">{t('launched')}</Badge>
      )}
      {b.state === 'unread' ? <Badge tone="new">{t('state.unread')}</Badge> : null}
      {b.state === 'updated' ? <Badge tone="new">{t('state.updated')}</Badge> : null}
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
