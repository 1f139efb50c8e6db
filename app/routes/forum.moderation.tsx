import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { DoneNotice, useFormResult } from '~/components/ui/form';
import { PostModerationForm } from '~/components/forum/post-moderation-form';
import { Badge, DateTime, Pagination, PersonName } from '~/components/ui/misc';
import { moderate, openFlags } from '~/domain/forum/moderation.server';
import { similarQuestionTotals } from '~/domain/forum/similar-questions.server';
import { done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { QueueActionSchema } from '~/domain/forum/schema.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'forum:moderate');
  const page = pageNumber(new URL(request.url));
  const [flags, similar] = await Promise.all([openFlags(page), similarQuestionTotals()]);
  return json({ ...flags, page, similar });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:moderate');
  const parsed = parseForm(QueueActionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await moderate(user, parsed.data, requestMeta(request, context));
  if (!result.ok) return refused(result, parsed.values);
  return done(`forum:done.${parsed.data.intent}`);
}

export default function ModerationQueuePage() {
  const { items, total, page, pages, similar } = useLoaderData<typeof loader>();
  const { t } = useTranslation('forum');
  const { errors, values } = useFormResult();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/forum">{t('title')}</Link>
      </p>
      <h1>{t('moderation.title')}</h1>
      <DoneNotice />
      <p role="status">{t('moderation.count', { count: total })}</p>
      <ul className="card-list">
        {items.map((post) => {
          const sent = values.postId === post.id;
          return (
            <li key={post.id} className="card">
              <h2 className="card__title">
                <a href={`/forum/p/${post.id}`}>{post.thread.title}</a>
              </h2>
              <p className="muted">
                <PersonName name={post.author.name} /> · <DateTime value={post.createdAt} />
                {post.hiddenAt ? <Badge tone="danger">{t('moderation.alreadyHidden')}</Badge> : null}
              </p>
              <div className="rich-text flagged-post" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
              <h3>{t('moderation.reports', { count: post.flags.length })}</h3>
              <ul>
                {post.flags.map((f) => (
                  <li key={f.id}>
                    <strong>{t(`flag.reasons.${f.reason}`)}</strong> – {f.reporter.name},{' '}
                    <DateTime value={f.createdAt} />
                    {f.note ? <span className="block">“{f.note}”</span> : null}
                  </li>
                ))}
              </ul>
              <PostModerationForm
                postId={post.id}
                hidden={Boolean(post.hiddenAt)}
                offerUnhide={false}
                className="form form--inline"
                reasonError={sent ? errors.reason : undefined}
              />
            </li>
          );
        })}
      </ul>
      {items.length === 0 ? <p>{t('moderation.empty')}</p> : null}
      <Pagination page={page} pages={pages} />
      <section aria-labelledby="similar-heading" className="section">
        <h2 id="similar-heading">{t('moderation.similarTitle')}</h2>
        <p>
          {t('moderation.similarFigures', {
            days: similar.days,
            opened: similar.opened,
            askedAfter: similar.askedAfter,
            notAsked: similar.notAsked,
          })}
        </p>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forum:moderation.title');
