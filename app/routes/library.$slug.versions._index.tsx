import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { SelectField } from '~/components/ui/form';
import { Badge, DateTime, PersonName } from '~/components/ui/misc';
import { canManageLibrary } from '~/domain/library/access.server';
import { requireMaterial } from '~/domain/library/guards.server';
import { versionHistory } from '~/domain/library/queries.server';
import { subPageTitle } from '~/utils/meta';

/** Every published version with its change note; anyone who may read the material may read these. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, material } = await requireMaterial(request, params.slug);
  return json({
    material,
    versions: await versionHistory(user, material.id),
    manager: canManageLibrary(user),
  });
}

export default function VersionsPage() {
  const { material, versions, manager } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  const published = versions.filter((v) => v.publishedAt);
  const title = material.liveNumber ? material.title : material.draftTitle;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link> › <Link to={`/library/${material.slug}`}>{title}</Link>
      </p>
      <h1>{t('versions.title')}</h1>
      {versions.length ? (
        <ol className="version-list" reversed>
          {versions.map((v) => (
            <li key={v.number}>
              <p>
                {v.publishedAt ? (
                  <Link to={`/library/${material.slug}/versions/${v.number}`}>
                    {t('material.version', { number: v.number })}
                  </Link>
                ) : (
                  <span>
                    {t('material.version', { number: v.number })} ({t('statuses.scheduled')})
                  </span>
                )}{' '}
                · <DateTime value={v.publishedAt ?? v.publishAt} /> · <PersonName name={v.createdBy.name} />
                {v.number === material.liveNumber ? (
                  <>
                    {' '}
                    <Badge tone="accepted">{t('versions.current')}</Badge>
                  </>
                ) : null}
              </p>
              <p>{v.changeNote}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('versions.none')}</p>
      )}
      {manager && published.length > 1 ? (
        <section aria-labelledby="compare-heading" className="section">
          <h2 id="compare-heading">{t('compare.title')}</h2>
          <Form method="get" action={`/library/${material.slug}/compare`} className="filters">
            <SelectField
              name="a"
              label={t('compare.from')}
              defaultValue={String(published[1]!.number)}
              options={published.map((v) => ({
                value: String(v.number),
                label: t('material.version', { number: v.number }),
              }))}
            />
            <SelectField
              name="b"
              label={t('compare.to')}
              defaultValue={String(published[0]!.number)}
              options={published.map((v) => ({
                value: String(v.number),
                label: t('material.version', { number: v.number }),
              }))}
            />
            <button type="submit" className="button button--secondary">
              {t('compare.show')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(
    matches,
    'library:versions.title',
    data ? `${data.material.title || data.material.draftTitle}` : undefined,
  );
