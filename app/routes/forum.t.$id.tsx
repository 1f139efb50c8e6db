import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { can, notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { RichTextField } from '~/components/editor/rich-text-field';
import { PostCard } from '~/components/forum/post-card';
import { ThreadModeration } from '~/components/forum/thread-moderation';
import { DoneNotice, ErrorSummary, useFormResult } from '~/components/ui/form';
import { Pagination, usePersonName } from '~/components/ui/misc';
import { canAcceptIn, canModerate } from '~/domain/forum/access.server';
import { categoryOptions } from '~/domain/forum/categories.server';
import { ThreadActionSchema } from '~/domain/forum/schema.server';
import { runThreadAction } from '~/domain/forum/thread-actions.server';
import {
  findThread,
  firstUnreadPost,
  markRead,
  quotablePost,
  threadPosts,
} from '~/domain/forum/threads.server';
import { getLanguage } from '~/i18n/i18n.server';
import { done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageNumber } from '~/utils/http';
import { dataTitle } from '~/utils/meta';
import { ThreadStateBadges } from '~/components/forum/thread-badges';
import { Fragment } from 'react';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const language = await getLanguage(request);
  const url = new URL(request.url);
  const page = pageNumber(url);
  const lookup = await findThread(user, params.id ?? '', language, page);
  if (!lookup.found) throw notFound();
  if (lookup.mergedInto !== null) throw redirect(`/forum/t/${lookup.mergedInto}`);
  const { thread } = lookup;
  if (url.searchParams.has('unread')) {
    const first = await firstUnreadPost(user, thread.id, thread.lastReadAt);
    if (first) throw redirect(`/forum/t/${thread.id}?page=${first.page}#post-${first.postId}`);
  }
  const { posts, accepted, pages } = await threadPosts(user, thread, page, lookup.pageRows);
  if (page > pages) throw redirect(`/forum/t/${thread.id}?page=${pages}`);
  const newest = posts.reduce<Date | null>((max, p) => (!max || p.createdAt > max ? p.createdAt : max), null);
  if (newest && (!thread.lastReadAt || newest > thread.lastReadAt)) await markRead(user, thread.id, newest);
  const quoteId = url.searchParams.get('quote');
  const moderator = canModerate(user);
  return json({
    thread,
    posts,
    accepted,
    page,
    pages,
    quote: quoteId ? await quotablePost(thread.id, quoteId) : null,
    abilities: {
      viewerId: user.id,
      asker: thread.authorId === user.id,
      canAccept: canAcceptIn(user, thread),
      canVerify: can(user, 'forum:verify'),
      canPromote: can(user, 'library:manage'),
      canModerate: moderator,
      locked: Boolean(thread.lockedAt),
    },
    categories: moderator ? await categoryOptions(language) : [],
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'forum:use');
  const parsed = parseForm(ThreadActionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const outcome = await runThreadAction(user, params.id ?? '', parsed.data, requestMeta(request, context));
  if (!outcome.ok) return refused(outcome, parsed.values);
  if (outcome.redirectTo) return redirect(outcome.redirectTo);
  return done(outcome.message, { values: parsed.values });
}

export default function ThreadPage() {
  const { thread, posts, accepted, page, pages, quote, abilities, categories } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation('forum');
  const personName = usePersonName();
  const { errors, values } = useFormResult();
  const [params] = useSearchParams();
  const replyFailed = values.intent === 'reply';
  const lastRead = thread.lastReadAt ? new Date(thread.lastReadAt) : null;
  const canReply = !thread.lockedAt || abilities.canModerate;
  const onPage = (postId: string) => posts.some((p) => p.id === postId);
  return (
    <div className="page thread">
      <p className="breadcrumb">
        <Link to="/forum">{t('title')}</Link> ›{' '}
        <Link to={`/forum/${thread.category.slug}`}>{thread.category.name}</Link>
      </p>
      <div className="page-header">
        <h1 lang={thread.language}>{thread.title}</h1>
        <Form method="post" preventScrollReset>
          <button
            type="submit"
            name="intent"
            value={thread.following ? 'unfollow' : 'follow'}
            className="button button--secondary"
            aria-pressed={thread.following}
          >
            {thread.following ? t('thread.following') : t('thread.follow')}
          </button>
        </Form>
      </div>
      <ThreadBadges thread={thread} />
      <DoneNotice />
      {errors.form && !values.postId && !replyFailed ? <ErrorSummary errors={{ form: errors.form }} /> : null}
      {abilities.canModerate ? <ThreadModeration thread={thread} categories={categories} /> : null}
      <ol className="posts" aria-label={t('thread.posts')}>
        {posts.map((post) => (
          <li key={post.id}>
            <PostCard
              post={post}
              threadId={thread.id}
              acceptedPostId={thread.acceptedPostId}
              abilities={abilities}
              language={thread.language}
              isNew={Boolean(
                lastRead && new Date(post.createdAt) > lastRead && post.authorId !== abilities.viewerId,
              )}
              result={{ errors, values }}
              flagOpen={params.get('flag') === post.id}
              actionsOpen={params.get('actions') === post.id}
              page={page}
            />
            {post.isQuestion && accepted ? (
              <section className="accepted-answer" aria-labelledby="accepted-heading">
                <h2 id="accepted-heading">{t('thread.acceptedAnswer')}</h2>
                <PostCard
                  post={accepted}
                  threadId={thread.id}
                  acceptedPostId={thread.acceptedPostId}
                  abilities={abilities}
                  language={thread.language}
                  isNew={false}
                  result={{ errors: {}, values: {} }}
                  anchor={false}
                  // The answer is on a later page: its panels open here, under this copy.
                  flagOpen={!onPage(accepted.id) && params.get('flag') === accepted.id}
                  actionsOpen={!onPage(accepted.id) && params.get('actions') === accepted.id}
                />
              </section>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} />
      <section id="reply" aria-labelledby="reply-heading" className="reply">
        <h2 id="reply-heading">{t('reply.title')}</h2>
        {canReply ? (
          <Form method="post" key={params.get('quote') ?? 'reply'}>
            {replyFailed ? <ErrorSummary errors={errors} /> : null}
            {quote ? (
              <blockquote className="post__quote">
                <p className="muted">{t('post.quoting', { name: personName(quote.authorName) })}</p>
                <p>{quote.excerpt}</p>
                <input type="hidden" name="quotedPostId" value={quote.id} />
              </blockquote>
            ) : null}
            <RichTextField
              label={t('reply.body')}
              error={replyFailed ? errors.body : undefined}
              initialJson={replyFailed && typeof values.body === 'string' ? values.body : undefined}
              initialText={replyFailed && typeof values.bodyText === 'string' ? values.bodyText : ''}
              loadEditor="on-focus"
            />
            <button type="submit" name="intent" value="reply" className="button">
              {t('reply.send')}
            </button>
          </Form>
        ) : (
          <p>{t('thread.lockedNotice')}</p>
        )}
      </section>
    </div>
  );
}

function ThreadBadges({ thread }: { thread: ReturnType<typeof useLoaderData<typeof loader>>['thread'] }) {
  return (
    <p className="thread__badges">
      <ThreadStateBadges thread={thread} />
      {[...thread.eserviceTags, ...thread.tags].map((tag) => (
        <Fragment key={tag}>
          <Link
            to={`/forum/${thread.category.slug}?tag=${encodeURIComponent(tag)}`}
            className="badge badge--tag"
          >
            #{tag}
          </Link>{' '}
        </Fragment>
      ))}
    </p>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.thread.title, 'forum:title');
