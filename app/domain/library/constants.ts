// The library's fixed lists and limits, without zod: components import these, and the schemas
// (schema.server.ts) stay out of the browser bundle of pages that only read.

export const MATERIAL_TYPES = ['guide', 'checklist', 'handout', 'slides', 'video', 'exercise'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];
export const LEVELS = ['new', 'experienced'] as const;
export const AUDIENCES = ['all', 'trainers', 'organisations'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export type MaterialStatus = (typeof STATUSES)[number];
export const SORTS = ['newest', 'popular', 'title'] as const;
export type LibrarySort = (typeof SORTS)[number];

export const MATERIALS_PER_PAGE = 24;
export const MAX_VIDEO_LINKS = 10;
/** Attachments per material; a course pack rarely has more than a handful. */
export const MAX_ATTACHMENTS = 20;
/** Words of a PDF kept for search (a 300-page manual need not be indexed whole). */
export const MAX_INDEXED_PDF_CHARS = 200_000;

/** Slugs that would hide a fixed library address. */
export const RESERVED_SLUGS = ['new', 'paths', 'translations', 'uploads'];

export type VideoLink = { title: string; url: string };
