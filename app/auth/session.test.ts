import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '~/db.server';
import { makeOrganisation, makeUser } from '#tests/factories';
import { hitRateLimit } from './rate-limit.server';
import {
  createSession,
  invalidateUserSessions,
  readSessionToken,
  sessionCookie,
  validateSessionToken,
} from './session.server';
import { hashToken } from './tokens.server';
import { hashPassword, verifyPassword } from './password.server';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function member(role: 'adviser' | 'coordinator' = 'adviser') {
  const org = await makeOrganisation(db);
  return makeUser(db, { role, organisationId: org.id });
}

describe('sessions', () => {
  afterEach(() => vi.useRealTimers());
  // Only Date is faked: the database driver's own timers keep running.
  const clockAt = (ms: number) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(ms);
  };

  it('validates a fresh token, rejects an unknown one, and keeps a fixed absolute end', async () => {
    const user = await member();
    const start = Date.now();
    const { token, expiresAt } = await createSession(user.id, { ip: '1.2.3.4', userAgent: 'test' });
    expect(token).toMatch(/^[a-z2-7]{32}$/); // 160 bits, base32
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(start + 30 * DAY);
    expect(await validateSessionToken(token)).toMatchObject({ user: { id: user.id, email: user.email } });
    expect(await validateSessionToken('a'.repeat(32))).toBeNull();

    // Active every day for 29 days: still the same end, never slid forward.
    for (let day = 1; day <= 29; day++) {
      clockAt(start + day * DAY);
      expect((await validateSessionToken(token))?.expiresAt.getTime(), `day ${day}`).toBe(
        expiresAt.getTime(),
      );
    }
    clockAt(start + 30 * DAY + 1000);
    expect(await validateSessionToken(token)).toBeNull();
    expect(await db.session.count({ where: { id: hashToken(token) } })).toBe(0);
  });

  it('ends after 14 idle days for an adviser and after 8 idle hours for a coordinator', async () => {
    const adviser = await member('adviser');
    const coordinator = await member('coordinator');
    const start = Date.now();
    const a = await createSession(adviser.id, { ip: '', userAgent: '' });
    const c = await createSession(coordinator.id, { ip: '', userAgent: '' });

    clockAt(start + 7 * HOUR + 59 * 60_000);
    expect(await validateSessionToken(c.token)).not.toBeNull(); // and counts as activity
    clockAt(start + 15 * HOUR + 58 * 60_000);
    expect(await validateSessionToken(c.token)).not.toBeNull();
    clockAt(start + 24 * HOUR);
    expect(await validateSessionToken(c.token)).toBeNull();

    clockAt(start + 13 * DAY + 23 * HOUR);
    expect(await validateSessionToken(a.token)).not.toBeNull();
    clockAt(start + 27 * DAY + 22 * HOUR);
    expect(await validateSessionToken(a.token)).not.toBeNull();
    clockAt(start + 27 * DAY + 23 * HOUR + 14 * DAY);
    expect(await validateSessionToken(a.token)).toBeNull();
  });

  it('gives a remembered session a dated cookie and a shared-computer session a browser-session cookie', async () => {
    const expiresAt = new Date(Date.now() + 30 * DAY);
    const remembered = sessionCookie('t', { expiresAt, persistent: true });
    expect(remembered).toContain(`Expires=${expiresAt.toUTCString()}`);
    const forNow = sessionCookie('t', { expiresAt, persistent: false });
    expect(forNow).not.toMatch(/Expires|Max-Age/);
    expect(forNow).toMatch(/^tk_session=t; HttpOnly; SameSite=Lax; Path=\//);
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

  it('marks the cookie Secure and __Host- when the app is deployed at an https address', async () => {
    const session = { expiresAt: new Date(), persistent: true };
    const plain = sessionCookie('t', session);
    expect(plain).not.toContain('Secure');
    const saved = { NODE_ENV: process.env.NODE_ENV, APP_ORIGIN: process.env.APP_ORIGIN };
    const { env } = await import('~/env.server');
    Object.assign(env(), { NODE_ENV: 'production', APP_ORIGIN: 'https://tukiverkko.hel.fi' });
    try {
      const secure = sessionCookie('t', session);
      expect(secure).toContain('Secure');
      expect(secure).toMatch(/^__Host-tk_session=t;/);
      expect(secure).not.toContain('Domain');
      const request = new Request('https://tukiverkko.hel.fi/', {
        headers: { Cookie: 'tk_session=forged; __Host-tk_session=real' },
      });
      expect(readSessionToken(request)).toBe('real');
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

  it('takes a password typed in another Unicode form (NFD, full-width) as the same password', async () => {
    const hash = await hashPassword('Kesäpäivä Töölössä');
    expect(await verifyPassword(hash, 'Kesäpäivä Töölössä'.normalize('NFD'))).toBe(true);
    expect(await verifyPassword(await hashPassword('ＡＢＣ kahvia ja pullaa'), 'ABC kahvia ja pullaa')).toBe(
      true,
    );
  });

  it('still verifies a hash made before passwords were normalised', async () => {
    const { hash } = await import('@node-rs/argon2');
    const nfd = 'Kesäpäivä Töölössä'.normalize('NFD');
    const old = await hash(nfd, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(old, nfd)).toBe(true);
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
