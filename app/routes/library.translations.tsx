import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/guards.server';
import { missingTranslations } from '~/domain/library/queries.server';
import { LANGUAGE_NAMES, type Language } from '~/i18n/config';
import { pageTitle } from '~/utils/meta';

/** For trainers: materials that lack a language, with a shortcut to write it. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'library:manage');
  return json({ groups: await missingTranslations() });
}

export default function MissingTranslationsPage() {
  const { groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link>
      </p>
      <h1>{t('translations.title')}</h1>
      <p className="lead">{t('translations.lead')}</p>
      {groups.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('translations.material')}</th>
                <th scope="col">{t('translations.missing')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.groupId}>
                  <td>
                    {g.existing.map((e, i) => (
                      <span key={e.slug}>
                        {i ? ' · ' : ''}
                        <Link to={`/library/${e.slug}`} lang={e.language}>
                          {e.title}
                        </Link>{' '}
                        ({LANGUAGE_NAMES[e.language as Language]})
                      </span>
                    ))}
                  </td>
                  <td>
                    {g.missing.map((l, i) => (
                      <span key={l}>
                        {i ? ', ' : ''}
                        <Link to={`/library/new?translationOf=${g.existingIds[0]}&language=${l}`}>
                          {t('translations.write', { language: LANGUAGE_NAMES[l] })}
                        </Link>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('translations.none')}</p>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'library:translations.title');
