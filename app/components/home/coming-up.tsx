import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { Badge, DateTime } from '~/components/ui/misc';
import { CalendarIcon, ShiftIcon } from '~/components/ui/icons';
import { helpTime } from '~/domain/roster/when';

type Upcoming = {
  id: string;
  title: string;
  lang: string;
  startsAt: string;
  cancelled: boolean;
  status: string;
  waitlistPosition: number | null;
};

type Shift = {
  id: string;
  date: string;
  start: string;
  startsAt: string;
  endsAt: string;
  pointName: string;
  offered: boolean;
};

/** The reader's own shifts and events of the next two weeks, with where they stand. */
export function ComingUp({ events, shifts }: { events: Upcoming[]; shifts: Shift[] }) {
  const { t, i18n } = useTranslation();
  if (!events.length && !shifts.length) return null;
  return (
    <section aria-labelledby="coming-up-heading" className="section">
      <h2 id="coming-up-heading">{t('home.feed.comingUp.title')}</h2>
      <ul className="feed">
        {[
          ...shifts.map((s) => ({
            at: s.start,
            item: (
              <li key={s.id} className="feed__item">
                <ShiftIcon size={20} className="feed__icon" />
                <span className="feed__text">
                  <Link to="/shifts">{t('home.feed.comingUp.shift', { point: s.pointName })}</Link>{' '}
                  <span className="muted">
                    <time dateTime={s.start}>{helpTime(s.date, s.startsAt, s.endsAt, i18n.language)}</time>
                    {s.offered ? <> · {t('home.feed.comingUp.offered')}</> : null}
                  </span>
                </span>
              </li>
            ),
          })),
          ...events.map((e) => ({
            at: e.startsAt,
            item: (
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
            ),
          })),
        ]
          // Soonest first, shifts and events alike.
          .sort((x, y) => new Date(x.at).getTime() - new Date(y.at).getTime())
          .map((entry) => entry.item)}
      </ul>
    </section>
  );
}
