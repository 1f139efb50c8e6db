import type { PermissionKey } from '~/auth/roles';

// The help pages (issue 21): one short "how do I…" per area, its text in locales/*/help.json.
// A topic is shown to those who can use its area; the profile topic to everyone.

export const HELP_TOPICS = [
  'forum',
  'library',
  'events',
  'guidance',
  'feedback',
  'briefings',
  'supportPoints',
  'profile',
  'notifications',
  'trainers',
  'coordinators',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

const NEEDS: Record<HelpTopic, PermissionKey | null> = {
  forum: 'forum:use',
  library: 'library:read',
  events: 'events:read',
  guidance: 'guidance:log',
  briefings: 'briefings:read',
  supportPoints: 'support-points:read',
  feedback: 'guidance:log',
  profile: null,
  notifications: null,
  // A role's own tools: what only it can do.
  trainers: 'library:manage',
  coordinators: 'forum:moderate',
};

/** The topics for someone with these permissions, in the order of the menu. */
export function helpTopicsFor(permissions: Partial<Record<PermissionKey, unknown>>): HelpTopic[] {
  return HELP_TOPICS.filter((topic) => {
    const needed = NEEDS[topic];
    return needed === null || Boolean(permissions[needed]);
  });
}

/** A topic's address: /help/support-points for supportPoints. */
export function helpPath(topic: HelpTopic): string {
  return `/help/${topic.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The topic an address names, or null. */
export function topicAt(slug: string | undefined): HelpTopic | null {
  return HELP_TOPICS.find((topic) => helpPath(topic) === `/help/${slug}`) ?? null;
}
