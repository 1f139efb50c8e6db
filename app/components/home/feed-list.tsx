import { Fragment } from 'react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { Badge, DateTime } from '~/components/ui/misc';
import { feedLineText } from '~/domain/home/feed-line';
import {
  AtSignIcon,
  BookIcon,
  BriefingIcon,
  CalendarIcon,
  CheckIcon,
  FeedbackIcon,
  MessageIcon,
  VerifiedIcon,
  type Icon,
} from '~/components/ui/icons';

/** A feed item as the loader sends it (dates as strings). */
export type FeedEntry = {
  key: string;
  kind: string;
  at: string;
  actor: string;
  title: string;
  lang: string;
  url: string;
  state?: string;
};

const ICONS: Record<string, Icon> = {
  answer: MessageIcon,
  reply: MessageIcon,
  thread: MessageIcon,
  mention: AtSignIcon,
  accepted: CheckIcon,
  verified: VerifiedIcon,
  material: BookIcon,
  event: CalendarIcon,
  briefing: BriefingIcon,
  feedback: FeedbackIcon,
};

/**
 * One line per item, newest first; items newer than what the reader marked seen carry "New",
 * and a divider says where what they have seen begins.
 */
export function FeedList({ items, seenAt }: { items: FeedEntry[]; seenAt: string | null }) {
  const { t } = useTranslation();
  const seen = seenAt ? new Date(seenAt).getTime() : null;
  const isNew = (item: FeedEntry) => seen === null || new Date(item.at).getTime() > seen;
  return (
    <ol className="feed">
      {items.map((item, index) => {
        const Icon = ICONS[item.kind] ?? MessageIcon;
        const divider = seen !== null && !isNew(item) && (index === 0 ? false : isNew(items[index - 1]!));
        return (
          <Fragment key={item.key}>
            {divider ? (
              <li className="feed__divider">
                <span>{t('home.feed.seenUpTo')}</span>
              </li>
            ) : null}
            <li className="feed__item">
              <Icon size={20} className="feed__icon" />
              <span className="feed__text">
                {isNew(item) ? <Badge tone="new">{t('home.feed.new')}</Badge> : null}
                {feedLineText(t, item)}:{' '}
                <Link to={item.url} lang={item.lang || undefined}>
                  {item.title}
                </Link>{' '}
                <span className="muted">
                  <DateTime value={item.at} />
                </span>
              </span>
            </li>
          </Fragment>
        );
      })}
    </ol>
  );
}
