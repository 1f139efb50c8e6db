import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { can, notFound, requireUser } from '~/auth/guards.server';
import { pageTitle } from '~/utils/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sections = [
    can(user, 'organisation:manage') && { to: '/admin/organisations', key: 'organisations' },
    can(user, 'security:manage') && { to: '/admin/security', key: 'security' },
    can(user, 'audit:read') && { to: '/admin/audit', key: 'audit' },
    can(user, 'outbox:read') && { to: '/admin/outbox', key: 'outbox' },
    can(user, 'outbox:read') && { to: '/admin/jobs', key: 'jobs' },
  ].filter((s): s is { to: string; key: string } => Boolean(s));
  if (!sections.length) throw notFound();
  return json({ sections });
}

export default function AdminPage() {
  const { sections } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <ul className="card-list">
        {sections.map((s) => (
          <li key={s.to} className="card">
            <Link to={s.to}>{t(`${s.key}.title`)}</Link>
            <p>{t(`${s.key}.describe`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:title');
