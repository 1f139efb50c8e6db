import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { missingTranslations } from '~/domain/library/queries.server';
import { LANGUAGE_NAMES, type Language } from '~/i18n/config';
import { pageTitle } from '~/utils/meta';
import { Pagination } from '~/components/ui/misc';
import { pageNumber } from '~/utils/http';
import { TableWrap } from '~/components/ui/table-wrap';

/** For trainers: materials that lack a language, with a shortcut to write it. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'library:manage');
  const page = pageNumber(new URL(request.url));
  return json({ ...(await missingTranslations(page)), page });
}

export default function MissingTranslationsPage() {
  const { groups, total, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link>
      </p>
      <h1>{t('translations.title')}</h1>
      <p className="lead">{t('translations.lead')}</p>
      {total ? <p role="status">{t('translations.count', { count: total })}</p> : null}
      {groups.length ? (
        <TableWrap label={t('translations.title')}>
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
        </TableWrap>
      ) : (
        <p>{t('translations.none')}</p>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'library:translations.title');
