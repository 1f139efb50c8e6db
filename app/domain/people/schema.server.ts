import { z } from 'zod';
import { ROLE_KEYS } from '~/auth/roles';
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';
import { searchText } from '~/utils/forms.server';
import { KNOWN_DEVICES, KNOWN_TOPICS } from './constants';

// Unknown or malformed filters are dropped, not refused: a pasted or stale link still lists.
export const DirectoryFilterSchema = z.object({
  q: searchText(100),
  organisation: z.uuid().optional().catch(undefined),
  language: z.enum(ADVISE_LANGUAGES).optional().catch(undefined),
  point: z.uuid().optional().catch(undefined),
  device: z
    .enum(KNOWN_DEVICES as [string, ...string[]])
    .optional()
    .catch(undefined),
  topic: z
    .enum(KNOWN_TOPICS as [string, ...string[]])
    .optional()
    .catch(undefined),
  role: z.enum(ROLE_KEYS).optional().catch(undefined),
});
export type DirectoryFilter = z.infer<typeof DirectoryFilterSchema>;
