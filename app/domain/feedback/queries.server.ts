import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { part, readTogether } from '~/db/read-together.server';
import { formatDateTime } from '~/i18n/format';
import { csvFile } from '~/utils/csv';
import { QUEUE_PAGE_SIZE, type FeedbackStatus } from './constants';
import { pageWindow } from '~/utils/sql';

// The owner's queue (newest or most seen first, by status), a reporter's own reports, and the CSV
// the owner takes to their team. The top problems everyone sees are read with the e-service's page
// (`app/domain/briefings/eservice-page.server.ts`).

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

type QueueRow = {
  id: string;
  /** The first 120 characters: all the list shows. */
  whatHappened: string;
  status: string;
  seenCount: number;
  severity: string;
  createdAt: Date;
  /** The reporter's organisation (the list names no one). */
  organisationName: string;
};

/**
 * For the e-service's handlers only (the route checks canWriteFor): they may read every briefing
 * of the service, so every report is theirs to see and no per-row visibility test is needed.
 * One statement (readTogether): the page of reports with the reporter's organisation, and the
 * status counts (which also give the list's total).
 */
export async function feedbackQueue(
  eserviceId: string,
  filter: { status?: FeedbackStatus; sort: 'newest' | 'top'; page: number },
) {
  const status = filter.status ? Prisma.sql`AND f.status = ${filter.status}` : Prisma.empty;
  // Each order has its index: (e-service, created_at) and (e-service, seen_count), and the same
  // within a status: (e-service, status, created_at), (e-service, status, seen_count, created_at).
  const top = filter.sort === 'top';
  const order = top ? Prisma.sql`f.seen_count DESC, f.created_at DESC` : Prisma.sql`f.created_at DESC`;
  // The same order over the part's rows (a uuid's text in byte order sorts as the uuid does).
  const rowOrder = top
    ? Prisma.sql`r."seenCount" DESC, r."createdAt" DESC, r.id COLLATE "C"`
    : Prisma.sql`r."createdAt" DESC, r.id COLLATE "C"`;
  const [reports, counts] = await readTogether(
    part(
      Prisma.sql`
        SELECT f.id::text, left(f.what_happened, 120) AS "whatHappened", f.status,
               f.seen_count AS "seenCount", f.severity, f.created_at AS "createdAt",
               o.name AS "organisationName"
        FROM field_feedback f
        JOIN app_user u ON u.id = f.reporter_id
        JOIN organisation o ON o.id = u.organisation_id
        WHERE f.eservice_id = ${eserviceId}::uuid ${status}
        ORDER BY ${order}, f.id
        ${pageWindow(QUEUE_PAGE_SIZE, (filter.page - 1) * QUEUE_PAGE_SIZE)}`,
      rowOrder,
      (rows: (Omit<QueueRow, 'createdAt'> & { createdAt: string })[]): QueueRow[] =>
        rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) })),
    ),
    part(
      // Kept by triggers (migration 20261206030000): counting 20,000 reports was most of the page.
      Prisma.sql`SELECT c.status, c.reports AS n FROM field_feedback_count c
        WHERE c.eservice_id = ${eserviceId}::uuid AND c.reports > 0`,
      Prisma.sql`r.status`,
      (rows: { status: string; n: number }[]) =>
        Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>,
    ),
  );
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
