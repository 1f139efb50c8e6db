import type { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { canManageBriefings, visibleWhere as briefingVisibleWhere } from '~/domain/briefings/access.server';

// Who sees a report: every member, so others can say "seen this too" — except a report made
// from a briefing, which is seen only by those who may read the briefing (it may be confidential).
// Who handles it: the e-service's contact people and coordinators (canWriteFor).

export function visibleFeedbackWhere(viewer: AuthUser): Prisma.FieldFeedbackWhereInput {
  // Whoever reads every briefing reads every report (and `briefing: {}` would match none).
  if (canManageBriefings(viewer)) return {};
  return { OR: [{ briefingId: null }, { briefing: briefingVisibleWhere(viewer) }] };
}

/** A report's screenshot: for its uploader and whoever may see the report. */
export async function canReadFeedbackFile(viewer: AuthUser, upload: { id: string; ownerId: string }) {
  if (upload.ownerId === viewer.id) return true;
  const report = await db.fieldFeedback.findFirst({
    where: { screenshotId: upload.id, ...visibleFeedbackWhere(viewer) },
    select: { id: true },
  });
  return Boolean(report);
}
