import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { Badge, DateTime, Pagination } from '~/components/ui/misc';
import { canCreateEvents } from '~/domain/events/access.server';
import { monthEvents, upcomingEvents } from '~/domain/events/queries.server';
import { MonthSchema } from '~/domain/events/schema.server';
import { eventTitle } from '~/domain/events/titles';
import { formatTime, formatWeekdayDate, helsinkiLocalInput, helsinkiToday } from '~/i18n/format';
import { getLanguage } from '~/i18n/i18n.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { HelpLink } from '~/components/help-link';
import { TableWrap } from '~/components/ui/table-wrap';

/** Upcoming events, "my events" (?show=mine) or a month (?view=month&month=2026-12). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'events:read');
  const url = new URL(request.url);
  const language = await getLanguage(request);
  const view = url.searchParams.get('view') === 'month' ? 'month' : 'list';
  const mine = url.searchParams.get('show') === 'mine';
  const titled = <T extends { titleFi: string; titleSv: string; titleEn: string }>(e: T) => ({
    ...e,
    title: eventTitle(e, language),
  });
  if (view === 'month') {
    const month =
      MonthSchema.parse(url.searchParams.get('month') ?? undefined) ??
      helsinkiLocalInput(new Date()).slice(0, 7);
    const events = (await monthEvents(user, month)).map(titled);
    return json({
      view,
      mine,
      month,
      events,
      today: helsinkiToday(),
      page: 1,
      pages: 1,
      total: events.length,
      canCreate: canCreateEvents(user),
    });
  }
  const page = pageNumber(url);
  const result = await upcomingEvents(user, { mine, page });
  return json({
    view,
    mine,
    month: null,
    today: null,
    ...result,
    events: result.events.map(titled),
    page,
    canCreate: canCreateEvents(user),
  });
}

type ListEvent = ReturnType<typeof useLoaderData<typeof loader>>['events'][number];

function EventRow({ event }: { event: ListEvent }) {
  const { t } = useTranslation('events');
  return (
    <li className="material-card">
      <h2 className="material-card__title" lang={event.title.lang}>
        <Link to={`/events/${event.id}`}>{event.title.text}</Link>
      </h2>
      <p className="thread-row__badges">
        <Badge>{t(`types.${event.type}`)}</Badge>
        {event.cancelledAt ? <Badge tone="danger">{t('event.cancelled')}</Badge> : null}
        {event.myStatus ? <Badge tone="accepted">{t(`rsvp.status.${event.myStatus}`)}</Badge> : null}
        {event.capacity !== null && event.goingCount >= event.capacity ? (
          <Badge>{t('event.full')}</Badge>
        ) : null}
      </p>
      <p className="muted">
        <DateTime value={event.startsAt} /> ·{' '}
        {event.supportPoint?.name ?? (event.address || t(`places.${event.placeKind}`))}
      </p>
    </li>
  );
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * A month as a grid of weeks. On a phone the same table is a list of the days that have events,
 * each with its weekday and date written out (CSS: seven columns of a 390 px screen broke every
 * title into pieces of a word).
 */
function MonthGrid({ month, today, events }: { month: string; today: string | null; events: ListEvent[] }) {
  const { t, i18n } = useTranslation('events');
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (number | null)[] = [
    ...Array(firstWeekday).fill(null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7) cells.push(null);
  const byDay = new Map<number, ListEvent[]>();
  for (const e of events) {
    const day = Number(helsinkiLocalInput(e.startsAt).slice(8, 10));
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(y, m - 1 + delta, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const caption = t('month.caption', { month: t(`month.names.${m}`), year: y });
  return (
    <>
      <nav className="actions-row" aria-label={t('month.navigation')}>
        <Link to={`/events?view=month&month=${shift(-1)}`}>{t('month.previous')}</Link>
        <Link to={`/events?view=month&month=${shift(1)}`}>{t('month.next')}</Link>
      </nav>
      {events.length === 0 ? <p>{t('month.empty')}</p> : null}
      <TableWrap label={caption}>
        <table className="month-grid">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  <abbr title={t(`month.weekdays.${d}`)}>{t(`month.short.${d}`)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: cells.length / 7 }, (_, w) => (
              <tr key={w}>
                {cells.slice(w * 7, w * 7 + 7).map((day, i) => {
                  if (!day) return <td key={i} className="month-grid__empty" />;
                  const date = `${month}-${String(day).padStart(2, '0')}`;
                  const dayEvents = byDay.get(day) ?? [];
                  return (
                    <td
                      key={i}
                      className={dayEvents.length ? undefined : 'month-grid__quiet'}
                      aria-current={date === today ? 'date' : undefined}
                    >
                      <span className="month-grid__day">
                        <span className="month-grid__number">{day}</span>
                        {/* Only a phone shows it, and only for a day that has events. */}
                        {dayEvents.length ? (
                          <span className="month-grid__date" suppressHydrationWarning>
                            {formatWeekdayDate(date, i18n.language)}
                          </span>
                        ) : null}
                      </span>
                      {dayEvents.length ? (
                        <ul>
                          {dayEvents.map((e) => (
                            <li key={e.id} className={e.cancelledAt ? 'month-grid__cancelled' : undefined}>
                              {/* Said in words, not by colour or a line through alone. */}
                              {e.cancelledAt ? (
                                <strong className="month-grid__cancelled-label">
                                  {t('month.cancelled')}
                                </strong>
                              ) : null}{' '}
                              <span className="month-grid__time" suppressHydrationWarning>
                                {formatTime(e.startsAt, i18n.language)}
                              </span>{' '}
                              <Link to={`/events/${e.id}`} lang={e.title.lang}>
                                {e.title.text}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

export default function EventsPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('events');
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('title')}</h1>
        <div className="actions-row">
          <Link to="/events/calendar" className="button button--secondary">
            {t('calendar.title')}
          </Link>
          {data.canCreate ? (
            <Link to="/events/new" className="button">
              {t('new.open')}
            </Link>
          ) : null}
        </div>
      </div>
      <HelpLink topic="events" />
      <nav aria-label={t('views.label')} className="actions-row">
        <Link to="/events" aria-current={data.view === 'list' && !data.mine ? 'page' : undefined}>
          {t('views.upcoming')}
        </Link>
        <Link to="/events?show=mine" aria-current={data.mine ? 'page' : undefined}>
          {t('views.mine')}
        </Link>
        <Link to="/events?view=month" aria-current={data.view === 'month' ? 'page' : undefined}>
          {t('views.month')}
        </Link>
      </nav>
      {data.view === 'month' && data.month ? (
        <MonthGrid month={data.month} today={data.today} events={data.events} />
      ) : (
        <>
          <p role="status">{t('count', { count: data.total })}</p>
          <ul className="material-list">
            {data.events.map((e) => (
              <EventRow key={e.id} event={e} />
            ))}
          </ul>
          {data.events.length === 0 ? <p>{data.mine ? t('empty.mine') : t('empty.upcoming')}</p> : null}
          <Pagination page={data.page} pages={data.pages} />
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'events:title');
