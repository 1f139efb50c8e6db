import type { Dashboard } from './dashboard.server';

// A dashboard counts the months that can still change from the rows on every view
// (counts.server.ts): at national scale ~25,000 sessions of the last 50 days, 60–100 ms of
// PostgreSQL for a view of the network, and then adds up the kept months of every place. A view
// of the same filter, range and language shortly after gets the same figures again.
// Every session or answer saved, corrected or deleted through this process forgets them all, so
// whoever just logged or corrected an entry sees it on the next view; another process (under
// `npm run start:cluster`) shows it within DASHBOARD_SECONDS. Views of one's own sessions are
// not kept (their rows are few). ADR 011.

export const DASHBOARD_SECONDS = 60;
/**
 * Views kept at once; the oldest is forgotten first. A view of the network holds every place's
 * row for the CSV (~0.5 MB at 4,500 places), so few are kept and expired ones go at once.
 */
const MAX_KEPT = 30;

type Entry = { until: number; dashboard: Promise<Dashboard> };
const kept = new Map<string, Entry>();

/**
 * The dashboard for `id` (its filter, range and language), counted by `count` unless a recent
 * one is kept. Views arriving together share one count. The dashboard handed out is shared:
 * callers copy what they change (forPage does).
 */
export function keptDashboard(id: string, count: () => Promise<Dashboard>): Promise<Dashboard> {
  const now = Date.now();
  const entry = kept.get(id);
  if (entry && entry.until > now) return entry.dashboard;
  for (const [other, { until }] of kept) if (until <= now) kept.delete(other);
  const dashboard = count();
  // A failed count (a database fault) is not kept: the next view tries again.
  dashboard.catch(() => kept.get(id)?.dashboard === dashboard && kept.delete(id));
  kept.set(id, { until: now + DASHBOARD_SECONDS * 1000, dashboard });
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  return dashboard;
}

/** A session or a resident's answer changed: the next view of any dashboard counts again. */
export function forgetDashboards() {
  kept.clear();
}
