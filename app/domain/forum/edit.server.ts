import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';

/** Only the author edits, and only a post that is visible, not removed, not merged away. */
export const editableBy = (authorId: string, postId: string) =>
  ({ id: postId, authorId, deletedAt: null, hiddenAt: null, thread: { mergedIntoId: null } }) as const;

/** What the edit form starts from. */
export async function editablePost(author: AuthUser, postId: string) {
  if (!isUuid(postId)) return null;
  return db.forumPost.findFirst({
    where: editableBy(author.id, postId),
    select: { id: true, isQuestion: true, bodyJson: true, thread: { select: { id: true, title: true } } },
  });
}
