import { hitLimit, tooMany } from '~/auth/limits.server';
import { refuse, type Result } from '~/utils/result';
import type { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';
import { isUniqueViolation } from '~/db/errors.server';
import { ANSWER_DAYS } from './constants';
import { isFeedbackCode } from './feedback-link.server';
import { forgetDashboards } from '~/domain/reports/dashboard-cache.server';
import type { ResidentFeedbackInput } from './schema.server';
import { helsinkiToday } from '~/i18n/format';
import { dayDate } from '~/utils/calendar-days';

// A resident's five-face answer, without logging in: through the link of one session (once)
// or a support point's standing link (posted on the wall; limited per address instead).

/** What an answer copies from its session, so that the dashboards filter both alike. */
export const ANSWER_COLUMNS = {
  id: true,
  adviserId: true,
  organisationId: true,
  supportPointId: true,
  eserviceId: true,
  date: true,
} satisfies Prisma.GuidanceSessionSelect;

type AnsweredSession = Prisma.GuidanceSessionGetPayload<{ select: typeof ANSWER_COLUMNS }>;

export function answerColumns({ id, ...columns }: AnsweredSession) {
  return { sessionId: id, ...columns };
}

export type FeedbackTarget =
  | {
      kind: 'session';
      sessionId: string;
      supportPointName: string | null;
      answered: boolean;
      /** Past ANSWER_DAYS: the link was for feedback right after the session. */
      expired: boolean;
    }
  | { kind: 'point'; supportPointId: string; supportPointName: string };

export async function findFeedbackTarget(code: string): Promise<FeedbackTarget | null> {
  if (!isFeedbackCode(code)) return null;
  const session = await db.guidanceSession.findUnique({
    where: { feedbackCode: code },
    select: {
      id: true,
      createdAt: true,
      supportPoint: { select: { name: true } },
      feedback: { select: { id: true } },
    },
  });
  if (session) {
    return {
      kind: 'session',
      sessionId: session.id,
      supportPointName: session.supportPoint?.name ?? null,
      answered: Boolean(session.feedback),
      expired: Date.now() - session.createdAt.getTime() > ANSWER_DAYS * 86_400_000,
    };
  }
  const point = await db.supportPoint.findFirst({
    where: { feedbackCode: code, active: true },
    select: { id: true, name: true },
  });
  return point ? { kind: 'point', supportPointId: point.id, supportPointName: point.name } : null;
}

/**
 * A resident's answer. One already given (a second tap on Send, another phone) is not an error:
 * they are thanked either way. The limits: LIMITS['resident-feedback'] per address,
 * LIMITS['resident-feedback:point'] per standing link.
 */
export async function giveResidentFeedback(
  target: FeedbackTarget,
  input: ResidentFeedbackInput,
  language: string,
  ip: string,
): Promise<Result> {
  if (target.kind === 'session' && target.answered) return { ok: true };
  // Old months' figures are kept once counted (reports/counts.server.ts): they must not change.
  if (target.kind === 'session' && target.expired)
    return refuse('reports:resident.errors.expired', { status: 410 });
  const byAddress = await hitLimit('resident-feedback', ip);
  if (!byAddress.allowed) return tooMany(byAddress, 'reports:resident.errors.tooMany');
  const common = { rating: input.rating, comment: input.comment, language };
  if (target.kind === 'point') {
    const byPoint = await hitLimit('resident-feedback:point', target.supportPointId);
    if (!byPoint.allowed) return tooMany(byPoint, 'reports:resident.errors.tooMany');
    const point = await db.supportPoint.findUniqueOrThrow({
      where: { id: target.supportPointId },
      select: { hostOrganisationId: true },
    });
    await db.residentFeedback.create({
      data: {
        ...common,
        supportPointId: target.supportPointId,
        organisationId: point.hostOrganisationId,
        date: dayDate(helsinkiToday()),
      },
      select: { id: true },
    });
    forgetDashboards();
    return { ok: true };
  }
  const session = await db.guidanceSession.findUniqueOrThrow({
    where: { id: target.sessionId },
    select: ANSWER_COLUMNS,
  });
  try {
    await db.residentFeedback.create({
      data: { ...common, ...answerColumns(session) },
      select: { id: true },
    });
    forgetDashboards();
  } catch (error) {
    // Two taps on Send, or two phones: the session's one answer is already there.
    if (isUniqueViolation(error, 'resident_feedback_session_id_key')) return { ok: true };
    throw error;
  }
  return { ok: true };
}
