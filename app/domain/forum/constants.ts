// The forum's fixed lists and limits, without zod: components import these, and the schemas
// (schema.ts) stay out of the browser bundle of pages that only read.

export const DEVICE_TAGS = ['android', 'iphone', 'tablet', 'computer'] as const;
export const REACTIONS = ['thanks', 'helpful', 'me_too'] as const;
export type Reaction = (typeof REACTIONS)[number];
export const FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic', 'other'] as const;
export const THREAD_FILTERS = ['all', 'unread', 'unanswered', 'solved', 'verified'] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

export const POSTS_PER_PAGE = 20;
export const THREADS_PER_PAGE = 30;
/** Posting limits (the rules). */
export const MIN_SECONDS_BETWEEN_POSTS = 5;
export const DUPLICATE_WINDOW_MINUTES = 5;
/** Category slugs that would hide a fixed forum address. */
export const RESERVED_SLUGS = ['new', 't', 'p', 'moderation', 'categories', 'mentions', 'uploads'];

export const THREAD_MODERATION = ['lock', 'unlock', 'pin', 'unpin', 'move', 'merge'] as const;
