import { describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { makeOrganisation, makeUser } from '#tests/factories';
import { hitRateLimit } from './rate-limit.server';
import { createSession, invalidateUserSessions, sessionCookie, validateSessionToken } from './session.server';
import { hashToken } from './tokens.server';
import { hashPassword, verifyPassword } from './password.server';

async function member() {
  const org = await makeOrganisation(db);
  return makeUser(db, { role: 'adviser', organisationId: org.id });
}

describe('sessions', () => {
  it('validates a fresh token, rejects an unknown one, and slides the expiry when half used', async () => {
    const user = await member();
    const { token } = await createSession(user.id, { ip: '1.2.3.4', userAgent: 'test' });
    expect(token).toMatch(/^[a-z2-7]{32}$/); // 160 bits, base32
    const valid = await validateSessionToken(token);
    expect(valid).toMatchObject({ user: { id: user.id, email: user.email } });
    const firstExpiry = valid!.expiresAt.getTime();
    expect(await validateSessionToken('a'.repeat(32))).toBeNull();

    const soon = new Date(Date.now() + 2 * 86_400_000);
    await db.session.update({ where: { id: hashToken(token) }, data: { expiresAt: soon } });
    const renewed = await validateSessionToken(token);
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(firstExpiry).toBeGreaterThan(Date.now() + 29 * 86_400_000); // a fresh session needs no renewal
    const stored = await db.session.findUniqueOrThrow({ where: { id: hashToken(token) } });
    expect(stored.expiresAt.getTime()).toBe(renewed!.expiresAt.getTime());
  });

  it('deletes an expired session on sight', async () => {
    const user = await member();
    const { token } = await createSession(user.id, { ip: '', userAgent: '' });
    await db.session.update({
      where: { id: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await db.session.count({ where: { id: hashToken(token) } })).toBe(0);
  });

  it('revokes all of a user’s sessions at once', async () => {
    const user = await member();
    const a = await createSession(user.id, { ip: '', userAgent: '' });
    const b = await createSession(user.id, { ip: '', userAgent: '' });
    await invalidateUserSessions(user.id);
    expect(await validateSessionToken(a.token)).toBeNull();
    expect(await validateSessionToken(b.token)).toBeNull();
  });

  it('marks the cookie Secure when the app is deployed at an https address', async () => {
    const plain = sessionCookie('t', new Date());
    expect(plain).not.toContain('Secure');
    const saved = { NODE_ENV: process.env.NODE_ENV, APP_ORIGIN: process.env.APP_ORIGIN };
    const { env } = await import('~/env.server');
    Object.assign(env(), { NODE_ENV: 'production', APP_ORIGIN: 'https://tukiverkko.hel.fi' });
    try {
      expect(sessionCookie('t', new Date())).toContain('Secure');
    } finally {
      Object.assign(env(), saved);
    }
  });
});

describe('passwords', () => {
  it('hashes with argon2id at OWASP strength and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
  });
});

describe('rate limits', () => {
  it('counts hits in a window shared through the database', async () => {
    const key = `test:${Math.random()}`;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(key, 3, 60_000));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(50);
    await db.rateLimit.update({ where: { key }, data: { resetAt: new Date(Date.now() - 1) } });
    expect((await hitRateLimit(key, 3, 60_000)).allowed).toBe(true); // a new window
  });
});
