import type { Prisma } from '~/generated/prisma/client';
import { db, type Tx } from '~/db.server';

export { AUDIT_ACTIONS, type AuditAction } from './constants';
import type { AuditAction } from './constants';

export type AuditEntry = {
  action: AuditAction;
  actorId?: string | null;
  targetType?:
    | 'user'
    | 'invite'
    | 'organisation'
    | 'session'
    | 'forum_post'
    | 'forum_thread'
    | 'forum_category'
    | 'library_material'
    | 'learning_path'
    | 'eservice'
    | 'briefing'
    | 'event'
    | 'announcement'
    | 'support_point'
    | 'help_slot';
  targetId?: string;
  organisationId?: string | null;
  ip?: string;
  details?: Prisma.InputJsonObject;
};

/** Called from inside the command's transaction, so the record and the change land together. */
export async function writeAudit(tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      organisationId: entry.organisationId ?? null,
      ip: entry.ip ?? '',
      details: entry.details ?? {},
    },
  });
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditLog(filter: { action?: AuditAction; page: number }) {
  const where = filter.action ? { action: filter.action } : {};
  const [entries, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { at: 'desc' },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        targetType: true,
        targetId: true,
        ip: true,
        details: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
    db.auditLog.count({ where }),
  ]);
  return { entries, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
