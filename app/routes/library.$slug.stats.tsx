import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requireMaterial } from '~/domain/library/guards.server';
import { materialStats } from '~/domain/library/stats.server';
import { subPageTitle } from '~/utils/meta';
import { TableWrap } from '~/components/ui/table-wrap';

/** For trainers: views, readers, completions and the organisations reading (never names). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { material } = await requireMaterial(request, params.slug, 'library:manage');
  return json({ material, stats: await materialStats(material.id) });
}

export default function MaterialStatsPage() {
  const { material, stats } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('library');
  const n = (value: number) => value.toLocaleString(i18n.language);
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link> ›{' '}
        <Link to={`/library/${material.slug}`}>{material.title || material.draftTitle}</Link>
      </p>
      <h1>{t('stats.title')}</h1>
      <dl className="facts">
        <dt>{t('stats.views')}</dt>
        <dd>{n(stats.views)}</dd>
        <dt>{t('stats.readers')}</dt>
        <dd>{n(stats.readers)}</dd>
        <dt>{t('stats.completions')}</dt>
        <dd>{n(stats.completions)}</dd>
      </dl>
      <p className="muted">{t('stats.viewsHelp')}</p>
      {stats.completionsByVersion.length ? (
        <TableWrap label={t('stats.byVersion')}>
          <table>
            <caption>{t('stats.byVersion')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.version')}</th>
                <th scope="col">{t('stats.completions')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.completionsByVersion.map((row) => (
                <tr key={row.version}>
                  <th scope="row">{t('material.version', { number: row.version })}</th>
                  <td>{n(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <TableWrap label={t('stats.organisations')}>
        <table>
          <caption>{t('stats.organisations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.organisation')}</th>
              <th scope="col">{t('stats.readers')}</th>
              <th scope="col">{t('stats.views')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.organisations.map((o) => (
              <tr key={o.name}>
                <th scope="row">{o.name}</th>
                <td>{n(o.readers)}</td>
                <td>{n(o.views)}</td>
              </tr>
            ))}
            {stats.organisations.length === 0 ? (
              <tr>
                <td colSpan={3}>{t('stats.noReaders')}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(
    matches,
    'library:stats.title',
    data ? data.material.title || data.material.draftTitle : undefined,
  );
