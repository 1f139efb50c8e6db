import { Form } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from 'react-i18next';
import { FieldErrorText, SelectField, TextField } from '~/components/ui/form';
import { Badge, DateTime, PersonName, usePersonName } from '~/components/ui/misc';
import type { ThreadPost } from '~/domain/forum/threads.server';
import { FLAG_REASONS, REACTIONS } from '~/domain/forum/constants';
import type { FieldErrors, FormValues } from '~/utils/forms';
import type { SerializeFrom } from '@remix-run/node';
import { CheckIcon, VerifiedIcon } from '~/components/ui/icons';

type Post = SerializeFrom<ThreadPost>;

export type PostAbilities = {
  viewerId: string;
  canAccept: boolean;
  canVerify: boolean;
  /** Trainers may lift an answer into a new library draft. */
  canPromote: boolean;
  canModerate: boolean;
  locked: boolean;
};

type Props = {
  post: Post;
  threadId: string;
  acceptedPostId: string | null;
  abilities: PostAbilities;
  /** The thread's language, for the post's text (the page around it is in the reader's). */
  language: string;
  isNew: boolean;
  /** Errors and typed values of the last submit, shown only in the form that sent them. */
  result: { errors: FieldErrors; values: FormValues };
  anchor?: boolean;
  /** The reader chose to report this post (`?flag=`): its report form is open. */
  flagOpen?: boolean;
  /** A moderator chose to moderate this post (`?moderate=`): its panel is open. */
  moderateOpen?: boolean;
  /** The thread's page the post is on: its links and forms come back to that page. */
  page?: number;
};

/**
 * The thread's page a post is on, and that page with one more parameter: a post's "Report" on
 * page 3 once led to page 1, where neither the post nor its form was.
 */
function threadPage(threadId: string, page: number) {
  const here = page > 1 ? `/forum/t/${threadId}?page=${page}` : `/forum/t/${threadId}`;
  return { here, with: (name: string, value: string) => `${here}${page > 1 ? '&' : '?'}${name}=${value}` };
}

const sentBy = (values: FormValues, intent: string | string[], postId: string) =>
  values.postId === postId && [intent].flat().includes(String(values.intent));

export function PostCard({
  post,
  threadId,
  acceptedPostId,
  abilities,
  language,
  isNew,
  result,
  anchor = true,
  flagOpen = false,
  moderateOpen = false,
  page = 1,
}: Props) {
  const { t } = useTranslation('forum');
  const personName = usePersonName();
  const accepted = acceptedPostId === post.id;
  const mine = post.authorId === abilities.viewerId;
  const removed = Boolean(post.deletedAt);
  return (
    <article
      id={anchor ? `post-${post.id}` : undefined}
      className={`post${accepted ? ' post--accepted' : ''}${post.hiddenAt ? ' post--hidden' : ''}`}
      aria-labelledby={`${anchor ? '' : 'answer-'}post-${post.id}-by`}
    >
      <header className="post__header">
        <p id={`${anchor ? '' : 'answer-'}post-${post.id}-by`} className="post__author">
          <strong>
            <PersonName name={post.author.name} />
          </strong>{' '}
          {/* A former member (ADR 027) has no organisation or role to show. */}
          {post.author.name ? (
            <span className="muted">
              {post.author.organisation.name} · {t(`common:roles.${post.author.role.key}`)}
            </span>
          ) : null}
        </p>
        <p className="post__meta">
          <a href={`/forum/p/${post.id}`}>
            <DateTime value={post.createdAt} />
            <span className="visually-hidden"> {t('post.permalink')}</span>
          </a>
          {post.editedAt ? (
            <>
              {' · '}
              <Link to={`/forum/p/${post.id}/history`}>
                {t('post.edited', { count: post.revisionCount })}
              </Link>
            </>
          ) : null}
          {isNew ? <Badge tone="new">{t('post.new')}</Badge> : null}
          {accepted && !post.isQuestion ? (
            <Badge tone="accepted">
              <CheckIcon />
              {t('post.accepted')}
            </Badge>
          ) : null}
          {post.verifiedAt ? (
            <Badge tone="verified">
              <VerifiedIcon />
              {t('post.verified')}
            </Badge>
          ) : null}
        </p>
      </header>
      {post.hiddenAt ? (
        <p className="notice notice--error">
          {t('post.hiddenNotice')}{' '}
          {post.hiddenReason ? t('post.hiddenReason', { reason: post.hiddenReason }) : null}
        </p>
      ) : null}
      {removed ? (
        <p className="post__removed">{t('post.removedByAuthor')}</p>
      ) : (
        <>
          {post.quote ? (
            <blockquote className="post__quote">
              <p className="muted">
                <a href={`/forum/p/${post.quote.id}`}>
                  {t('post.quoting', { name: personName(post.quote.authorName) })}
                </a>
              </p>
              {post.quote.excerpt ? (
                <p>{post.quote.excerpt}</p>
              ) : (
                <p className="muted">{t('post.quoteGone')}</p>
              )}
            </blockquote>
          ) : null}
          {/* Sanitised on the server when saved (allow-list JSON, then sanitize-html). */}
          <div
            className="post__body rich-text"
            lang={language}
            dangerouslySetInnerHTML={{ __html: post.bodyHtml }}
          />
        </>
      )}
      {!removed && !post.hiddenAt ? <Reactions post={post} /> : null}
      {!removed ? (
        <PostActions
          post={post}
          accepted={accepted}
          mine={mine}
          abilities={abilities}
          result={result}
          flagOpen={flagOpen}
          moderateOpen={moderateOpen}
          at={threadPage(threadId, page)}
        />
      ) : null}
    </article>
  );
}

function Reactions({ post }: { post: Post }) {
  const { t } = useTranslation('forum');
  const who = REACTIONS.filter((kind) => post.reactions[kind]?.count);
  return (
    <div className="reactions">
      <Form method="post" preventScrollReset className="reactions__buttons">
        <input type="hidden" name="postId" value={post.id} />
        <input type="hidden" name="intent" value="react" />
        {REACTIONS.map((kind) => {
          const r = post.reactions[kind];
          return (
            <button
              key={kind}
              type="submit"
              name="kind"
              value={kind}
              className="reaction"
              aria-pressed={Boolean(r?.mine)}
            >
              {t(`reactions.${kind}`)} <span className="reaction__count">{r?.count ?? 0}</span>
            </button>
          );
        })}
      </Form>
      {who.length ? (
        <details className="reactions__who">
          <summary>{t('reactions.who')}</summary>
          <ul className="plain-list">
            {who.map((kind) => (
              <li key={kind}>
                <strong>{t(`reactions.${kind}`)}:</strong> {post.reactions[kind]!.names.join(', ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function PostActions({
  post,
  accepted,
  mine,
  abilities,
  result,
  flagOpen,
  moderateOpen,
  at,
}: {
  post: Post;
  accepted: boolean;
  mine: boolean;
  abilities: PostAbilities;
  result: Props['result'];
  flagOpen: boolean;
  moderateOpen: boolean;
  at: ReturnType<typeof threadPage>;
}) {
  const { t } = useTranslation('forum');
  // Open again only when the report failed (a sent one shows the page's success message).
  const flagFailed = sentBy(result.values, 'flag', post.id) && Object.keys(result.errors).length > 0;
  const modFailed =
    sentBy(result.values, ['hide', 'unhide', 'dismiss'], post.id) && Object.keys(result.errors).length > 0;
  return (
    <div className="post__actions">
      {!post.hiddenAt && (!abilities.locked || abilities.canModerate) ? (
        <Link to={`${at.with('quote', post.id)}#reply`} className="button button--secondary">
          {t('post.quote')}
        </Link>
      ) : null}
      {!post.isQuestion && abilities.canAccept && !post.hiddenAt ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" name="intent" value="accept" className="button button--secondary">
            {accepted ? t('post.unaccept') : t('post.accept')}
          </button>
        </Form>
      ) : null}
      {!post.isQuestion && abilities.canVerify && !post.hiddenAt ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" name="intent" value="verify" className="button button--secondary">
            {post.verifiedAt ? t('post.unverify') : t('post.verify')}
          </button>
        </Form>
      ) : null}
      {!post.isQuestion && abilities.canPromote && !post.hiddenAt ? (
        <Form method="post" action="/library/promote">
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" className="button button--secondary">
            {t('post.promote')}
          </button>
        </Form>
      ) : null}
      {mine && !post.hiddenAt ? (
        <>
          <Link to={`/forum/p/${post.id}/edit`} className="button button--secondary">
            {t('post.edit')}
          </Link>
          <details className="post__menu" open={sentBy(result.values, 'delete', post.id) || undefined}>
            <summary className="button button--secondary">{t('post.delete')}</summary>
            <Form method="post" className="post__panel">
              <input type="hidden" name="postId" value={post.id} />
              <p>{t('post.deleteConfirm')}</p>
              <button type="submit" name="intent" value="delete" className="button button--danger">
                {t('post.deleteNow')}
              </button>
            </Form>
          </details>
        </>
      ) : null}
      {!mine && !post.hiddenAt ? (
        flagOpen || flagFailed ? (
          <FlagPanel postId={post.id} here={at.here} errors={flagFailed ? result.errors : {}} />
        ) : (
          // A link, not a form per post: the one report form is drawn under the post chosen.
          <Link
            to={`${at.with('flag', post.id)}#flag-${post.id}`}
            preventScrollReset
            className="button button--secondary"
          >
            {post.flaggedByMe ? t('flag.flagged') : t('flag.open')}
          </Link>
        )
      ) : null}
      {abilities.canModerate ? (
        moderateOpen || modFailed ? (
          <ModerationPanel post={post} here={at.here} errors={modFailed ? result.errors : {}} />
        ) : (
          // As "Report": a link, and the one panel is drawn under the post chosen (a panel under
          // each of twenty posts was a sixth of a moderator's thread page).
          <Link
            to={`${at.with('moderate', post.id)}#moderate-${post.id}`}
            preventScrollReset
            className="button button--secondary"
          >
            {t('moderation.post')}
          </Link>
        )
      ) : null}
      {sentBy(result.values, ['accept', 'verify', 'react', 'delete'], post.id) && result.errors.form ? (
        <FieldErrorText id={`post-${post.id}-error`} error={result.errors.form} />
      ) : null}
    </div>
  );
}

function ModerationPanel({ post, here, errors }: { post: Post; here: string; errors: FieldErrors }) {
  const { t } = useTranslation('forum');
  return (
    // Sent to the thread's page without `?moderate=`, so the panel closes once it is done.
    <Form method="post" action={here} preventScrollReset className="post__panel" id={`moderate-${post.id}`}>
      <input type="hidden" name="postId" value={post.id} />
      <TextField
        name="reason"
        label={t('moderation.reason')}
        hint={t('moderation.reasonHint')}
        maxLength={500}
        error={errors.reason}
        // The moderator asked for this panel: take them to it.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
      />
      <div className="actions-row">
        {post.hiddenAt ? (
          <button type="submit" name="intent" value="unhide" className="button">
            {t('moderation.unhide')}
          </button>
        ) : (
          <button type="submit" name="intent" value="hide" className="button button--danger">
            {t('moderation.hide')}
          </button>
        )}
        <button type="submit" name="intent" value="dismiss" className="button button--secondary">
          {t('moderation.dismiss')}
        </button>
        <Link to={`${here}#post-${post.id}`} preventScrollReset className="button button--secondary">
          {t('flag.cancel')}
        </Link>
      </div>
    </Form>
  );
}

function FlagPanel({ postId, here, errors }: { postId: string; here: string; errors: FieldErrors }) {
  const { t } = useTranslation('forum');
  return (
    // Sent to the thread's page without `?flag=`, so the form closes once the report is in.
    <Form method="post" action={here} preventScrollReset className="post__panel" id={`flag-${postId}`}>
      <input type="hidden" name="postId" value={postId} />
      <SelectField
        name="reason"
        label={t('flag.reason')}
        error={errors.reason}
        // The reader asked for this form by choosing "Report": take them to it.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        options={[
          { value: '', label: t('flag.choose') },
          ...FLAG_REASONS.map((r) => ({ value: r, label: t(`flag.reasons.${r}`) })),
        ]}
      />
      <TextField name="note" label={t('flag.note')} maxLength={1000} error={errors.note} />
      <div className="actions-row">
        <button type="submit" name="intent" value="flag" className="button">
          {t('flag.send')}
        </button>
        <Link to={`${here}#post-${postId}`} preventScrollReset className="button button--secondary">
          {t('flag.cancel')}
        </Link>
      </div>
    </Form>
  );
}
