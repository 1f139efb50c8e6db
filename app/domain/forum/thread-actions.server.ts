import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import type { Message, Result } from '~/utils/result';
import { toggleAccepted, toggleReaction, toggleVerified, setThreadFollow } from './answers.server';
import { flagPost, moderate } from './moderation.server';
import { deleteOwnPost, reply } from './posts.server';
import type { ThreadAction } from './schema.server';

/** Done (with a page to go to, or a message to say), or refused: 404 for a post not there. */
export type ThreadActionOutcome = Result<{ redirectTo?: string; message?: Message }>;

/** What a command's outcome means on the thread page: refused as it is, or done with `key`. */
const said = (result: Result, key?: string): ThreadActionOutcome =>
  result.ok ? { ok: true, ...(key ? { message: { key } } : {}) } : result;

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
      return result.ok ? { ok: true, redirectTo: `/forum/p/${result.postId}` } : result;
    }
    case 'react':
      // The count on the button is the answer.
      return said(await toggleReaction(user, action.postId, action.kind));
    case 'accept':
      return said(await toggleAccepted(user, action.postId), 'forum:done.accept');
    case 'verify':
      return said(await toggleVerified(user, action.postId), 'forum:done.verify');
    case 'delete':
      return said(await deleteOwnPost(user, action.postId), 'forum:done.delete');
    case 'follow':
    case 'unfollow':
      return said(
        await setThreadFollow(user, threadId, action.intent === 'follow'),
        `forum:done.${action.intent}`,
      );
    case 'flag':
      return said(await flagPost(user, action.postId, action), 'forum:done.flag');
    case 'hide':
    case 'unhide':
    case 'dismiss': {
      const result = await moderate(
        user,
        { intent: action.intent, postId: action.postId, reason: action.reason },
        meta,
      );
      return said(result, `forum:done.${action.intent}`);
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
      if (!result.ok) return result;
      return result.threadId !== threadId
        ? { ok: true, redirectTo: `/forum/t/${result.threadId}` }
        : said(result, `forum:done.${step}`);
    }
  }
}
