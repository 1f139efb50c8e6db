import { useTranslation } from '~/i18n/use-translation';
import { CheckIcon, LockIcon, PinIcon, VerifiedIcon } from '~/components/ui/icons';
import { Badge } from '~/components/ui/misc';

type Thread = {
  pinned: boolean;
  acceptedPostId: string | null;
  lockedAt: string | null;
  hiddenAt: string | null;
  deviceTags: string[];
  /** Only where lists show it: a trainer verified an answer. */
  hasVerified?: boolean;
  /** Only where lists show it: nobody has answered yet. */
  replyCount?: number;
  /** "workplace": brought over from the Workplace archive (its posts keep their original dates). */
  archivedFrom?: string | null;
};

/** A thread's state as badges, the same in the category list and on the thread page. */
export function ThreadStateBadges({ thread }: { thread: Thread }) {
  const { t } = useTranslation('forum');
  return (
    <>
      {thread.pinned ? (
        <Badge>
          <PinIcon />
          {t('thread.pinned')}
        </Badge>
      ) : null}
      {thread.acceptedPostId ? (
        <Badge tone="accepted">
          <CheckIcon />
          {t('thread.solved')}
        </Badge>
      ) : null}
      {thread.hasVerified ? (
        <Badge tone="verified">
          <VerifiedIcon />
          {t('post.verified')}
        </Badge>
      ) : null}
      {thread.replyCount === 0 ? <Badge>{t('thread.unanswered')}</Badge> : null}
      {thread.lockedAt ? (
        <Badge>
          <LockIcon />
          {t('thread.locked')}
        </Badge>
      ) : null}
      {thread.hiddenAt ? <Badge tone="danger">{t('thread.hidden')}</Badge> : null}
      {thread.archivedFrom ? <Badge>{t('thread.archived')}</Badge> : null}
      {thread.deviceTags.map((d) => (
        <Badge key={d} tone="tag">
          {t(`devices.${d}`)}
        </Badge>
      ))}
    </>
  );
}
