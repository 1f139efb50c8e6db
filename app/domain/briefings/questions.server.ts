import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { notify } from '~/domain/notifications/notify.server';
import { hitLimit, tooMany } from '~/auth/limits.server';
import { NOT_FOUND, type Result } from '~/utils/result';
import { contactIdsOf } from './eservices.server';

// Questions about a briefing. They live with the briefing, not in the forum, so they share its
// audience and its confidentiality (ADR 010); the writers answer, and an answered question can
// be lifted into the briefing's FAQ. Notifications carry the briefing's title only.

type Briefing = { id: string; eserviceId: string; liveNumber: number; title: string };

async function liveTitle(b: Briefing) {
  const live = await db.briefingVersion.findUnique({
    where: { briefingId_number: { briefingId: b.id, number: b.liveNumber } },
    select: { title: true },
  });
  return live?.title ?? b.title;
}

type QuestionRow = {
  id: string;
  body: string;
  answer: string;
  answeredAt: Date | null;
  inFaq: boolean;
  createdAt: Date;
  author: { name: string };
  answeredBy: { name: string } | null;
};

/** The questions asked about a briefing, oldest first, with who asked and answered: one statement. */
export async function listQuestions(briefingId: string): Promise<QuestionRow[]> {
  // Joins rather than Prisma's relations: those cost two more statements, even with no questions.
  return db.$queryRaw<QuestionRow[]>`
    SELECT q.id::text, q.body, q.answer, q.answered_at AS "answeredAt", q.in_faq AS "inFaq",
           q.created_at AS "createdAt", json_build_object('name', a.name) AS author,
           CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object('name', b.name) END AS "answeredBy"
    FROM briefing_question q
    JOIN app_user a ON a.id = q.author_id
    LEFT JOIN app_user b ON b.id = q.answered_by_id
    WHERE q.briefing_id = ${briefingId}::uuid
    ORDER BY q.created_at, q.id`;
}

export async function askQuestion(viewer: AuthUser, briefing: Briefing, body: string): Promise<Result> {
  const rate = await hitLimit('briefing-question', viewer.id);
  if (!rate.allowed) return tooMany(rate, 'briefings:errors.tooManyQuestions', 'question');
  const title = await liveTitle(briefing);
  await db.$transaction(async (tx) => {
    await tx.briefingQuestion.create({ data: { briefingId: briefing.id, authorId: viewer.id, body } });
    await notify(tx, {
      type: 'briefing_question',
      recipientIds: await contactIdsOf(tx, briefing.eserviceId, viewer.id),
      actorName: viewer.name,
      title,
      url: `/briefings/${briefing.id}#questions`,
    });
  });
  return { ok: true };
}

/** The question of this briefing, or null (an id from another briefing is not found). */
function findQuestion(briefingId: string, id: string) {
  return db.briefingQuestion.findFirst({ where: { id, briefingId }, select: { id: true, authorId: true } });
}

export async function answerQuestion(
  actor: AuthUser,
  briefing: Briefing,
  questionId: string,
  answer: string,
): Promise<Result> {
  const question = await findQuestion(briefing.id, questionId);
  if (!question) return NOT_FOUND;
  const title = await liveTitle(briefing);
  await db.$transaction(async (tx) => {
    await tx.briefingQuestion.update({
      where: { id: question.id },
      data: { answer, answeredById: actor.id, answeredAt: new Date() },
    });
    await notify(tx, {
      type: 'briefing_answer',
      recipientIds: question.authorId === actor.id ? [] : [question.authorId],
      actorName: actor.name,
      title,
      url: `/briefings/${briefing.id}#question-${question.id}`,
    });
  });
  return { ok: true };
}

/** Lifts an answered question into the FAQ, or takes it out again. */
export async function setInFaq(briefing: Briefing, questionId: string, inFaq: boolean): Promise<Result> {
  const { count } = await db.briefingQuestion.updateMany({
    where: { id: questionId, briefingId: briefing.id, ...(inFaq ? { answeredAt: { not: null } } : {}) },
    data: { inFaq },
  });
  return count > 0 ? { ok: true } : NOT_FOUND;
}
