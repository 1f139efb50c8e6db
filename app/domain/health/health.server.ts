import { db } from '~/db.server';

export async function isDatabaseReady(timeoutMs = 2000): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  const probe = db.$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  return Promise.race([probe, timeout]);
}
