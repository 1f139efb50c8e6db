import type { ReportScope } from './constants';

/** The query string of a filter, for links that keep it (CSV downloads, scope switches). */
export function filterQuery(
  f: {
    scope: ReportScope;
    from: string;
    to: string;
    organisationId?: string;
    supportPointId?: string;
    eserviceId?: string;
    interval: string;
  },
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams({ scope: f.scope, from: f.from, to: f.to, interval: f.interval });
  if (f.organisationId) params.set('organisation', f.organisationId);
  if (f.supportPointId) params.set('point', f.supportPointId);
  if (f.eserviceId) params.set('eservice', f.eserviceId);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
