import { inEachLanguage } from '~/i18n/written-in';
import fs from 'node:fs/promises';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { canWriteFor, visibleWhere as briefingVisibleWhere } from '~/domain/briefings/access.server';
import { contactIdsOf } from '~/domain/briefings/eservices.server';
import { notify } from '~/domain/notifications/notify.server';
import { discard, type ReceivedFile } from '~/domain/uploads/files.server';
import { storeImage } from '~/domain/uploads/images.server';
import { visibleFeedbackWhere } from './access.server';
import type { FeedbackInput, RespondInput } from './schema.server';
import type { Result } from '~/utils/result';
import { hitLimit, tooMany } from '~/auth/limits.server';

// Field feedback: an adviser reports what residents run into with an e-service; its contact
// people answer and move it through new → acknowledged → planned → fixed (or won't fix), and
// the reporter is told of each step. Others who meet the same problem add "seen this too".

type Saved = Result<{ id: string }>;

export async function fileFeedback(
  actor: AuthUser,
  eservice: { id: string; nameFi: string; nameSv: string; nameEn: string },
  input: FeedbackInput,
  screenshot: ReceivedFile | null,
): Promise<Saved> {
  // Counted once the form is read, so a member told to wait keeps what they wrote.
  const rate = await hitLimit('eservice-feedback', actor.id);
  if (!rate.allowed) {
    if (screenshot) await discard(screenshot);
    return tooMany(rate, 'feedback:errors.tooMany', 'whatHappened');
  }
  if (input.briefingId) {
    const briefing = await db.briefing.findFirst({
      where: { id: input.briefingId, eserviceId: eservice.id, ...briefingVisibleWhere(actor) },
      select: { id: true },
    });
    if (!briefing) {
      if (screenshot) await discard(screenshot);
      return { ok: false, errors: { briefingId: { key: 'validation.invalid' } } };
    }
  }
  let screenshotId: string | null = null;
  if (screenshot) {
    const bytes = new Uint8Array(await fs.readFile(screenshot.tmpPath));
    await discard(screenshot);
    const stored = await storeImage(actor, bytes, 'feedback');
    if (!stored.ok) return { ok: false, errors: { screenshot: stored.errors.image! } };
    screenshotId = stored.id;
  }
  const id = await db.$transaction(async (tx) => {
    const report = await tx.fieldFeedback.create({
      data: {
        ...input,
        briefingId: input.briefingId ?? null,
        eserviceId: eservice.id,
        reporterId: actor.id,
        screenshotId,
      },
      select: { id: true },
    });
    await notify(tx, {
      type: 'feedback_new',
      recipientIds: await contactIdsOf(tx, eservice.id, actor.id),
      actorName: actor.name,
      title: inEachLanguage(eservice, 'name'),
      url: `/feedback/${report.id}`,
    });
    return report.id;
  });
  return { ok: true, id };
}

export async function findFeedback(viewer: AuthUser, id: string) {
  const report = await db.fieldFeedback.findFirst({
    where: { id, ...visibleFeedbackWhere(viewer) },
    include: {
      eservice: { select: { id: true, slug: true, nameFi: true, nameSv: true, nameEn: true } },
      briefing: { select: { id: true, title: true } },
      reporter: { select: { id: true, name: true, organisation: { select: { name: true } } } },
      replies: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          body: true,
          statusFrom: true,
          statusTo: true,
          createdAt: true,
          author: { select: { name: true } },
        },
      },
      seen: { where: { userId: viewer.id }, select: { userId: true } },
    },
  });
  return report;
}
export type FoundFeedback = NonNullable<Awaited<ReturnType<typeof findFeedback>>>;

export function canHandle(viewer: AuthUser, report: { eserviceId: string }) {
  return canWriteFor(viewer, report.eserviceId);
}

/** "Seen this too": once per member, not by the reporter; the count is what the owner ranks by. */
export async function markSeen(viewer: AuthUser, report: FoundFeedback) {
  if (report.reporterId === viewer.id) return false;
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO feedback_seen (feedback_id, user_id) VALUES (${report.id}::uuid, ${viewer.id}::uuid)
      ON CONFLICT DO NOTHING`;
    if (inserted) {
      await tx.$executeRaw`UPDATE field_feedback SET seen_count = seen_count + 1 WHERE id = ${report.id}::uuid`;
    }
    return inserted > 0;
  });
}

/** A rep's answer, a status change or both; the reporter is told either way. */
export async function respond(actor: AuthUser, report: FoundFeedback, input: RespondInput) {
  const changed = input.status !== report.status;
  if (!changed && !input.body)
    return { ok: false as const, errors: { body: { key: 'feedback:errors.emptyAnswer' } } };
  await db.$transaction(async (tx) => {
    await tx.feedbackReply.create({
      data: {
        feedbackId: report.id,
        authorId: actor.id,
        body: input.body,
        statusFrom: changed ? report.status : null,
        statusTo: changed ? input.status : null,
      },
    });
    if (changed) await tx.fieldFeedback.update({ where: { id: report.id }, data: { status: input.status } });
    await notify(tx, {
      type: 'feedback_status',
      recipientIds: report.reporterId === actor.id ? [] : [report.reporterId],
      actorName: actor.name,
      title: inEachLanguage(report.eservice, 'name'),
      url: `/feedback/${report.id}`,
      data: changed ? { status: input.status } : {},
    });
  });
  return { ok: true as const };
}
