import type { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { formatDateTime } from '~/i18n/format';
import { csvFile } from '~/utils/csv';
import { visibleFeedbackWhere } from './access.server';
import { OPEN_STATUSES, QUEUE_PAGE_SIZE, type FeedbackStatus } from './constants';

// The owner's queue (newest or most seen first, by status), the top problems everyone sees on
// the e-service's page, a reporter's own reports, and the CSV the owner takes to their team.

const listSelect = {
  id: true,
  whatHappened: true,
  step: true,
  device: true,
  os: true,
  frequency: true,
  severity: true,
  status: true,
  seenCount: true,
  createdAt: true,
  screenshotId: true,
} satisfies Prisma.FieldFeedbackSelect;

/**
 * For the e-service's handlers only (the route checks canWriteFor): they may read every briefing
 * of the service, so every report is theirs to see and no per-row visibility test is needed.
 */
export async function feedbackQueue(
  eserviceId: string,
  filter: { status?: FeedbackStatus; sort: 'newest' | 'top'; page: number },
) {
  const where: Prisma.FieldFeedbackWhereInput = {
    eserviceId,
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [reports, byStatus] = await Promise.all([
    db.fieldFeedback.findMany({
      where,
      orderBy:
        filter.sort === 'top' ? [{ seenCount: 'desc' }, { createdAt: 'desc' }] : [{ createdAt: 'desc' }],
      skip: (filter.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        ...listSelect,
        reporter: { select: { name: true, organisation: { select: { name: true } } } },
      },
    }),
    db.fieldFeedback.groupBy({ by: ['status'], where: { eserviceId }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Record<string, number>;
  // The list's total is one of the status counts, or all of them: no count of its own.
  const total = filter.status
    ? (counts[filter.status] ?? 0)
    : Object.values(counts).reduce((sum, n) => sum + n, 0);
  return {
    reports,
    total,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    byStatus: counts,
  };
}

/** Open problems most advisers have met, for everyone on the e-service's page. */
export async function topProblems(viewer: AuthUser, eserviceId: string, take = 5) {
  return db.fieldFeedback.findMany({
    where: { eserviceId, status: { in: OPEN_STATUSES }, ...visibleFeedbackWhere(viewer) },
    orderBy: [{ seenCount: 'desc' }, { createdAt: 'desc' }],
    take,
    select: {
      ...listSelect,
      seen: { where: { userId: viewer.id }, select: { userId: true } },
      reporterId: true,
    },
  });
}

export async function myReports(viewer: AuthUser) {
  return db.fieldFeedback.findMany({
    where: { reporterId: viewer.id },
    orderBy: { updatedAt: 'desc' },
    take: 100,
    select: {
      ...listSelect,
      updatedAt: true,
      eservice: { select: { slug: true, nameFi: true, nameSv: true, nameEn: true } },
    },
  });
}

/** Every report of the e-service as CSV for its handlers (as the queue); cells cannot run formulas. */
export async function feedbackCsv(
  eserviceId: string,
  language: string,
  headers: string[],
  label: (kind: 'device' | 'frequency' | 'severity' | 'status', value: string) => string,
) {
  const rows = await db.fieldFeedback.findMany({
    where: { eserviceId },
    orderBy: { createdAt: 'asc' },
    select: { ...listSelect, reporter: { select: { organisation: { select: { name: true } } } } },
  });
  const lines = [headers];
  for (const r of rows) {
    lines.push([
      formatDateTime(r.createdAt, language),
      label('status', r.status),
      r.whatHappened,
      r.step,
      label('device', r.device),
      r.os,
      label('frequency', r.frequency),
      label('severity', r.severity),
      String(r.seenCount),
      r.reporter.organisation.name,
    ]);
  }
  return csvFile(lines);
}
