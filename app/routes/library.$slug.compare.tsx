import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound } from '~/auth/guards.server';
import { requireMaterial } from '~/domain/library/guards.server';
import { compareVersions, type DiffPart } from '~/domain/library/queries.server';
import { subPageTitle } from '~/utils/meta';

/** For trainers: what the words of one version changed from another. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { material } = await requireMaterial(request, params.slug, 'library:manage');
  const url = new URL(request.url);
  const a = Number(url.searchParams.get('a'));
  const b = Number(url.searchParams.get('b'));
  const diff = Number.isInteger(a) && Number.isInteger(b) ? await compareVersions(material.id, a, b) : null;
  if (!diff) throw notFound();
  return json({ material, diff });
}

function Diff({ parts, lang }: { parts: DiffPart[]; lang: string }) {
  const { t } = useTranslation('library');
  return (
    <p className="diff" lang={lang}>
      {parts.map((p, i) =>
        p.change === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">[{t('compare.added')}: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : p.change === 'removed' ? (
          <del key={i}>
            <span className="visually-hidden">[{t('compare.removed')}: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

export default function ComparePage() {
  const { material, diff } = useLoaderData<typeof loader>();
  const { t } = useTranslation('library');
  const changed = (parts: DiffPart[]) => parts.some((p) => p.change !== 'same');
  const sections = [
    { key: 'title', parts: diff.title },
    { key: 'summary', parts: diff.summary },
    { key: 'body', parts: diff.body },
    { key: 'links', parts: diff.links },
  ] as const;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/library">{t('title')}</Link> ›{' '}
        <Link to={`/library/${material.slug}`}>{material.title}</Link> ›{' '}
        <Link to={`/library/${material.slug}/versions`}>{t('versions.title')}</Link>
      </p>
      <h1>{t('compare.heading', { from: diff.from, to: diff.to })}</h1>
      <p className="muted">
        <ins>{t('compare.added')}</ins> · <del>{t('compare.removed')}</del>
      </p>
      {sections.map((s) => (
        <section key={s.key} className="section" aria-labelledby={`diff-${s.key}`}>
          <h2 id={`diff-${s.key}`}>{t(`compare.sections.${s.key}`)}</h2>
          {changed(s.parts) ? (
            <Diff parts={s.parts} lang={material.language} />
          ) : (
            <p>{t('compare.unchanged')}</p>
          )}
        </section>
      ))}
      <section className="section" aria-labelledby="diff-files">
        <h2 id="diff-files">{t('files.title')}</h2>
        {diff.filesAdded.length || diff.filesRemoved.length ? (
          <ul>
            {diff.filesAdded.map((f) => (
              <li key={`+${f}`}>
                <ins>{f}</ins> ({t('compare.added')})
              </li>
            ))}
            {diff.filesRemoved.map((f) => (
              <li key={`-${f}`}>
                <del>{f}</del> ({t('compare.removed')})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('compare.unchanged')}</p>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'library:compare.title', data?.material.title);
