import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';

/** What the edit form starts from: only the author's own visible, not removed post. */
export async function editablePost(author: AuthUser, postId: string) {
  if (!isUuid(postId)) return null;
  return db.forumPost.findFirst({
    where: {
      id: postId,
      authorId: author.id,
      deletedAt: null,
      hiddenAt: null,
      thread: { mergedIntoId: null },
    },
    select: { id: true, isQuestion: true, bodyJson: true, thread: { select: { id: true, title: true } } },
  });
}
