import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { isUuid } from '~/utils/ids';

// The job queue as an admin sees it (/admin/jobs): how much waits, what failed and why, and a
// way to run a failed job again once its cause (an SMTP server, a full disk) is fixed.

export const FAILED_PAGE_SIZE = 50;

export async function jobOverview(page: number) {
  const [counts, failed, failedTotal] = await Promise.all([
    db.job.groupBy({
      by: ['type', 'status'],
      where: { status: { in: ['pending', 'running', 'failed'] } },
      _count: { _all: true },
      orderBy: [{ type: 'asc' }, { status: 'asc' }],
    }),
    db.job.findMany({
      where: { status: 'failed' },
      orderBy: [{ finishedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * FAILED_PAGE_SIZE,
      take: FAILED_PAGE_SIZE,
      select: { id: true, type: true, attempts: true, lastError: true, finishedAt: true, createdAt: true },
    }),
    db.job.count({ where: { status: 'failed' } }),
  ]);
  return {
    counts: counts.map((c) => ({ type: c.type, status: c.status, count: c._count._all })),
    failed,
    failedTotal,
    pages: Math.max(1, Math.ceil(failedTotal / FAILED_PAGE_SIZE)),
  };
}

/** Runs a failed job again with a fresh round of tries; false when there is no such failed job. */
export async function retryJob(admin: AuthUser, jobId: string, meta: RequestMeta): Promise<boolean> {
  if (!isUuid(jobId)) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: jobId, status: 'failed' },
      data: { status: 'pending', attempts: 0, runAt: new Date(), finishedAt: null, lockedAt: null },
    });
    if (!count) return false;
    await writeAudit(tx, { action: 'job_retried', actorId: admin.id, ip: meta.ip, details: { jobId } });
    return true;
  });
}
