import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requireUser } from '~/auth/guards.server';
import { helpPath, helpTopicsFor } from '~/domain/help/topics';
import { pageTitle } from '~/utils/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ topics: helpTopicsFor(user.permissions).map((topic) => ({ topic, path: helpPath(topic) })) });
}

export default function HelpPage() {
  const { topics } = useLoaderData<typeof loader>();
  const { t } = useTranslation('help');
  return (
    <div className="page page--narrow">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ul className="help-topics">
        {topics.map(({ topic, path }) => (
          <li key={topic}>
            <h2>
              <Link to={path}>{t(`topics.${topic}.title`)}</Link>
            </h2>
            <p>{t(`topics.${topic}.summary`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'help:title');
