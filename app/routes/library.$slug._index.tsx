import { appOrigin } from '~/env.server';
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { FileList } from '~/components/library/file-list';
import { PrintFooter } from '~/components/library/print';
import { PrintButton } from '~/components/ui/print-button';
import { Notice } from '~/components/ui/form';
import { Badge, DateTime } from '~/components/ui/misc';
import { canManageLibrary } from '~/domain/library/access.server';
import { requireMaterial } from '~/domain/library/guards.server';
import { pathTitle } from '~/domain/library/paths.server';
import { markDone, recordView, unmarkDone } from '~/domain/library/progress.server';
import { materialPage } from '~/domain/library/queries.server';
import { ReaderIntentSchema } from '~/domain/library/schema.server';
import { LANGUAGE_NAMES, type Language } from '~/i18n/config';
import { getLanguage } from '~/i18n/i18n.server';
import { done, invalid, readForm } from '~/utils/forms.server';
import { dataTitle } from '~/utils/meta';
import { CheckIcon } from '~/components/ui/icons';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, material } = await requireMaterial(request, params.slug);
  const page = await materialPage(user, material);
  if (page.live) await recordView(user, material.id);
  const language = await getLanguage(request);
  return json({
    material,
    ...page,
    paths: page.paths.map((p) => ({ slug: p.slug, title: pathTitle(p, language) })),
    manager: canManageLibrary(user),
    address: `${appOrigin()}/library/${material.slug}`,
    printedAt: new Date().toISOString(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, material } = await requireMaterial(request, params.slug);
  const parsed = ReaderIntentSchema.safeParse({ intent: (await readForm(request)).get('intent') });
  if (!parsed.success) return invalid({ form: { key: 'validation.invalid' } });
  if (parsed.data.intent === 'done') await markDone(user, material.id);
  else await unmarkDone(user, material.id);
  return done();
}

export default function MaterialPage() {
  const data = useLoaderData<typeof loader>();
  const {
    material,
    live,
    translations,
    completion,
    updatedSinceRead,
    paths,
    pending,
    sourceThread,
    manager,
  } = data;
  const { t } = useTranslation('library');
  const title = live?.title ?? material.draftTitle;
  return (
    <article className="page page--narrow material">
      <p className="breadcrumb no-print">
        <Link to="/library">{t('title')}</Link>
      </p>
      {translations.length ? (
        <nav aria-label={t('material.otherLanguages')} className="language-switch no-print">
          <span>{t('material.otherLanguages')}:</span>{' '}
          {translations.map((tr) => (
            <Link key={tr.slug} to={`/library/${tr.slug}`} lang={tr.language} hrefLang={tr.language}>
              {LANGUAGE_NAMES[tr.language as Language] ?? tr.language}
            </Link>
          ))}
        </nav>
      ) : null}
      <h1 lang={material.language}>{title}</h1>
      <div>
        {material.status === 'archived' ? (
          <Notice tone="info">
            <p>{t('material.archived')}</p>
          </Notice>
        ) : null}
        {updatedSinceRead ? (
          <Notice tone="info">
            <p>
              <strong>{t('material.updatedSinceRead')}</strong>{' '}
              {t('material.updatedSinceReadHelp', {
                read: completion?.versionNumber,
                now: material.liveNumber,
              })}{' '}
              <Link to={`/library/${material.slug}/versions`}>{t('material.seeChanges')}</Link>
            </p>
          </Notice>
        ) : null}
        {!live ? (
          <Notice tone="info">
            <p>{t('material.notPublished')}</p>
          </Notice>
        ) : null}
        <p className="muted material__meta">
          {t(`types.${material.type}`)}
          {material.level ? ` · ${t(`levels.${material.level}`)}` : ''}
          {live ? (
            <>
              {' · '}
              {t('material.version', { number: live.number })} · {t('material.updated')}{' '}
              <DateTime value={live.publishedAt ?? live.publishAt} />
            </>
          ) : null}
        </p>
      </div>
      {live?.summary ? (
        <p className="lead" lang={material.language}>
          {live.summary}
        </p>
      ) : null}
      {live ? (
        <div className="prose" lang={material.language} dangerouslySetInnerHTML={{ __html: live.bodyHtml }} />
      ) : null}
      {live?.links.length ? (
        <section aria-labelledby="videos-heading" className="section">
          <h2 id="videos-heading">{t('material.videos')}</h2>
          <ul>
            {live.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="noopener noreferrer" lang={material.language}>
                  {l.title}
                </a>{' '}
                <span className="muted print-url">{l.url}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div>
        {live ? <FileList files={live.files} /> : null}
        {live && material.status === 'published' ? (
          <Form method="post" className="done-form no-print" preventScrollReset>
            {completion && !updatedSinceRead ? (
              <p>
                <Badge tone="accepted">
                  <CheckIcon />
                  {t('material.done')}
                </Badge>{' '}
                <button
                  type="submit"
                  name="intent"
                  value="undone"
                  className="button button--secondary button--small"
                >
                  {t('material.undo')}
                </button>
              </p>
            ) : (
              <button type="submit" name="intent" value="done" className="button">
                {updatedSinceRead ? t('material.markReadAgain') : t('material.markDone')}
              </button>
            )}
          </Form>
        ) : null}
        {paths.length ? (
          <p className="no-print">
            {t('material.inPaths')}{' '}
            {paths.map((p, i) => (
              <span key={p.slug}>
                {i ? ', ' : ''}
                <Link to={`/library/paths/${p.slug}`}>{p.title}</Link>
              </span>
            ))}
          </p>
        ) : null}
        {sourceThread ? (
          <p className="no-print">
            {t('material.fromForum')} <Link to={`/forum/t/${sourceThread.id}`}>{sourceThread.title}</Link>
          </p>
        ) : null}
        <p className="actions-row no-print">
          {live ? <PrintButton label={t('material.print')} /> : null}
          <Link to={`/library/${material.slug}/versions`}>{t('versions.title')}</Link>
          {manager ? (
            <>
              <Link to={`/library/${material.slug}/edit`}>{t('edit.open')}</Link>
              <Link to={`/library/${material.slug}/stats`}>{t('stats.title')}</Link>
            </>
          ) : null}
        </p>
        {manager && pending ? (
          <p className="muted no-print">
            {t('edit.scheduledFor')} {t('edit.version', { number: pending.number })},{' '}
            <DateTime value={pending.publishAt} />
          </p>
        ) : null}
        <PrintFooter address={data.address} printedAt={data.printedAt} />
      </div>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.live?.title ?? data?.material.draftTitle, 'library:title');
