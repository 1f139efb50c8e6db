import { shellCountsAtSessionCheck, type AuthUser } from '~/auth/guards.server';
import { oncePerRequest } from '~/utils/request-scope.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db, type Tx } from '~/db.server';
import { writeAudit, type AuditAction } from '~/domain/audit/audit.server';
import { notify } from '~/domain/notifications/notify.server';
import { activeMemberIdsWith } from '~/auth/roles.server';
import { isUuid } from '~/utils/ids';
import { reindexThread } from './search-index.server';
import { refreshThreadStats } from './stats.server';
import { canModerate } from './access.server';
import { OPEN_FLAGS_SQL } from './open-flags';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';

export const FLAGS_PAGE_SIZE = 30;

/**
 * A member reports a post; one open report per member and post. Moderators are told when the
 * post enters the queue, and again when a report says it holds a resident's personal data
 * (by e-mail unless they chose otherwise): more reports of a post already waiting tell no one.
 */
export async function flagPost(
  reporter: AuthUser,
  postId: string,
  input: { reason: string; note: string },
): Promise<Result> {
  if (!isUuid(postId)) return NOT_FOUND;
  const post = await db.forumPost.findFirst({
    where: { id: postId, deletedAt: null, hiddenAt: null, thread: { hiddenAt: null, mergedIntoId: null } },
    select: { id: true, thread: { select: { title: true } } },
  });
  if (!post) return NOT_FOUND;
  await db.$transaction(async (tx) => {
    const open = await tx.forumFlag.findMany({
      where: { postId, resolvedAt: null },
      select: { reporterId: true, reason: true },
    });
    if (open.some((f) => f.reporterId === reporter.id)) return;
    await tx.forumFlag.create({
      data: { postId, reporterId: reporter.id, reason: input.reason, note: input.note },
    });
    const personalData = input.reason === 'personal_data';
    const news = personalData ? !open.some((f) => f.reason === 'personal_data') : open.length === 0;
    if (!news) return;
    await notify(tx, {
      type: personalData ? 'forum_flagged_personal_data' : 'forum_flagged',
      recipientIds: (await activeMemberIdsWith(tx, 'forum:moderate')).filter((id) => id !== reporter.id),
      actorName: reporter.name,
      title: post.thread.title,
      url: '/forum/moderation',
    });
  });
  return { ok: true };
}

/**
 * The navigation's number for moderators: counted by the statement that checked the session on
 * a GET, or once more after an action (which may have resolved reports).
 */
export async function openFlagCount(request: Request): Promise<number> {
  return (
    (await shellCountsAtSessionCheck(request))?.openFlags ??
    oncePerRequest(request, 'open-flags', async () => {
      const [row] = await db.$queryRaw<{ n: number }[]>`SELECT ${OPEN_FLAGS_SQL} AS n`;
      return row?.n ?? 0;
    })
  );
}

/** The moderation queue: posts with open reports, most reported first. */
export async function openFlags(page: number) {
  const groups = await db.forumFlag.groupBy({
    by: ['postId'],
    where: { resolvedAt: null },
    _count: { _all: true },
    _min: { createdAt: true },
    orderBy: [{ _count: { postId: 'desc' } }, { _min: { createdAt: 'asc' } }],
    skip: (page - 1) * FLAGS_PAGE_SIZE,
    take: FLAGS_PAGE_SIZE,
  });
  const total = (await db.forumFlag.groupBy({ by: ['postId'], where: { resolvedAt: null } })).length;
  const posts = await db.forumPost.findMany({
    where: { id: { in: groups.map((g) => g.postId) } },
    select: {
      id: true,
      bodyHtml: true,
      hiddenAt: true,
      createdAt: true,
      author: { select: { name: true } },
      thread: { select: { id: true, title: true, lockedAt: true, pinned: true } },
      flags: {
        where: { resolvedAt: null },
        orderBy: { createdAt: 'asc' },
        select: { id: true, reason: true, note: true, createdAt: true, reporter: { select: { name: true } } },
      },
    },
  });
  const byId = new Map(posts.map((p) => [p.id, p]));
  return {
    items: groups.map((g) => byId.get(g.postId)!).filter(Boolean),
    total,
    pages: Math.max(1, Math.ceil(total / FLAGS_PAGE_SIZE)),
  };
}

async function audit(
  tx: Tx,
  actor: AuthUser,
  meta: RequestMeta,
  action: AuditAction,
  target: { type: 'forum_post' | 'forum_thread'; id: string },
  details: Record<string, string>,
) {
  await writeAudit(tx, {
    action,
    actorId: actor.id,
    targetType: target.type,
    targetId: target.id,
    ip: meta.ip,
    details,
  });
}

async function tellAuthor(
  tx: Tx,
  actor: AuthUser,
  meta: RequestMeta,
  n: { authorId: string; action: string; title: string; url: string; reason: string },
) {
  if (n.authorId === actor.id) return;
  await notify(tx, {
    type: 'forum_moderation',
    recipientIds: [n.authorId],
    actorName: actor.name,
    title: n.title,
    url: n.url,
    detail: n.reason,
    data: { action: n.action },
  });
}

async function resolveFlags(tx: Tx, actor: AuthUser, postIds: string[]) {
  await tx.forumFlag.updateMany({
    where: { postId: { in: postIds }, resolvedAt: null },
    data: { resolvedAt: new Date(), resolvedById: actor.id },
  });
}

export type ModerationCommand =
  | { intent: 'hide' | 'unhide' | 'dismiss'; postId: string; reason: string }
  | { intent: 'lock' | 'unlock' | 'pin' | 'unpin'; threadId: string; reason: string }
  | { intent: 'move'; threadId: string; categoryId: string; reason: string }
  | { intent: 'merge'; threadId: string; targetThreadId: string; reason: string };

export type ModerationResult = Result<{ threadId: string }>;

/** Every moderation step: checked, done, audited and explained to the author, in one transaction. */
export async function moderate(
  actor: AuthUser,
  cmd: ModerationCommand,
  meta: RequestMeta,
): Promise<ModerationResult> {
  if (!canModerate(actor)) return NOT_FOUND;
  if ('postId' in cmd) return moderatePost(actor, cmd, meta);
  return moderateThread(actor, cmd, meta);
}

async function moderatePost(
  actor: AuthUser,
  cmd: Extract<ModerationCommand, { postId: string }>,
  meta: RequestMeta,
): Promise<ModerationResult> {
  if (!isUuid(cmd.postId)) return NOT_FOUND;
  return db.$transaction(async (tx) => {
    const post = await tx.forumPost.findUnique({
      where: { id: cmd.postId },
      select: {
        id: true,
        authorId: true,
        isQuestion: true,
        hiddenAt: true,
        threadId: true,
        thread: { select: { title: true } },
      },
    });
    if (!post) return NOT_FOUND;
    const target = { type: 'forum_post' as const, id: post.id };
    if (cmd.intent === 'dismiss') {
      await resolveFlags(tx, actor, [post.id]);
      await audit(tx, actor, meta, 'forum_flag_dismiss', target, { reason: cmd.reason });
      return { ok: true as const, threadId: post.threadId };
    }
    const hide = cmd.intent === 'hide';
    await tx.forumPost.update({
      where: { id: post.id },
      data: hide
        ? { hiddenAt: new Date(), hiddenById: actor.id, hiddenReason: cmd.reason }
        : { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    // A hidden question hides its thread: nothing else there makes sense without it.
    if (post.isQuestion) {
      await tx.forumThread.update({
        where: { id: post.threadId },
        data: { hiddenAt: hide ? new Date() : null },
      });
    }
    if (hide) {
      await tx.forumThread.updateMany({
        where: { id: post.threadId, acceptedPostId: post.id },
        data: { acceptedPostId: null },
      });
      await resolveFlags(tx, actor, [post.id]);
    }
    await refreshThreadStats(tx, post.threadId);
    await reindexThread(tx, post.threadId);
    await audit(tx, actor, meta, hide ? 'forum_post_hide' : 'forum_post_unhide', target, {
      reason: cmd.reason,
    });
    await tellAuthor(tx, actor, meta, {
      authorId: post.authorId,
      action: cmd.intent,
      title: post.thread.title,
      url: `/forum/p/${post.id}`,
      reason: cmd.reason,
    });
    return { ok: true as const, threadId: post.threadId };
  });
}

async function moderateThread(
  actor: AuthUser,
  cmd: Exclude<ModerationCommand, { postId: string }>,
  meta: RequestMeta,
): Promise<ModerationResult> {
  if (!isUuid(cmd.threadId)) return NOT_FOUND;
  return db.$transaction(async (tx) => {
    const thread = await tx.forumThread.findFirst({
      where: { id: cmd.threadId, mergedIntoId: null },
      select: { id: true, title: true, authorId: true },
    });
    if (!thread) return NOT_FOUND;
    const target = { type: 'forum_thread' as const, id: thread.id };
    let resultThreadId = thread.id;
    let action: AuditAction;
    const details: Record<string, string> = { reason: cmd.reason };
    switch (cmd.intent) {
      case 'lock':
      case 'unlock':
        await tx.forumThread.update({
          where: { id: thread.id },
          data: { lockedAt: cmd.intent === 'lock' ? new Date() : null },
        });
        action = cmd.intent === 'lock' ? 'forum_thread_lock' : 'forum_thread_unlock';
        break;
      case 'pin':
      case 'unpin':
        await tx.forumThread.update({ where: { id: thread.id }, data: { pinned: cmd.intent === 'pin' } });
        action = cmd.intent === 'pin' ? 'forum_thread_pin' : 'forum_thread_unpin';
        break;
      case 'move': {
        const category = isUuid(cmd.categoryId)
          ? await tx.forumCategory.findUnique({
              where: { id: cmd.categoryId },
              select: { id: true, slug: true },
            })
          : null;
        if (!category) return refuse('validation.required', { field: 'categoryId' });
        await tx.forumThread.update({ where: { id: thread.id }, data: { categoryId: category.id } });
        await reindexThread(tx, thread.id);
        action = 'forum_thread_move';
        details.category = category.slug;
        break;
      }
      case 'merge': {
        const targetId = cmd.targetThreadId.match(/[0-9a-f-]{36}/i)?.[0] ?? '';
        const into =
          isUuid(targetId) && targetId !== thread.id
            ? await tx.forumThread.findFirst({
                where: { id: targetId, mergedIntoId: null },
                select: { id: true },
              })
            : null;
        if (!into) return refuse('forum:errors.mergeTarget', { field: 'targetThreadId' });
        // The duplicate's posts join the older thread as replies; its address forwards there.
        await tx.forumPost.updateMany({
          where: { threadId: thread.id },
          data: { threadId: into.id, isQuestion: false },
        });
        await tx.forumThread.update({
          where: { id: thread.id },
          data: { mergedIntoId: into.id, acceptedPostId: null },
        });
        const followers = await tx.forumThreadFollow.findMany({
          where: { threadId: thread.id },
          select: { userId: true },
        });
        await tx.forumThreadFollow.createMany({
          data: followers.map((f) => ({ userId: f.userId, threadId: into.id })),
          skipDuplicates: true,
        });
        await refreshThreadStats(tx, into.id);
        await reindexThread(tx, into.id);
        await reindexThread(tx, thread.id);
        action = 'forum_thread_merge';
        details.into = into.id;
        resultThreadId = into.id;
        break;
      }
    }
    await audit(tx, actor, meta, action, target, details);
    await tellAuthor(tx, actor, meta, {
      authorId: thread.authorId,
      action: cmd.intent,
      title: thread.title,
      url: `/forum/t/${resultThreadId}`,
      reason: cmd.reason,
    });
    return { ok: true as const, threadId: resultThreadId };
  });
}
