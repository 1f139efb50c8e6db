/** What the shared index holds; a page that lists them need not load zod (schema.ts). */
export const SEARCH_KINDS = ['forum_post', 'library_material', 'event', 'briefing'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
