import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import {
  canManageBriefings,
  visibleSql as briefingVisibleSql,
  visibleWhere as briefingVisibleWhere,
} from '~/domain/briefings/access.server';

// Who sees a report: every member, so others can say "seen this too" — except a report made
// from a briefing, which is seen only by those who may read the briefing (it may be confidential).
// Who handles it: the e-service's contact people and coordinators (canWriteFor).

export function visibleFeedbackWhere(viewer: AuthUser): Prisma.FieldFeedbackWhereInput {
  // Whoever reads every briefing reads every report (and `briefing: {}` would match none).
  if (canManageBriefings(viewer)) return {};
  return { OR: [{ briefingId: null }, { briefing: briefingVisibleWhere(viewer) }] };
}

/** The same rule in SQL, on a report row `f` (the e-service page's statement). */
export function visibleFeedbackSql(viewer: AuthUser, f = 'f'): Prisma.Sql {
  if (canManageBriefings(viewer)) return Prisma.sql`true`;
  const t = Prisma.raw(f);
  return Prisma.sql`(${t}.briefing_id IS NULL
    OR EXISTS (SELECT 1 FROM briefing b WHERE b.id = ${t}.briefing_id AND ${briefingVisibleSql(viewer, 'b')}))`;
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
