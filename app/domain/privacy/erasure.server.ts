import fs from 'node:fs';
import type { AuthUser } from '~/auth/guards.server';
import type { PermissionScope } from '~/auth/roles';
import { db, type Tx } from '~/db.server';
import { appOrigin, env } from '~/env.server';
import { formatDate } from '~/i18n/format';
import { writeAudit } from '~/domain/audit/audit.server';
import { removeAllPostsOf } from '~/domain/forum/posts.server';
import { enqueueJob } from '~/domain/jobs/queue.server';
import { queueEmail } from '~/domain/mail/outbox.server';
import { erasureRequestedEmail } from '~/domain/mail/templates.server';
import type { JobHandler } from '~/domain/jobs/registry.server';
import { getMember, managesMember } from '~/domain/members/members.server';
import { removeStoredFile } from '~/domain/uploads/files.server';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';
import { exportPath } from './export.server';

// Erasure (issue 16 item 3, ADR 027). A member asks; an admin confirms, or it happens by itself
// after GRACE_DAYS. The account stays as an anonymous "former member" (so the network's threads
// keep their shape), everything that says who they were goes, and a guidance entry keeps no
// link to them at all.

export const GRACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const erasureDue = (requestedAt: Date) => new Date(requestedAt.getTime() + GRACE_DAYS * DAY_MS);

const jobKey = (userId: string) => `erase:${userId}`;

export type ErasureState = { requestedAt: Date; dueAt: Date; deletesPosts: boolean } | null;

export async function erasureState(userId: string): Promise<ErasureState> {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { erasureRequestedAt: true, erasureDeletesPosts: true },
  });
  if (!row?.erasureRequestedAt) return null;
  return {
    requestedAt: row.erasureRequestedAt,
    dueAt: erasureDue(row.erasureRequestedAt),
    deletesPosts: row.erasureDeletesPosts,
  };
}

/**
 * The member asks for their account to go; a job erases it when the grace days are over. An
 * e-mail tells them the date and how to cancel (someone else at their keyboard is found out).
 */
export async function requestErasure(
  user: Pick<AuthUser, 'id' | 'organisationId' | 'email' | 'locale'>,
  deletesPosts: boolean,
  ip: string,
): Promise<Result<{ dueAt: Date }>> {
  const now = new Date();
  const dueAt = erasureDue(now);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, erasureRequestedAt: null, erasedAt: null },
      data: { erasureRequestedAt: now, erasureDeletesPosts: deletesPosts },
    });
    if (!count) return refuse('profile:erasure.errors.already', { status: 409 });
    await enqueueJob(tx, { type: 'privacy.erase', payload: { userId: user.id }, runAt: dueAt });
    await writeAudit(tx, {
      action: 'erasure_requested',
      actorId: user.id,
      targetType: 'user',
      targetId: user.id,
      organisationId: user.organisationId,
      ip,
      details: { deletesPosts },
    });
    await queueEmail(
      tx,
      await erasureRequestedEmail(user.locale, user.email, {
        date: formatDate(dueAt.toISOString(), user.locale),
        url: `${appOrigin()}/profile/remove-account`,
      }),
    );
    return { ok: true as const, dueAt };
  });
}

/** Changed their mind before it was done. */
export async function cancelErasure(
  user: Pick<AuthUser, 'id' | 'organisationId'>,
  ip: string,
): Promise<Result> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, erasureRequestedAt: { not: null }, erasedAt: null },
      data: { erasureRequestedAt: null, erasureDeletesPosts: false },
    });
    if (!count) return refuse('profile:erasure.errors.notRequested', { status: 409 });
    await tx.job.deleteMany({ where: { uniqueKey: jobKey(user.id), status: 'pending' } });
    await writeAudit(tx, {
      action: 'erasure_cancelled',
      actorId: user.id,
      targetType: 'user',
      targetId: user.id,
      organisationId: user.organisationId,
      ip,
    });
    return { ok: true as const };
  });
}

const reviewAfter = () => {
  const date = new Date();
  date.setMonth(date.getMonth() - env().ERASURE_REVIEW_MONTHS);
  return date;
};

/**
 * For an admin: the open requests (due first) and the members deactivated longer than
 * ERASURE_REVIEW_MONTHS, in what this admin may see and manage.
 */
export async function erasureReview(viewer: AuthUser, scope: PermissionScope) {
  const where = { erasedAt: null, ...(scope === 'all' ? {} : { organisationId: viewer.organisationId }) };
  const select = {
    id: true,
    name: true,
    email: true,
    deactivatedAt: true,
    erasureRequestedAt: true,
    erasureDeletesPosts: true,
    organisation: { select: { name: true } },
  } as const;
  const [requests, dormant] = await Promise.all([
    db.user.findMany({
      where: { ...where, erasureRequestedAt: { not: null } },
      orderBy: { erasureRequestedAt: 'asc' },
      take: 200,
      select,
    }),
    db.user.findMany({
      where: {
        ...where,
        erasureRequestedAt: null,
        status: 'deactivated',
        deactivatedAt: { lt: reviewAfter() },
      },
      orderBy: { deactivatedAt: 'asc' },
      take: 200,
      select,
    }),
  ]);
  return {
    months: env().ERASURE_REVIEW_MONTHS,
    requests: requests.map((m) => ({ ...m, dueAt: erasureDue(m.erasureRequestedAt!) })),
    dormant,
  };
}

/**
 * Whether an admin may erase this member now: one who asked, or one deactivated longer than the
 * review period. Someone they may not manage (or see) is not found; nobody erases themselves.
 */
export async function erasable(actor: AuthUser, scope: PermissionScope, memberId: string): Promise<Result> {
  const member = await getMember(actor, scope, memberId);
  if (!member || !managesMember(actor, member)) return NOT_FOUND;
  const dormant =
    member.status === 'deactivated' && member.deactivatedAt !== null && member.deactivatedAt < reviewAfter();
  if (!member.erasureRequestedAt && !dormant) return refuse('admin:erasure.errors.notDue', { status: 409 });
  return { ok: true };
}

/** An admin erases now (see `erasable`). */
export async function confirmErasure(
  actor: AuthUser,
  scope: PermissionScope,
  memberId: string,
  ip: string,
): Promise<Result> {
  const allowed = await erasable(actor, scope, memberId);
  if (!allowed.ok) return allowed;
  return (await eraseMember(memberId, { actorId: actor.id, ip })) ? { ok: true } : NOT_FOUND;
}

/** The job queued by a request: erases if the request still stands. */
export const eraseJob: JobHandler<'privacy.erase'> = async ({ userId }) => {
  const row = await db.user.findUnique({ where: { id: userId }, select: { erasureRequestedAt: true } });
  if (!row?.erasureRequestedAt || erasureDue(row.erasureRequestedAt) > new Date()) return;
  await eraseMember(userId, { actorId: null, ip: '' });
};

/**
 * The erasure itself, in one transaction: the account row keeps its id and nothing else of the
 * person; what only concerns them is deleted; what others need (their posts unless they chose
 * otherwise, material they wrote for the network) stays under "former member". Files are
 * removed after the commit. Returns false when there was nothing left to erase.
 */
export async function eraseMember(
  userId: string,
  by: { actorId: string | null; ip: string },
): Promise<boolean> {
  // Removed after the commit, so a rollback keeps them.
  const uploads: string[] = [];
  const copies: string[] = [];
  const erased = await db.$transaction(
    async (tx) => {
      const member = await tx.user.findFirst({
        where: { id: userId, erasedAt: null },
        select: { id: true, email: true, name: true, organisationId: true, erasureDeletesPosts: true },
      });
      if (!member) return false;
      const deletesPosts = member.erasureDeletesPosts;
      const removedPosts = deletesPosts ? await removeAllPostsOf(tx, member.id) : 0;
      if (deletesPosts) uploads.push(...(await removeForumPictures(tx, member.id)));
      copies.push(...(await removeOwnRows(tx, member.id)));
      await unlinkEverywhere(tx, member);
      await tx.user.update({ where: { id: member.id }, data: anonymous(member.id) });
      await writeAudit(tx, {
        action: 'member_erased',
        actorId: by.actorId,
        targetType: 'user',
        targetId: member.id,
        organisationId: member.organisationId,
        ip: by.ip,
        details: { deletesPosts, removedPosts, by: by.actorId ? 'admin' : 'schedule' },
      });
      return true;
    },
    { timeout: 120_000 },
  );
  for (const id of uploads) await removeStoredFile(id);
  for (const id of copies) await fs.promises.rm(exportPath(id), { force: true });
  return erased;
}

/** What the account row keeps: its id, organisation and dates; no name, address or choices. */
function anonymous(id: string) {
  const now = new Date();
  return {
    // Unique and never deliverable (.invalid is reserved): nobody can log in or be invited as it.
    email: `former-${id}@erased.invalid`,
    name: '',
    passwordHash: '!',
    status: 'deactivated',
    deactivatedAt: now,
    erasedAt: now,
    lastLoginAt: null,
    feedSeenAt: null,
    phone: '',
    adviseLanguages: [],
    knowDevices: [],
    knowTopics: [],
    directoryShows: [],
    digestFrequency: 'off',
    digestSentAt: null,
    digestToken: null,
    erasureDeletesPosts: false,
  };
}

/** Rows that are only about the member: gone. Returns the ids of their data copies (files). */
async function removeOwnRows(tx: Tx, userId: string): Promise<string[]> {
  const mine = { where: { userId } };
  const copies = await tx.dataExport.findMany({ ...mine, select: { id: true } });
  await tx.dataExport.deleteMany(mine);
  await tx.session.deleteMany(mine);
  await tx.twoFactor.deleteMany(mine);
  await tx.recoveryCode.deleteMany(mine);
  await tx.loginChallenge.deleteMany(mine);
  await tx.ssoIdentity.deleteMany(mine);
  await tx.passwordReset.deleteMany(mine);
  await tx.calendarFeed.deleteMany(mine);
  // Which Workplace account they were (an import's record): the link to the person goes too.
  await tx.archiveItem.deleteMany({ where: { kind: 'member', localId: userId } });
  await tx.userRole.deleteMany(mine);
  await tx.userSupportPoint.deleteMany(mine);
  await tx.notification.deleteMany(mine);
  await tx.notificationPreference.deleteMany(mine);
  await tx.forumThreadFollow.deleteMany(mine);
  await tx.forumCategoryFollow.deleteMany(mine);
  await tx.forumThreadRead.deleteMany(mine);
  await tx.forumReaction.deleteMany(mine);
  await tx.forumFlag.deleteMany({ where: { reporterId: userId } });
  await tx.libraryView.deleteMany(mine);
  await tx.libraryCompletion.deleteMany(mine);
  await tx.announcementRead.deleteMany(mine);
  await tx.briefingRead.deleteMany(mine);
  await tx.feedbackSeen.deleteMany(mine);
  await tx.eventRsvp.deleteMany(mine);
  // Their shifts, with the reasons they gave for cancelling; the slots they added stay, unsigned.
  await tx.shift.deleteMany(mine);
  await tx.eventOrganiser.deleteMany(mine);
  await tx.eServiceContact.deleteMany(mine);
  // The invitation they joined with holds their address.
  await tx.invite.deleteMany(mine);
  return copies.map((c) => c.id);
}

/**
 * Links to the member from rows that stay: guidance entries and residents' answers lose the
 * adviser, roles they gave lose the giver, and their name and address go from where they were
 * copied (notifications to others, the audit log, the e-mail outbox, rate-limit keys).
 */
async function unlinkEverywhere(tx: Tx, member: { id: string; email: string; name: string }) {
  await tx.guidanceSession.updateMany({ where: { adviserId: member.id }, data: { adviserId: null } });
  await tx.residentFeedback.updateMany({ where: { adviserId: member.id }, data: { adviserId: null } });
  // Referral slips stay for the residents holding them and for the counts; they name no adviser.
  await tx.referral.updateMany({ where: { createdById: member.id }, data: { createdById: null } });
  await tx.userRole.updateMany({ where: { grantedById: member.id }, data: { grantedById: null } });
  await tx.helpSlot.updateMany({ where: { createdById: member.id }, data: { createdById: null } });
  await tx.briefingQuestion.updateMany({ where: { answeredById: member.id }, data: { answeredById: null } });
  await tx.email.deleteMany({ where: { to: member.email } });
  await tx.rateLimit.deleteMany({
    where: { OR: [{ key: { contains: member.id } }, { key: { contains: member.email } }] },
  });
  // Names were copied into others' notifications when they acted; a same-named member's
  // notifications lose the name too, which says less but nothing wrong.
  if (member.name)
    await tx.notification.updateMany({ where: { actorName: member.name }, data: { actorName: '' } });
  await tx.$executeRaw`
    UPDATE audit_log SET ip = '', details = details - 'email'
    WHERE actor_id = ${member.id}::uuid OR details->>'email' = ${member.email}`;
}

/**
 * Pictures in their posts go with the posts. Other uploads are part of what stays: pictures in
 * library material, briefings and field feedback, attachments of material (the network's work).
 */
async function removeForumPictures(tx: Tx, userId: string): Promise<string[]> {
  const uploads = await tx.upload.findMany({
    where: { ownerId: userId, scope: 'forum' },
    select: { id: true },
  });
  await tx.upload.deleteMany({ where: { id: { in: uploads.map((u) => u.id) } } });
  return uploads.map((u) => u.id);
}
