// Accounts and members: every text field against the naughty strings (tests/naughty-strings.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as organisationsRoute from '~/routes/admin.organisations._index';
import * as acceptRoute from '~/routes/invite.$token';
import * as loginRoute from '~/routes/login';
import * as membersRoute from '~/routes/members._index';
import * as inviteRoute from '~/routes/members.invite';
import * as profileRoute from '~/routes/profile._index';
import * as resetRequestRoute from '~/routes/reset-password._index';
import { callAction, callLoader, json, loginAs, makeRequest } from '#tests/helpers';
import { CHUNKS, expectedFor, expectHandled, expectOutcome } from '#tests/naughty-strings';

let admin: { cookie: string; user: { id: string; organisationId: string } };
beforeAll(async () => {
  admin = await loginAs('admin');
});

describe('naughty strings: accounts and members', () => {
  it.each(CHUNKS)(
    'a profile name is stored and shown back exactly, or refused, $label',
    async ({ strings }) => {
      for (const s of strings) {
        const response = await callAction(
          profileRoute,
          makeRequest('/profile', { cookie: admin.cookie, form: { name: s, locale: 'fi' } }),
        );
        await expectOutcome(response, 'name', expectedFor(s, { max: 100 }), async () => {
          const saved = await db.user.findUniqueOrThrow({
            where: { id: admin.user.id },
            select: { name: true },
          });
          const page = await json<{ profile: { name: string } }>(
            await callLoader(profileRoute, makeRequest('/profile', { cookie: admin.cookie })),
          );
          expect(page.profile.name, 'the profile page shows what was stored').toBe(saved.name);
          return saved.name;
        });
      }
    },
  );

  it.each(CHUNKS)('an organisation name is stored exactly, or refused, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callAction(
        organisationsRoute,
        makeRequest('/admin/organisations', {
          cookie: admin.cookie,
          form: { name: s, kind: 'association', active: 'on' },
        }),
      );
      await expectOutcome(response, 'name', expectedFor(s, { max: 120, min: 2 }), async (r) => {
        const id = r.headers.get('Location')!.split('/').pop()!;
        // Gone again, so that a later string equal to this one is not refused as a duplicate name.
        return (await db.organisation.delete({ where: { id } })).name;
      });
    }
  });

  it.each(CHUNKS)('e-mail fields (login, password reset, invite), $label', async ({ strings }) => {
    for (const s of strings) {
      await expectHandled(
        await callAction(loginRoute, makeRequest('/login', { form: { email: s, password: s } })),
        'email',
      );
      await expectHandled(
        await callAction(resetRequestRoute, makeRequest('/reset-password', { form: { email: s } })),
        'email',
      );
      await expectHandled(
        await callAction(
          inviteRoute,
          makeRequest('/members/invite', {
            cookie: admin.cookie,
            form: { email: s, organisationId: admin.user.organisationId, role: 'adviser', locale: 'fi' },
          }),
        ),
        'email',
      );
    }
  });

  it.each(CHUNKS)('invite acceptance name and password, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callAction(
        acceptRoute,
        makeRequest('/invite/x', { form: { name: s, password: s, confirmPassword: s } }),
        { token: 'x' },
      );
      await expectHandled(response, 'name');
    }
  });

  it.each(CHUNKS)('member search never errors, $label', async ({ strings }) => {
    for (const s of strings) {
      const response = await callLoader(
        membersRoute,
        makeRequest(`/members?q=${encodeURIComponent(s)}`, { cookie: admin.cookie }),
      );
      expect(response.status).toBe(200);
    }
  });
});
