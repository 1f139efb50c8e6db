import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound } from '~/auth/guards.server';
import { FileList } from '~/components/library/file-list';
import { Notice } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { requireMaterial } from '~/domain/library/guards.server';
import { findVersion } from '~/domain/library/queries.server';
import { subPageTitle } from '~/utils/meta';

/** An older (or the current) version as it was published. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, material } = await requireMaterial(request, params.slug);
  const number = Number(params.number);
  const version =
    Number.isInteger(number) && number > 0 ? await findVersion(user, material.id, number) : null;
  if (!version) throw notFound();
  return json({ material, version });
}

export default function VersionPage() {
  const { material, version } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  return (
    <article className="page page--narrow material">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link> ›{' '}
        <Link to={`/library/${material.slug}`}>{material.title || material.draftTitle}</Link> ›{' '}
        <Link to={`/library/${material.slug}/versions`}>{t('versions.title')}</Link>
      </p>
      {version.number !== material.liveNumber ? (
        <Notice tone="info">
          <p>
            {t('versions.old', { number: version.number, current: material.liveNumber })}{' '}
            <Link to={`/library/${material.slug}`}>{t('versions.openCurrent')}</Link>
          </p>
        </Notice>
      ) : null}
      <h1 lang={material.language}>{version.title}</h1>
      <p className="muted">
        {t('material.version', { number: version.number })} ·{' '}
        <DateTime value={version.publishedAt ?? version.publishAt} /> · {version.changeNote}
      </p>
      {version.summary ? (
        <p className="lead" lang={material.language}>
          {version.summary}
        </p>
      ) : null}
      <div
        className="prose"
        lang={material.language}
        dangerouslySetInnerHTML={{ __html: version.bodyHtml }}
      />
      {version.links.length ? (
        <ul>
          {version.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} rel="noopener noreferrer">
                {l.title}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <FileList files={version.files} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'library:versions.title', data?.version.title);
