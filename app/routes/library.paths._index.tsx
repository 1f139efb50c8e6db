import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { PathFields } from '~/components/library/path-fields';
import { ErrorSummary, useFormResult } from '~/components/ui/form';
import { canManageLibrary } from '~/domain/library/access.server';
import { listPaths, savePath } from '~/domain/library/paths.server';
import { PathSchema } from '~/domain/library/schema.server';
import { getLanguage } from '~/i18n/i18n.server';
import { invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { Badge } from '~/components/ui/misc';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'library:read');
  return json({ paths: await listPaths(user, await getLanguage(request)), manager: canManageLibrary(user) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'library:manage');
  const parsed = parseForm(PathSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await savePath(user, null, parsed.data, requestMeta(request, context));
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirect(`/library/paths/${result.slug}`);
}

export default function PathsPage() {
  const { paths, manager } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  const { errors, values } = useFormResult();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link>
      </p>
      <h1>{t('paths.title')}</h1>
      <p className="lead">{t('paths.lead')}</p>
      <ul className="material-list">
        {paths.map((p) => (
          <li key={p.slug} className="material-card">
            <h2 className="material-card__title">
              <Link to={`/library/paths/${p.slug}`}>{p.title}</Link>
            </h2>
            {p.description ? <p>{p.description}</p> : null}
            <p>
              <progress
                max={Math.max(p.total, 1)}
                value={p.done}
                aria-label={t('paths.progressOf', { title: p.title })}
              />{' '}
              {t('paths.progress', { done: p.done, total: p.total })}
              {p.updated ? (
                <>
                  {' '}
                  <Badge tone="new">{t('paths.updated', { count: p.updated })}</Badge>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {paths.length === 0 ? <p>{t('paths.none')}</p> : null}
      {manager ? (
        <section aria-labelledby="new-path-heading" className="section">
          <h2 id="new-path-heading">{t('paths.new')}</h2>
          <ErrorSummary errors={errors} />
          <Form method="post" className="form">
            <PathFields errors={errors} values={values} />
            <button type="submit" className="button">
              {t('paths.create')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'library:paths.title');
