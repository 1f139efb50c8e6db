import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guards.server';
import { navigationFor } from '~/components/navigation';
import { pageTitle } from '~/utils/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    name: user.name,
    role: user.role,
    organisationName: user.organisationName,
    areas: navigationFor(user).filter((item) => item.to !== '/'),
  });
}

export default function HomePage() {
  const { name, role, organisationName, areas } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('home.welcome', { name })}</h1>
      <p className="lead">{t('home.youAre', { role: t(`roles.${role}`), organisation: organisationName })}</p>
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
