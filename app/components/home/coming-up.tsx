import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Badge, DateTime } from '~/components/ui/misc';
import { CalendarIcon } from '~/components/ui/icons';

type Upcoming = {
  id: string;
  title: string;
  lang: string;
  startsAt: string;
  cancelled: boolean;
  status: string;
  waitlistPosition: number | null;
};

/** The reader's own events of the next two weeks, with where they stand. */
export function ComingUp({ events }: { events: Upcoming[] }) {
  const { t } = useTranslation();
  if (!events.length) return null;
  return (
    <section aria-labelledby="coming-up-heading" className="section">
      <h2 id="coming-up-heading">{t('home.feed.comingUp.title')}</h2>
      <ul className="feed">
        {events.map((e) => (
          <li key={e.id} className="feed__item">
            <CalendarIcon size={20} className="feed__icon" />
            <span className="feed__text">
              {e.cancelled ? <Badge tone="danger">{t('home.feed.comingUp.cancelled')}</Badge> : null}
              <Link to={`/events/${e.id}`} lang={e.lang}>
                {e.title}
              </Link>{' '}
              <span className="muted">
                <DateTime value={e.startsAt} /> ·{' '}
                {e.status === 'waitlist'
                  ? t('home.feed.comingUp.waitlist', { position: e.waitlistPosition })
                  : t(`home.feed.comingUp.${e.status}`)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
