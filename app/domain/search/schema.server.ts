import { z } from 'zod';
import { LANGUAGES } from '~/i18n/config';
import { searchText } from '~/utils/forms.server';
import { SEARCH_KINDS } from './kinds';

export const SEARCH_PAGE_SIZE = 20;
/**
 * How many of the newest matches are ranked and counted (see search.server.ts): ten pages. A
 * common word has tens of thousands; walking 1,000 of them cost ~25 ms of the database per search.
 */
export const SEARCH_CANDIDATES = 200;

// Unknown or malformed filters are dropped, not refused: a pasted or stale link still searches.
export const SearchQuerySchema = z.object({
  q: searchText(200),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  container: z.uuid().optional().catch(undefined),
  flag: z.enum(['solved', 'verified']).optional().catch(undefined),
  /** Part of the author's name. */
  author: searchText(100).transform((s) => s || undefined),
  language: z.enum(LANGUAGES).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** The search box's suggestions while typing, and "asked before?" under a question's title. */
export const SuggestQuerySchema = z.object({
  q: searchText(200),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  /** "1": questions like this title (any of its words), threads and library material. */
  any: z.literal('1').optional().catch(undefined),
});
