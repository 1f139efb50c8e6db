import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { rolesText } from '~/utils/roles-text';
import { useTranslation } from '~/i18n/use-translation';
import { can, requireUser } from '~/auth/guards.server';
import { FeedList } from '~/components/home/feed-list';
import { ComingUp } from '~/components/home/coming-up';
import { navigationFor } from '~/components/navigation';
import { DateTime, PersonName } from '~/components/ui/misc';
import { comingUp, feedPart, finishFeed, markFeedSeen } from '~/domain/home/feed.server';
import { comingShifts } from '~/domain/roster/shifts.server';
import { markAnnouncementRead, unreadAnnouncementsPart } from '~/domain/announcements/announcements.server';
import { readTogether } from '~/db/read-together.server';
import { pageTitle } from '~/utils/meta';
import { done, readForm } from '~/utils/forms.server';

/** `?before=` pages back through the feed; anything but a date is the first page. */
function cursor(request: Request) {
  const value = new URL(request.url).searchParams.get('before');
  const at = value ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const before = cursor(request);
  // The feed and the three small reads share one statement (readTogether): one round trip.
  const [draft, upcoming, shifts, announcements] = await readTogether(
    feedPart(user, { before }),
    comingUp(user),
    comingShifts(user),
    unreadAnnouncementsPart(user),
  );
  const feed = await finishFeed(draft);
  return json({
    name: user.name,
    roles: user.roles,
    organisationName: user.organisationName,
    areas: navigationFor(user).filter((item) => item.to !== '/'),
    feed: feed.items,
    olderThan: feed.more?.toISOString() ?? null,
    paged: Boolean(before),
    seenAt: feed.seenAt?.toISOString() ?? null,
    upcoming,
    shifts,
    announcements,
    canLog: can(user, 'guidance:log'),
  });
}

/** "I have read this" takes an announcement off the page; "mark all seen" moves the divider up. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  if (form.get('intent') === 'seen') await markFeedSeen(user);
  else await markAnnouncementRead(user, String(form.get('announcementId') ?? ''));
  return done();
}

export default function HomePage() {
  const {
    name,
    roles,
    organisationName,
    areas,
    feed,
    olderThan,
    paged,
    seenAt,
    upcoming,
    shifts,
    announcements,
    canLog,
  } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <div className="page">
      <h1>{t('home.welcome', { name })}</h1>
      <p className="lead">
        {t('home.youAre', {
          count: roles.length,
          roles: rolesText(t, i18n.language, roles),
          organisation: organisationName,
        })}
      </p>
      {canLog ? (
        <p>
          <Link to="/reports/log" className="button button--large">
            {t('reports:log.title')}
          </Link>
        </p>
      ) : null}
      {announcements.map((a) => (
        <section
          key={a.id}
          aria-labelledby={`announcement-${a.id}`}
          className="section notice notice--info announcement"
        >
          <h2 id={`announcement-${a.id}`} lang={a.language}>
            {a.title}
          </h2>
          <p className="muted">
            <PersonName name={a.createdBy.name} /> · <DateTime value={a.createdAt} />
          </p>
          <p lang={a.language}>{a.body}</p>
          <Form method="post" preventScrollReset>
            <input type="hidden" name="announcementId" value={a.id} />
            <button type="submit" className="button button--secondary">
              {t('events:announcements.markRead')}
              <span className="visually-hidden">: {a.title}</span>
            </button>
          </Form>
        </section>
      ))}
      <ComingUp events={upcoming} shifts={shifts} />
      <section aria-labelledby="feed-heading" className="section">
        <div className="feed__head">
          <h2 id="feed-heading">{t('home.feed.title')}</h2>
          {feed.length ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="seen" />
              <button type="submit" className="button button--secondary">
                {t('home.feed.markSeen')}
              </button>
            </Form>
          ) : null}
        </div>
        {feed.length ? <FeedList items={feed} seenAt={seenAt} /> : <p>{t('home.feed.empty')}</p>}
        <p className="feed__pages">
          {olderThan ? (
            <Link to={`/?before=${encodeURIComponent(olderThan)}`}>{t('home.feed.older')}</Link>
          ) : null}
          {olderThan && paged ? ' · ' : null}
          {paged ? <Link to="/">{t('home.feed.newest')}</Link> : null}
        </p>
      </section>
      <h2>{t('home.areas')}</h2>
      <ul className="card-list">
        {areas.map((area) => (
          <li key={area.to} className="card">
            <Link to={area.to}>{t(area.labelKey)}</Link>
            <p>{t(`home.describe.${area.labelKey.replace('nav.', '')}`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'home.title');
