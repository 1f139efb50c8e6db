import { expect, it } from 'vitest';
import { db } from '~/db.server';

it('lets timers and I/O run while one caller sends statement after statement', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const end = Date.now() + 1_000;
  let statements = 0;
  while (Date.now() < end) {
    await db.$queryRaw`SELECT 1`;
    statements++;
  }
  clearInterval(timer);
  expect(statements).toBeGreaterThan(100);
  // Without a turn of the event loop between statements an in-memory PGlite never fires a timer.
  expect(ticks).toBeGreaterThan(20);
});
