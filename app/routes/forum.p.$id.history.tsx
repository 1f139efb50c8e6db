import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { DateTime, usePersonName } from '~/components/ui/misc';
import { postHistory } from '~/domain/forum/threads.server';
import { pageTitle } from '~/utils/meta';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const post = await postHistory(user, params.id ?? '');
  if (!post || post.deletedAt) throw notFound();
  return json({ post });
}

export default function PostHistoryPage() {
  const { post } = useLoaderData<typeof loader>();
  const { t } = useTranslation('forum');
  const personName = usePersonName();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/forum/p/${post.id}`}>{post.thread.title}</Link>
      </p>
      <h1>{t('history.title')}</h1>
      <p>{t('history.intro', { name: personName(post.author.name) })}</p>
      <section aria-labelledby="current-version" className="revision">
        <h2 id="current-version">
          {t('history.current')} · <DateTime value={post.editedAt ?? post.createdAt} />
        </h2>
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      </section>
      {post.revisions.map((r, i) => (
        <section key={r.id} aria-labelledby={`rev-${r.id}`} className="revision">
          <h2 id={`rev-${r.id}`}>
            {t('history.version', { number: post.revisions.length - i })} · {t('history.replacedAt')}{' '}
            <DateTime value={r.createdAt} />
          </h2>
          {r.title ? <p className="revision__title">{t('history.titleWas', { title: r.title })}</p> : null}
          {/* Stored already sanitised (it was the post's own HTML before the edit). */}
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forum:history.title');
