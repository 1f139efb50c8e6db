import type { AuthUser } from '~/auth/guards.server';

export type NavItem = { to: string; labelKey: string };

/** The header's links: only areas that exist and that this user may open. */
export function navigationFor(user: AuthUser | null): NavItem[] {
  if (!user) return [];
  const items: NavItem[] = [{ to: '/', labelKey: 'nav.home' }];
  if (user.permissions['forum:use']) items.push({ to: '/forum', labelKey: 'nav.forum' });
  if (user.permissions['member:read']) items.push({ to: '/members', labelKey: 'nav.members' });
  if (user.permissions['organisation:manage'] || user.permissions['audit:read']) {
    items.push({ to: '/admin', labelKey: 'nav.admin' });
  }
  items.push({ to: '/profile', labelKey: 'nav.profile' });
  return items;
}
