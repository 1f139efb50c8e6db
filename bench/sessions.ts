// For the bench: logged-in sessions for many national advisers (the login form's per-address
// limit would stop one load generator from logging in a few hundred), and a support point.
// Prints JSON; run against the seeded database before the server opens it.
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { db } from '~/db.server';
import { stopBackgroundWork } from '~/domain/jobs/background.server';
import { holdsRole } from '~/auth/roles.server';

const count = Number(process.argv[2] ?? 200);
const advisers = await db.user.findMany({
  where: {
    email: { endsWith: '@national.tukiverkko.test' },
    status: 'active',
    ...holdsRole('adviser'),
  },
  orderBy: { email: 'asc' },
  take: count,
  select: { id: true },
});
const cookies = [];
for (const adviser of advisers) {
  const { token } = await createSession(adviser.id, { ip: '127.0.0.1', userAgent: 'bench' });
  cookies.push(`${SESSION_COOKIE}=${token}`);
}
const point = await db.supportPoint.findFirstOrThrow({ where: { active: true }, select: { id: true } });
console.log(JSON.stringify({ cookies, supportPointId: point.id }));
await stopBackgroundWork();
await db.$disconnect();
