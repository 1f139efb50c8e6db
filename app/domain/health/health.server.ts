import { db } from '~/db.server';
import { databaseState } from '~/db/availability.server';
import { defaultWorkerId } from '~/domain/jobs/worker.server';

// Readiness for a load balancer: not draining, the database answers, and it accepts writes.
// The write is cached for a few seconds so that probes every second cost one statement each.

const WRITE_PROBE_TTL_MS = 5000;
const PROBE_TIMEOUT_MS = 2000;

let draining = false;
let lastWrite: { at: number; ok: boolean } | undefined;

/** SIGTERM: from now on /readyz answers 503, so the load balancer sends no new requests. */
export function beginDraining() {
  draining = true;
}

export const isDraining = () => draining;

function withinTimeout(probe: Promise<unknown>): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref());
  return Promise.race([probe.then(() => true).catch(() => false), timeout]);
}

async function acceptsWrites(): Promise<boolean> {
  if (lastWrite && Date.now() - lastWrite.at < WRITE_PROBE_TTL_MS) return lastWrite.ok;
  const ok = await withinTimeout(
    db.readinessProbe.upsert({
      where: { instance: defaultWorkerId },
      create: { instance: defaultWorkerId },
      update: { checkedAt: new Date() },
    }),
  );
  lastWrite = { at: Date.now(), ok };
  return ok;
}

export type Readiness = { ready: boolean; reason: string };

export async function readiness(): Promise<Readiness> {
  if (draining) return { ready: false, reason: 'shutting down' };
  const state = databaseState();
  if (!state.up) return { ready: false, reason: 'database unavailable' };
  if (!(await acceptsWrites())) return { ready: false, reason: 'database does not accept writes' };
  return { ready: true, reason: 'ready' };
}

/** Tests: forget the cached write probe. */
export function resetReadiness() {
  draining = false;
  lastWrite = undefined;
}
