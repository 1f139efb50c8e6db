import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { can, requireUser } from '~/auth/guards.server';
import { BriefingItem } from '~/components/briefings/briefing-badges';
import { navigationFor } from '~/components/navigation';
import { DateTime } from '~/components/ui/misc';
import { briefingsToRead } from '~/domain/briefings/queries.server';
import { updatedSinceRead } from '~/domain/library/progress.server';
import { markAnnouncementRead, unreadAnnouncements } from '~/domain/announcements/announcements.server';
import { pageTitle } from '~/utils/meta';
import { readForm } from '~/utils/forms.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    name: user.name,
    role: user.role,
    organisationName: user.organisationName,
    areas: navigationFor(user).filter((item) => item.to !== '/'),
    updated: can(user, 'library:read') ? await updatedSinceRead(user) : [],
    announcements: await unreadAnnouncements(user),
    briefings: can(user, 'briefings:read') ? await briefingsToRead(user) : [],
    canLog: can(user, 'guidance:log'),
  });
}

/** "I have read this": the announcement leaves this member's home page. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = String((await readForm(request)).get('announcementId') ?? '');
  await markAnnouncementRead(user, id);
  return json({ ok: true as const });
}

export default function HomePage() {
  const { name, role, organisationName, areas, updated, announcements, briefings, canLog } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('home.welcome', { name })}</h1>
      <p className="lead">{t('home.youAre', { role: t(`roles.${role}`), organisation: organisationName })}</p>
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
            {a.createdBy.name} · <DateTime value={a.createdAt} />
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
      {updated.length ? (
        <section aria-labelledby="updated-heading" className="section notice notice--info">
          <h2 id="updated-heading">{t('library:home.updatedTitle')}</h2>
          <p>{t('library:home.updatedHelp')}</p>
          <ul>
            {updated.map((m) => (
              <li key={m.slug}>
                <Link to={`/library/${m.slug}`}>{m.title}</Link>{' '}
                <span className="muted">
                  ({t('library:material.version', { number: m.liveNumber })},{' '}
                  <DateTime value={m.publishedAt} />)
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {briefings.length ? (
        <section aria-labelledby="briefings-heading" className="section notice notice--info">
          <h2 id="briefings-heading">{t('briefings:home.title')}</h2>
          <p>{t('briefings:home.help')}</p>
          <ul>
            {briefings.map((b) => (
              <BriefingItem key={b.id} briefing={b} />
            ))}
          </ul>
        </section>
      ) : null}
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
