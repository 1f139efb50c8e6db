import { describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as resetRoute from '~/routes/reset-password.$token';
import { callAction, callLoader, json, makeRequest } from '#tests/helpers';
import { createAdmin } from './bootstrap.server';

describe('first admin', () => {
  it('creates the admin and a one-time link that sets the password and logs in', async () => {
    const link = await createAdmin({
      email: 'Anna.Admin@Hel.fi',
      name: 'Anna Admin',
      organisationName: 'Helsingin kaupunki',
      origin: 'https://tukiverkko.example',
    });
    expect(link).toMatch(/^https:\/\/tukiverkko\.example\/reset-password\/[a-z2-7]{32}$/);
    const user = await db.user.findUniqueOrThrow({
      where: { email: 'anna.admin@hel.fi' },
      select: {
        id: true,
        roles: { select: { role: { select: { key: true } } } },
        organisation: { select: { name: true } },
      },
    });
    // The first member does everything: an admin who coordinates and advises too.
    expect(user.roles.map((r) => r.role.key).sort()).toEqual(['admin', 'adviser', 'coordinator']);
    expect(user.organisation).toEqual({ name: 'Helsingin kaupunki' });
    expect(await db.auditLog.count({ where: { action: 'admin_created', targetId: user.id } })).toBe(1);

    const path = new URL(link).pathname;
    const token = path.split('/').pop()!;
    expect(await json(await callLoader(resetRoute, makeRequest(path), { token }))).toEqual({
      state: 'valid',
    });
    const set = await callAction(
      resetRoute,
      makeRequest(path, {
        form: { password: 'ensimmäinen ylläpitäjä', confirmPassword: 'ensimmäinen ylläpitäjä' },
      }),
      { token },
    );
    expect(set.status).toBe(302);
    await expect(
      createAdmin({ email: 'anna.admin@hel.fi', name: 'Again', organisationName: 'X', origin: 'https://x' }),
    ).rejects.toThrow(/already has an account/);
  });
});
