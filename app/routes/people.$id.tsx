import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requireUser } from '~/auth/guards.server';
import { PersonFacts } from '~/components/people/person-facts';
import { DateTime } from '~/components/ui/misc';
import { personPage } from '~/domain/people/directory.server';
import { dataTitle } from '~/utils/meta';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const page = await personPage(params.id ?? '');
  if (!page) throw notFound();
  return json(page);
}

export default function PersonPage() {
  const { person, answers, accepted } = useLoaderData<typeof loader>();
  const { t } = useTranslation('members');
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/people">{t('directory.title')}</Link>
      </p>
      <h1>{person.name}</h1>
      <PersonFacts person={person} />
      <h2>{t('directory.answers')}</h2>
      <p>{t('directory.accepted', { count: accepted })}</p>
      {answers.length ? (
        <ul>
          {answers.map((a) => (
            <li key={a.id}>
              <Link to={`/forum/p/${a.id}`}>{a.thread.title}</Link> <DateTime value={a.createdAt} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('directory.noAnswers')}</p>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.person.name, 'members:directory.title');
