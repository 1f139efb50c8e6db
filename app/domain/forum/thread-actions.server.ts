import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import type { FieldErrors } from '~/utils/forms';
import { toggleAccepted, toggleReaction, toggleVerified, setThreadFollow } from './answers.server';
import { flagPost, moderate } from './moderation.server';
import { deleteOwnPost, reply } from './posts.server';
import type { ThreadAction } from './schema.server';

export type ThreadActionOutcome =
  | { kind: 'redirect'; to: string }
  | { kind: 'done'; message: string }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'not-found' };

const notFound = { kind: 'not-found' } as const;

/** One place that turns a thread page's form into the domain command it names. */
export async function runThreadAction(
  user: AuthUser,
  threadId: string,
  action: ThreadAction,
  meta: RequestMeta,
): Promise<ThreadActionOutcome> {
  switch (action.intent) {
    case 'reply': {
      const result = await reply(user, threadId, action);
      if (!result) return notFound;
      return result.ok
        ? { kind: 'redirect', to: `/forum/p/${result.postId}` }
        : { kind: 'invalid', errors: result.errors };
    }
    case 'react':
      return (await toggleReaction(user, action.postId, action.kind))
        ? { kind: 'done', message: '' }
        : notFound;
    case 'accept':
    case 'verify': {
      const result =
        action.intent === 'accept'
          ? await toggleAccepted(user, action.postId)
          : await toggleVerified(user, action.postId);
      return result === 'ok' ? { kind: 'done', message: `forum:done.${action.intent}` } : notFound;
    }
    case 'delete':
      return (await deleteOwnPost(user, action.postId))
        ? { kind: 'done', message: 'forum:done.delete' }
        : notFound;
    case 'follow':
    case 'unfollow':
      return (await setThreadFollow(user, threadId, action.intent === 'follow'))
        ? { kind: 'done', message: `forum:done.${action.intent}` }
        : notFound;
    case 'flag':
      return (await flagPost(user, action.postId, action))
        ? { kind: 'done', message: 'forum:done.flag' }
        : notFound;
    case 'hide':
    case 'unhide':
    case 'dismiss': {
      const result = await moderate(
        user,
        { intent: action.intent, postId: action.postId, reason: action.reason },
        meta,
      );
      if (!result) return notFound;
      return result.ok
        ? { kind: 'done', message: `forum:done.${action.intent}` }
        : { kind: 'invalid', errors: { [result.field]: { key: result.key } } };
    }
    case 'moderate-thread': {
      const { action: step, reason, categoryId, targetThreadId } = action;
      const result = await moderate(
        user,
        step === 'move'
          ? { intent: step, threadId, categoryId, reason }
          : step === 'merge'
            ? { intent: step, threadId, targetThreadId, reason }
            : { intent: step, threadId, reason },
        meta,
      );
      if (!result) return notFound;
      if (!result.ok) return { kind: 'invalid', errors: { [result.field]: { key: result.key } } };
      return result.threadId !== threadId
        ? { kind: 'redirect', to: `/forum/t/${result.threadId}` }
        : { kind: 'done', message: `forum:done.${step}` };
    }
  }
}
