// Issue 14, item 10: the accessibility statement's feedback reaches the coordinators.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { runDueJobs } from '~/domain/jobs/worker.server';
import * as statementRoute from '~/routes/accessibility';
import { makeOrganisation, makeUser } from '#tests/factories';
import { callAction, json, makeRequest } from '#tests/helpers';

type Result = { ok: boolean; errors?: Record<string, { key: string }>; values?: Record<string, string> };

let coordinatorSv: { email: string };
let adviser: { email: string };
beforeAll(async () => {
  const org = (await makeOrganisation(db)).id;
  coordinatorSv = await makeUser(db, { role: 'coordinator', organisationId: org, locale: 'sv' });
  adviser = await makeUser(db, { role: 'adviser', organisationId: org });
});

const send = (form: Record<string, string>) =>
  callAction(statementRoute, makeRequest('/accessibility', { form }));

describe('accessibility feedback', () => {
  it('goes to every coordinator in their language, with the sender address to answer; not to advisers', async () => {
    const response = await send({
      message: 'Valikko ei aukea ruudunlukijalla.',
      page: '/forum',
      contact: 'asukas@example.test',
    });
    expect(response.status).toBe(200);
    expect((await json<Result>(response)).ok).toBe(true);
    await runDueJobs();
    const mail = await db.email.findFirstOrThrow({ where: { to: coordinatorSv.email } });
    expect(mail.subject).toBe('Respons om tillgängligheten i Tukiverkko');
    expect(mail.text).toContain('Valikko ei aukea ruudunlukijalla.');
    expect(mail.text).toContain('/forum');
    expect(mail.text).toContain('mailto:asukas@example.test');
    expect(await db.email.count({ where: { to: adviser.email } })).toBe(0);
  });

  it('refuses an empty message or a broken address next to the field, keeps what was typed, sends nothing', async () => {
    const before = await db.email.count();
    const response = await send({ message: '  ', contact: 'not-an-address', page: '/events' });
    expect(response.status).toBe(400);
    const body = await json<Result>(response);
    expect(body.errors?.message?.key).toBe('validation.required');
    expect(body.errors?.contact?.key).toBe('validation.email');
    expect(body.values?.page).toBe('/events');
    expect(await db.email.count()).toBe(before);
  });

  it('is limited to five messages an hour from one address', async () => {
    for (let i = 0; i < 4; i++) expect((await send({ message: `Palaute ${i}` })).status).toBe(200);
    const refused = await send({ message: 'Kuudes' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await json<Result>(refused)).errors?.form?.key).toBe('accessibility:rateLimited');
  });
});
