/** What the shared index holds; a page that lists them need not load zod (schema.ts). */
export const SEARCH_KINDS = [
  'forum_post',
  'library_material',
  'event',
  'briefing',
  'support_point',
  'eservice',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * Directory entries: found whatever their age (see search.server.ts) and shown without a date,
 * which for them is only when someone added them.
 */
export const DIRECTORY_KINDS: readonly SearchKind[] = ['support_point', 'eservice'];

export const isDirectoryKind = (kind: string) => (DIRECTORY_KINDS as readonly string[]).includes(kind);
