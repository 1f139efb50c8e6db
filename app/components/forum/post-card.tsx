import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { FieldErrorText, SelectField, TextField } from '~/components/ui/form';
import { PostModerationForm } from './post-moderation-form';
import { Badge, DateTime, PersonName, usePersonName } from '~/components/ui/misc';
import type { ThreadPost } from '~/domain/forum/threads.server';
import { FLAG_REASONS, REACTIONS } from '~/domain/forum/constants';
import type { FieldErrors, FormValues } from '~/utils/forms';
import type { SerializeFrom } from '@remix-run/node';
import { CheckIcon, VerifiedIcon } from '~/components/ui/icons';

type Post = SerializeFrom<ThreadPost>;

export type PostAbilities = {
  viewerId: string;
  /** The reader asked the thread's question: accepting an answer is theirs to do, in view. */
  asker: boolean;
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
  /** A member of staff chose "More actions" for this post (`?actions=`): its panel is open. */
  actionsOpen?: boolean;
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
  actionsOpen = false,
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
          actionsOpen={actionsOpen}
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

/** What the panel behind "More actions" sends; its errors show in the panel. */
const STAFF_INTENTS = ['accept', 'verify', 'hide', 'unhide', 'dismiss'];

function PostActions({
  post,
  accepted,
  mine,
  abilities,
  result,
  flagOpen,
  actionsOpen,
  at,
}: {
  post: Post;
  accepted: boolean;
  mine: boolean;
  abilities: PostAbilities;
  result: Props['result'];
  flagOpen: boolean;
  actionsOpen: boolean;
  at: ReturnType<typeof threadPage>;
}) {
  const { t } = useTranslation('forum');
  const failed = (intents: string | string[]) =>
    sentBy(result.values, intents, post.id) && Object.keys(result.errors).length > 0;
  // Open again only when what was sent failed (a done one shows the page's success message).
  const flagFailed = failed('flag');
  const staff = staffActions(post, abilities);
  // The asker's own "accept" is sent from the row, not the panel: its error shows there.
  const staffFailed = staff.any && failed(STAFF_INTENTS.filter((i) => i !== 'accept' || staff.accept));
  return (
    <div className="post__actions">
      {!post.hiddenAt && (!abilities.locked || abilities.canModerate) ? (
        <Link to={`${at.with('quote', post.id)}#reply`} className="button button--secondary">
          {t('post.quote')}
        </Link>
      ) : null}
      {/* The asker's own choice stays in view; others who may accept find it under "More actions". */}
      {abilities.asker && !post.isQuestion && abilities.canAccept && !post.hiddenAt ? (
        <AcceptForm postId={post.id} accepted={accepted} />
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
      {staff.any ? (
        actionsOpen || staffFailed ? (
          <StaffPanel
            post={post}
            accepted={accepted}
            staff={staff}
            here={at.here}
            errors={staffFailed ? result.errors : {}}
          />
        ) : (
          // As "Report": a link, and the one panel is drawn under the post chosen. Four more
          // buttons under each of twenty posts took a phone's screen each (and a fifth of the
          // page's HTML).
          <Link
            to={`${at.with('actions', post.id)}#actions-${post.id}`}
            preventScrollReset
            className="button button--secondary"
          >
            {t('post.moreActions')}
          </Link>
        )
      ) : null}
      {sentBy(result.values, ['accept', 'react', 'delete'], post.id) && !staffFailed && result.errors.form ? (
        <FieldErrorText id={`post-${post.id}-error`} error={result.errors.form} />
      ) : null}
    </div>
  );
}

/**
 * What staff may do to a post besides reading it: accept it in someone else's question, verify
 * it, make library material of it, moderate it. Kept behind one "More actions" link.
 */
function staffActions(post: Post, abilities: PostAbilities) {
  const answer = !post.isQuestion && !post.hiddenAt;
  const accept = answer && abilities.canAccept && !abilities.asker;
  const verify = answer && abilities.canVerify;
  const promote = answer && abilities.canPromote;
  const moderate = abilities.canModerate;
  return { accept, verify, promote, moderate, any: accept || verify || promote || moderate };
}

function AcceptForm({ postId, accepted, here }: { postId: string; accepted: boolean; here?: string }) {
  const { t } = useTranslation('forum');
  return (
    <Form method="post" action={here} preventScrollReset>
      <input type="hidden" name="postId" value={postId} />
      <button type="submit" name="intent" value="accept" className="button button--secondary">
        {accepted ? t('post.unaccept') : t('post.accept')}
      </button>
    </Form>
  );
}

function StaffPanel({
  post,
  accepted,
  staff,
  here,
  errors,
}: {
  post: Post;
  accepted: boolean;
  staff: ReturnType<typeof staffActions>;
  here: string;
  errors: FieldErrors;
}) {
  const { t } = useTranslation('forum');
  const headingId = `actions-${post.id}-heading`;
  // The member asked for this panel: focus goes to it (as to ConfirmPanel), and its name is read.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    // Every form is sent to the thread's page without `?actions=`, so the panel closes once a
    // step is done.
    <section
      ref={ref}
      className="post__panel"
      id={`actions-${post.id}`}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <p id={headingId} className="post__panel-title">
        {t('post.actionsTitle')}
      </p>
      {errors.form ? <FieldErrorText id={`actions-${post.id}-error`} error={errors.form} /> : null}
      {staff.accept || staff.verify || staff.promote ? (
        <div className="actions-row">
          {staff.accept ? <AcceptForm postId={post.id} accepted={accepted} here={here} /> : null}
          {staff.verify ? (
            <Form method="post" action={here} preventScrollReset>
              <input type="hidden" name="postId" value={post.id} />
              <button type="submit" name="intent" value="verify" className="button button--secondary">
                {post.verifiedAt ? t('post.unverify') : t('post.verify')}
              </button>
            </Form>
          ) : null}
          {staff.promote ? (
            <Form method="post" action="/library/promote">
              <input type="hidden" name="postId" value={post.id} />
              <button type="submit" className="button button--secondary">
                {t('post.promote')}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {staff.moderate ? (
        <PostModerationForm
          postId={post.id}
          hidden={Boolean(post.hiddenAt)}
          offerUnhide
          action={here}
          preventScrollReset
          className="form post__moderation"
          reasonError={errors.reason}
        />
      ) : null}
      <Link to={`${here}#post-${post.id}`} preventScrollReset className="button button--secondary">
        {t('flag.cancel')}
      </Link>
    </section>
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
