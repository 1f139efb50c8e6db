// Mail through an SMTP server that hangs, refuses, then accepts (issue 20): a TCP proxy on
// 127.0.0.1 in front of a real SMTP server started here. Bounded: SMTP_TIMEOUT_MS is 500 ms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { rereadEnv } from '~/env.server';
import { randomUUID } from 'node:crypto';
import { enqueueJob } from '~/domain/jobs/queue.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import { MAIL_ATTEMPTS, mailFailingSince, queueEmail, resendEmail } from '~/domain/mail/outbox.server';
import { makeOrganisation, makeUser } from '#tests/factories';
import { memberAsActor } from '#tests/helpers';
import { startSmtpServer, type TestSmtpServer } from '#tests/faults/smtp-server';
import { startTcpProxy, type TcpProxy } from '#tests/faults/tcp-proxy';

const received: string[] = [];
let smtp: TestSmtpServer;
let proxy: TcpProxy;

beforeAll(async () => {
  smtp = await startSmtpServer((raw) => received.push(raw.toString()));
  const { port } = smtp;
  proxy = await startTcpProxy({ host: '127.0.0.1', port });
  process.env.SMTP_URL = `smtp://127.0.0.1:${proxy.port}`;
  process.env.SMTP_TIMEOUT_MS = '500';
  rereadEnv();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_TIMEOUT_MS;
  rereadEnv();
  await proxy.close();
  await smtp.close();
});

// Another kind of job queued behind the mail: it must not wait for a stalled server.
const otherJobsRun: string[] = [];
const otherHandler = {
  'library.pdf-text': async ({ uploadId }: { uploadId: string }) => {
    otherJobsRun.push(uploadId);
  },
};

async function queue(to: string) {
  return db.$transaction((tx) =>
    queueEmail(tx, { to, subject: 'Kutsu', text: 'Tervetuloa', html: '<p>Tervetuloa</p>' }),
  );
}
const jobOf = (emailId: string) =>
  db.job.findFirstOrThrow({
    where: { type: 'email.send', payload: { equals: { emailId } } },
    orderBy: { createdAt: 'desc' },
  });
const makeDue = (emailId: string) =>
  db.job.updateMany({
    where: { payload: { equals: { emailId } }, status: 'pending' },
    data: { runAt: new Date() },
  });

describe('mail through an SMTP server that misbehaves', () => {
  it('the admins are alerted when mail has been failing for an hour, and not once mail goes out again', async () => {
    const org = await makeOrganisation(db);
    const admin = await makeUser(db, { role: 'admin', organisationId: org.id });
    const coordinator = await makeUser(db, { role: 'coordinator', organisationId: org.id });
    const old = await db.email.create({
      data: {
        to: 'late@example.test',
        subject: 's',
        text: 't',
        html: 'h',
        error: 'Greeting never received',
        createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000),
      },
    });
    const failing = await mailFailingSince();
    expect(failing?.since).toEqual(old.createdAt);
    expect(failing?.error).toBe('Greeting never received');

    // The next failed try tells whoever reads the outbox, in the app (mail is what fails).
    proxy.setMode('refuse');
    await queue('next@example.test');
    await runDueJobs();
    const alerts = await db.notification.findMany({ where: { type: 'mail_failing' } });
    expect(alerts.map((n) => [n.userId, n.delivery, n.url])).toEqual([[admin.id, 'app', '/admin/outbox']]);
    expect(alerts[0]!.title).toBe('Greeting never received');
    expect(alerts.map((n) => n.userId)).not.toContain(coordinator.id);
    expect(await db.email.count({ where: { to: admin.email } })).toBe(0);

    await db.email.create({
      data: { to: 'x@example.test', subject: 's', text: 't', html: 'h', status: 'sent', sentAt: new Date() },
    });
    expect(await mailFailingSince()).toBeNull();
  });

  it('a server that never greets costs one timeout, holds no other job, and the mail goes out once it answers', async () => {
    proxy.setMode('blackhole');
    const emailId = await queue('hang@example.test');
    const afterHang = randomUUID();
    await db.$transaction((tx) =>
      enqueueJob(tx, { type: 'library.pdf-text', payload: { uploadId: afterHang } }),
    );
    const started = performance.now();
    await runDueJobs({ handlers: otherHandler });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(otherJobsRun).toContain(afterHang);
    const stalled = await db.email.findUniqueOrThrow({ where: { id: emailId } });
    expect(stalled.status).toBe('queued');
    expect(stalled.error).toMatch(/greeting|timeout/i);
    const job = await jobOf(emailId);
    expect(job.status).toBe('pending');
    expect(job.maxAttempts).toBe(MAIL_ATTEMPTS);
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());

    proxy.setMode('refuse');
    await makeDue(emailId);
    await runDueJobs();
    expect((await db.email.findUniqueOrThrow({ where: { id: emailId } })).error).toMatch(
      /ECONNREFUSED|ECONNRESET|closed/i,
    );

    proxy.setMode('forward');
    await makeDue(emailId);
    await runDueJobs();
    const sent = await db.email.findUniqueOrThrow({ where: { id: emailId } });
    expect(sent.status).toBe('sent');
    const message = received.find((m) => m.includes('hang@example.test'))!;
    // A stable Message-ID: a copy sent twice after a crash is one message to mail clients.
    expect(message).toMatch(new RegExp(`Message-ID: <${emailId}@localhost>`, 'i'));
  });

  it('after the last try the mail is marked failed with its error; an admin can send it again', async () => {
    proxy.setMode('refuse');
    const emailId = await queue('gone@example.test');
    await db.job.updateMany({
      where: { payload: { equals: { emailId } } },
      data: { attempts: MAIL_ATTEMPTS - 1 },
    });
    await runDueJobs();
    const failed = await db.email.findUniqueOrThrow({ where: { id: emailId } });
    expect(failed.status).toBe('failed');
    expect(failed.error).toBeTruthy();
    expect((await jobOf(emailId)).status).toBe('failed');

    const org = await makeOrganisation(db);
    const admin = await makeUser(db, { role: 'admin', organisationId: org.id });
    const meta = { ip: '127.0.0.1', userAgent: 'vitest' };
    proxy.setMode('forward');
    expect(await resendEmail(await memberAsActor(admin.id), emailId, meta)).toBe(true);
    expect(await resendEmail(await memberAsActor(admin.id), emailId, meta)).toBe(false); // already queued
    await runDueJobs();
    expect((await db.email.findUniqueOrThrow({ where: { id: emailId } })).status).toBe('sent');
    expect(await db.auditLog.count({ where: { action: 'email_resent', actorId: admin.id } })).toBe(1);
  });
});
