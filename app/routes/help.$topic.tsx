import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requireUser } from '~/auth/guards.server';
import { helpTopicsFor, topicAt } from '~/domain/help/topics';
import { pageTitle } from '~/utils/meta';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const topic = topicAt(params.topic);
  // A topic of an area this member cannot use is not theirs to read, like the area itself.
  if (!topic || !helpTopicsFor(user.permissions).includes(topic)) throw notFound();
  return json({ topic });
}

export default function HelpTopicPage() {
  const { topic } = useLoaderData<typeof loader>();
  const { t } = useTranslation('help');
  const steps = Object.values(t(`topics.${topic}.steps`, { returnObjects: true }) as Record<string, string>);
  return (
    <div className="page page--narrow prose-page">
      <p className="breadcrumb">
        <Link to="/help">{t('all')}</Link>
      </p>
      <h1>{t(`topics.${topic}.title`)}</h1>
      <p>{t(`topics.${topic}.summary`)}</p>
      <h2>{t('stepsTitle')}</h2>
      <ol className="help-steps">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? `help:topics.${data.topic}.title` : 'help:title');
