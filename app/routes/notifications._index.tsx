import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requireUser } from '~/auth/guards.server';
import { DateTime, Pagination } from '~/components/ui/misc';
import { listNotifications, markAllRead } from '~/domain/notifications/notifications.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { done } from '~/utils/forms.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageNumber(new URL(request.url));
  return json({ ...(await listNotifications(user, page)), page });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllRead(user);
  return done();
}

export default function NotificationsPage() {
  const { items, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation('notifications');
  const unread = items.some((n) => !n.readAt);
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <h1>{t('title')}</h1>
        <Link to="/profile/notifications">{t('preferences.open')}</Link>
      </div>
      {unread ? (
        <Form method="post">
          <button type="submit" className="button button--secondary">
            {t('markAllRead')}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="notification-list">
        {items.map((n) => {
          const detail = (n.data as { detail?: string; action?: string } | null) ?? {};
          return (
            <li key={n.id} className={`notification${n.readAt ? '' : ' notification--unread'}`}>
              <a href={`/notifications/${n.id}`}>
                {n.readAt ? null : <span className="visually-hidden">{t('unread')}: </span>}
                {t(`types.${n.type}.text`, { actorName: n.actorName, title: n.title })}
              </a>
              {detail.action ? (
                <span className="block">{t(`moderationActions.${detail.action}`)}</span>
              ) : null}
              {detail.detail ? <span className="block">{t('reason', { reason: detail.detail })}</span> : null}
              <span className="muted block">
                <DateTime value={n.createdAt} />
              </span>
            </li>
          );
        })}
      </ul>
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications:title');
