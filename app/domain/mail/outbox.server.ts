import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { db, type Tx } from '~/db.server';
import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { appOrigin, env } from '~/env.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { logger } from '~/utils/log.server';
import { isUuid } from '~/utils/ids';
import { enqueueJob } from '~/domain/jobs/queue.server';
import type { JobHandler } from '~/domain/jobs/registry.server';
import { activeMemberIdsWith } from '~/auth/roles.server';
// notify queues its e-mail here: a cycle of functions, called only after both modules loaded.
import { notify } from '~/domain/notifications/notify.server';

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Sent as given (List-Unsubscribe on the news digest). */
  headers?: Record<string, string>;
};

/**
 * Stores the message and its delivery job in the caller's transaction: once the command
 * commits, the mail will go out even if SMTP is down right now or the process restarts.
 */
export async function queueEmail(tx: Tx, email: OutgoingEmail) {
  const row = await tx.email.create({ data: email, select: { id: true } });
  await enqueueJob(tx, { type: 'email.send', payload: { emailId: row.id }, maxAttempts: MAIL_ATTEMPTS });
  return row.id;
}

/**
 * Mail is retried for about a day (10 s, 20 s, 40 s … then hourly: 30 tries ≈ 22 h) before it
 * is marked failed: an SMTP server down for a night must not lose the invitations sent that
 * evening. Other jobs keep the queue's default.
 */
export const MAIL_ATTEMPTS = 30;

let smtp: { url: string; transport: nodemailer.Transporter } | undefined;

function smtpTransport(url: string) {
  const timeout = env().SMTP_TIMEOUT_MS;
  // nodemailer waits 2 minutes to connect and 10 minutes on a silent socket by default: one
  // server that accepts and never greets would hold the job worker that long (issue 20). It
  // reads options from the URL's query (an options object beside `url` is ignored); values
  // already in SMTP_URL win.
  const address = new URL(url);
  const limits = { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: 2 * timeout };
  for (const [name, ms] of Object.entries(limits)) {
    if (!address.searchParams.has(name)) address.searchParams.set(name, String(ms));
  }
  return nodemailer.createTransport(address.toString());
}

/** A stable Message-ID: a copy sent twice (crash after the server took it) is one message to clients. */
export function messageIdFor(emailId: string) {
  return `<${emailId}@${new URL(appOrigin()).hostname}>`;
}

async function deliver(email: OutgoingEmail & { id: string }): Promise<{ outboxFile: string | null }> {
  const { SMTP_URL, MAIL_FROM, OUTBOX_DIR } = env();
  const message = {
    from: MAIL_FROM,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: messageIdFor(email.id),
    headers: email.headers ?? {},
  };
  if (SMTP_URL) {
    if (smtp?.url !== SMTP_URL) smtp = { url: SMTP_URL, transport: smtpTransport(SMTP_URL) };
    await smtp.transport.sendMail(message);
    return { outboxFile: null };
  }
  // No SMTP: write an .eml file that a developer can open, and that /admin/outbox lists.
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
  await fs.mkdir(OUTBOX_DIR, { recursive: true });
  const file = path.join(OUTBOX_DIR, `${email.id}.eml`);
  const partial = `${file}.partial`;
  await fs.writeFile(partial, built.message as Buffer);
  await fs.rename(partial, file);
  return { outboxFile: file };
}

/** The job that sends one queued e-mail (registry: `email.send`). */
export const sendQueuedEmail: JobHandler<'email.send'> = async ({ emailId }, job) => {
  const email = await db.email.findUnique({
    where: { id: emailId },
    select: { id: true, to: true, subject: true, text: true, html: true, status: true, headers: true },
  });
  // Already sent (a retried job after a crash between send and bookkeeping) or deleted: done.
  if (!email || email.status === 'sent') return;
  try {
    const { outboxFile } = await deliver({ ...email, headers: email.headers as Record<string, string> });
    await db.email.update({
      where: { id: emailId },
      data: { status: 'sent', sentAt: new Date(), outboxFile, error: null },
    });
  } catch (error) {
    const lastTry = job.attempts >= job.maxAttempts;
    await db.email.update({
      where: { id: emailId },
      data: {
        error: error instanceof Error ? error.message.slice(0, 2000) : String(error),
        ...(lastTry ? { status: 'failed' } : {}),
      },
    });
    await warnIfMailFailing();
    throw error;
  }
};

/** How long mail may fail before the admins are alerted (log line at error level, /admin banner). */
export const MAIL_ALERT_AFTER_MS = 60 * 60 * 1000;

/**
 * Since when mail has been failing: the oldest message still queued that already failed at
 * least once, if it is older than the alert limit and nothing at all was sent within it.
 */
export async function mailFailingSince(now = new Date()): Promise<{ since: Date; error: string } | null> {
  const oldest = await db.email.findFirst({
    where: {
      status: 'queued',
      error: { not: null },
      createdAt: { lt: new Date(now.getTime() - MAIL_ALERT_AFTER_MS) },
    },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true, error: true },
  });
  if (!oldest) return null;
  // Something went out within the hour: the server works, that message has its own problem.
  const sentLately = await db.email.count({
    where: { status: 'sent', sentAt: { gt: new Date(now.getTime() - MAIL_ALERT_AFTER_MS) } },
  });
  return sentLately ? null : { since: oldest.createdAt, error: oldest.error ?? '' };
}

let lastAlert = 0;
/**
 * Once an hour per process while mail fails: a log line at error level and a notification in
 * the app for whoever reads the outbox, unless they still have the last one unread.
 */
async function warnIfMailFailing() {
  if (Date.now() - lastAlert < MAIL_ALERT_AFTER_MS) return;
  const failing = await mailFailingSince();
  if (!failing) return;
  lastAlert = Date.now();
  logger.error('mail has been failing for over an hour', {
    since: failing.since.toISOString(),
    lastError: failing.error,
  });
  await alertAdmins(failing.error);
}

async function alertAdmins(lastError: string) {
  await db.$transaction(async (tx) => {
    const admins = await activeMemberIdsWith(tx, 'outbox:read');
    const told = await tx.notification.findMany({
      where: { userId: { in: admins }, type: 'mail_failing', readAt: null },
      select: { userId: true },
    });
    const waiting = new Set(told.map((n) => n.userId));
    await notify(tx, {
      type: 'mail_failing',
      recipientIds: admins.filter((id) => !waiting.has(id)),
      actorName: '',
      // What the SMTP server said last: the admin's first clue.
      title: lastError.slice(0, 200),
      url: '/admin/outbox',
    });
  });
}

/** "Send again" for a message that failed for good: a new round of tries, recorded in the audit log. */
export async function resendEmail(admin: AuthUser, emailId: string, meta: RequestMeta): Promise<boolean> {
  if (!isUuid(emailId)) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.email.updateMany({
      where: { id: emailId, status: 'failed' },
      data: { status: 'queued' },
    });
    if (!count) return false;
    await enqueueJob(tx, { type: 'email.send', payload: { emailId }, maxAttempts: MAIL_ATTEMPTS });
    await writeAudit(tx, { action: 'email_resent', actorId: admin.id, ip: meta.ip, details: { emailId } });
    return true;
  });
}

export async function listOutbox(page: number, pageSize = 50) {
  const [emails, total] = await Promise.all([
    db.email.findMany({
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, to: true, subject: true, status: true, createdAt: true, sentAt: true, error: true },
    }),
    db.email.count(),
  ]);
  return { emails, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export function getOutboxEmail(id: string) {
  if (!isUuid(id)) return Promise.resolve(null);
  return db.email.findUnique({
    where: { id },
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      status: true,
      createdAt: true,
      sentAt: true,
      error: true,
    },
  });
}

/** Message bodies hold invite and reset links: shown only while mail goes to the local folder. */
export function outboxBodiesVisible(): boolean {
  return !env().SMTP_URL;
}
