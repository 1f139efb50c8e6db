import type { AuthUser } from '~/auth/guards.server';

/** `count`: work waiting there for this member (the moderation queue), shown as a number. */
export type NavItem = { to: string; labelKey: string; count?: number };

/** The header's links: only areas that exist and that this user may open. */
export function navigationFor(user: AuthUser | null, waiting: { moderation?: number } = {}): NavItem[] {
  if (!user) return [];
  const items: NavItem[] = [{ to: '/', labelKey: 'nav.home' }];
  if (user.permissions['forum:use']) items.push({ to: '/forum', labelKey: 'nav.forum' });
  if (user.permissions['forum:moderate'])
    items.push({ to: '/forum/moderation', labelKey: 'nav.moderation', count: waiting.moderation ?? 0 });
  if (user.permissions['library:read']) items.push({ to: '/library', labelKey: 'nav.library' });
  if (user.permissions['events:read']) items.push({ to: '/events', labelKey: 'nav.events' });
  if (user.permissions['briefings:read']) items.push({ to: '/briefings', labelKey: 'nav.briefings' });
  // Own figures (advisers) or an organisation's or the network's (reports:read).
  if (user.permissions['guidance:log'] || user.permissions['reports:read'])
    items.push({ to: '/reports', labelKey: 'nav.reports' });
  if (user.permissions['support-points:read'])
    items.push({ to: '/support-points', labelKey: 'nav.supportPoints' });
  if (user.permissions['roster:sign-up']) items.push({ to: '/shifts', labelKey: 'nav.shifts' });
  if (user.permissions['roster:manage']) items.push({ to: '/roster', labelKey: 'nav.coverage' });
  // Everyone finds the others: who at Kallio library speaks Arabic (issue 21).
  items.push({ to: '/people', labelKey: 'nav.people' });
  if (user.permissions['announcements:manage'])
    items.push({ to: '/announcements', labelKey: 'nav.announcements' });
  if (user.permissions['member:read']) items.push({ to: '/members', labelKey: 'nav.members' });
  if (user.permissions['organisation:manage'] || user.permissions['audit:read']) {
    items.push({ to: '/admin', labelKey: 'nav.admin' });
  }
  items.push({ to: '/help', labelKey: 'nav.help' });
  items.push({ to: '/profile', labelKey: 'nav.profile' });
  return items;
}
