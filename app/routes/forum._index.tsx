import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { can, requirePermission } from '~/auth/guards.server';
import { Badge, DateTime } from '~/components/ui/misc';
import { categoriesWithStats } from '~/domain/forum/categories.server';
import { getLanguage } from '~/i18n/i18n.server';
import { pageTitle } from '~/utils/meta';
import { HelpLink } from '~/components/help-link';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const categories = await categoriesWithStats(user, await getLanguage(request));
  return json({
    categories,
    canModerate: can(user, 'forum:moderate'),
    canManageCategories: can(user, 'forum:manage-categories'),
  });
}

export default function ForumPage() {
  const { categories, canModerate, canManageCategories } = useLoaderData<typeof loader>();
  const { t } = useTranslation('forum');
  const unread = categories.reduce((sum, c) => sum + c.unread, 0);
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('title')}</h1>
        <Link to="/forum/new" className="button">
          {t('newThread.open')}
        </Link>
      </div>
      <HelpLink topic="forum" />
      <p className="lead">{unread ? t('index.unreadTotal', { count: unread }) : t('index.allRead')}</p>
      {canModerate || canManageCategories ? (
        <p className="actions-row">
          {canModerate ? <Link to="/forum/moderation">{t('moderation.title')}</Link> : null}
          {canManageCategories ? <Link to="/forum/categories">{t('categories.title')}</Link> : null}
        </p>
      ) : null}
      <ul className="card-list category-list">
        {categories.map((c) => (
          <li key={c.id} className="card">
            <h2 className="card__title">
              <Link to={`/forum/${c.slug}`}>{c.name}</Link>
              {c.unread ? <Badge tone="new">{t('index.unread', { count: c.unread })}</Badge> : null}
            </h2>
            {c.description ? <p>{c.description}</p> : null}
            <p className="muted">
              {t('index.threads', { count: c.threads })} · {t('index.solved', { count: c.solved })} ·{' '}
              <Link to={`/forum/${c.slug}?show=unanswered`}>
                {t('index.unanswered', { count: c.unanswered })}
              </Link>
              {c.lastActivity ? (
                <>
                  {' · '}
                  {t('index.lastActivity')} <DateTime value={c.lastActivity} />
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forum:title');
