import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { db, type Tx } from '~/db.server';
import { env } from '~/env.server';
import { isUuid } from '~/utils/ids';
import { enqueueJob, registerJobHandler } from '~/domain/jobs/queue.server';

export type OutgoingEmail = { to: string; subject: string; text: string; html: string };

export const SEND_EMAIL_JOB = 'email.send';

/**
 * Stores the message and its delivery job in the caller's transaction: once the command
 * commits, the mail will go out even if SMTP is down right now or the process restarts.
 */
export async function queueEmail(tx: Tx, email: OutgoingEmail) {
  const row = await tx.email.create({ data: email, select: { id: true } });
  await enqueueJob(tx, { type: SEND_EMAIL_JOB, payload: { emailId: row.id } });
  return row.id;
}

let smtp: nodemailer.Transporter | undefined;

async function deliver(email: OutgoingEmail & { id: string }): Promise<{ outboxFile: string | null }> {
  const { SMTP_URL, MAIL_FROM, OUTBOX_DIR } = env();
  const message = {
    from: MAIL_FROM,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
  };
  if (SMTP_URL) {
    smtp ??= nodemailer.createTransport(SMTP_URL);
    await smtp.sendMail(message);
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

registerJobHandler(SEND_EMAIL_JOB, async (payload) => {
  const { emailId } = payload as { emailId: string };
  const email = await db.email.findUnique({
    where: { id: emailId },
    select: { id: true, to: true, subject: true, text: true, html: true, status: true },
  });
  // Already sent (a retried job after a crash between send and bookkeeping) or deleted: done.
  if (!email || email.status === 'sent') return;
  try {
    const { outboxFile } = await deliver(email);
    await db.email.update({
      where: { id: emailId },
      data: { status: 'sent', sentAt: new Date(), outboxFile, error: null },
    });
  } catch (error) {
    await db.email.update({
      where: { id: emailId },
      data: { error: error instanceof Error ? error.message.slice(0, 2000) : String(error) },
    });
    throw error;
  }
});

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
