import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { TextField } from '~/components/ui/form';
import type { FieldError } from '~/utils/forms';

type Props = {
  postId: string;
  hidden: boolean;
  /** A thread's panel offers to show a hidden post again; the queue of reports does not. */
  offerUnhide: boolean;
  /** Where the form is sent: a thread's page without `?actions=`, so that its panel closes. */
  action?: string;
  className: string;
  reasonError?: FieldError;
  preventScrollReset?: boolean;
};

/**
 * A moderator's step on one post: the reason the author is told, then hide it (or show it
 * again) or dismiss its reports. The moderation queue and a thread's "More actions" panel.
 */
export function PostModerationForm({
  postId,
  hidden,
  offerUnhide,
  action,
  className,
  reasonError,
  preventScrollReset,
}: Props) {
  const { t } = useTranslation('forum');
  return (
    <Form method="post" action={action} preventScrollReset={preventScrollReset} className={className}>
      <input type="hidden" name="postId" value={postId} />
      <TextField
        name="reason"
        label={t('moderation.reason')}
        hint={t('moderation.reasonHint')}
        maxLength={500}
        error={reasonError}
      />
      <div className="actions-row">
        {!hidden ? (
          <button type="submit" name="intent" value="hide" className="button button--danger">
            {t('moderation.hide')}
          </button>
        ) : offerUnhide ? (
          <button type="submit" name="intent" value="unhide" className="button">
            {t('moderation.unhide')}
          </button>
        ) : null}
        <button type="submit" name="intent" value="dismiss" className="button button--secondary">
          {t('moderation.dismiss')}
        </button>
      </div>
    </Form>
  );
}
