import type { AuthUser } from '~/auth/guards.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, addMonths } from '~/utils/calendar-days';
import type { Interval, ReportScope } from './constants';
import { ReportQuerySchema } from './schema.server';

// Who sees which figures: everyone their own sessions; an organisation's admin their
// organisation's; coordinators and admins the whole network, under the small-group rule.

export type ReportFilter = {
  scope: ReportScope;
  from: string;
  to: string;
  organisationId?: string;
  supportPointId?: string;
  eserviceId?: string;
  interval: Interval;
  viewerId: string;
  viewerOrganisationId: string;
};

export function allowedScopes(user: AuthUser): ReportScope[] {
  const reach = user.permissions['reports:read'];
  const scopes: ReportScope[] = [];
  if (user.permissions['guidance:log']) scopes.push('mine');
  if (reach) scopes.push('organisation');
  if (reach === 'all') scopes.push('all');
  return scopes;
}

/** Groups of 1–4 are hidden in views across organisations (ADR 011). */
export const crossesOrganisations = (filter: Pick<ReportFilter, 'scope'>) => filter.scope === 'all';

/**
 * The filter a viewer asked for, within what they may see: the widest scope they have unless
 * they chose a narrower one, the last twelve months unless they chose dates (at most ten years,
 * `from` never after `to`), and an organisation only where the view crosses organisations.
 */
export function resolveFilter(url: URL, user: AuthUser): ReportFilter | null {
  const scopes = allowedScopes(user);
  if (!scopes.length) return null;
  const q = ReportQuerySchema.parse(Object.fromEntries(url.searchParams));
  const scope = q.scope && scopes.includes(q.scope) ? q.scope : scopes[scopes.length - 1]!;
  const today = helsinkiToday();
  let to = q.to && q.to <= today ? q.to : today;
  // By default the last twelve calendar months, this one included (whole months are cheap: ADR 011).
  let from = q.from ?? addMonths(to, -11);
  if (from > to) [from, to] = [to, from];
  if (from < addDays(to, -3653)) from = addDays(to, -3653);
  return {
    scope,
    from,
    to,
    organisationId: scope === 'all' ? q.organisation : undefined,
    supportPointId: q.point,
    eserviceId: q.eservice,
    interval: q.interval,
    viewerId: user.id,
    viewerOrganisationId: user.organisationId,
  };
}
