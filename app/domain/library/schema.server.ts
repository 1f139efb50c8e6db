// Zod schemas of the library's forms, used by actions only (as in the forum: zod stays out of
// the browser bundle). The fixed lists live in constants.ts.
import { z } from 'zod';
import { LANGUAGES } from '~/i18n/config';
import { list, optionalMultilineText, searchText, tagList, text } from '~/utils/forms.server';
import { DEVICE_TAGS } from '~/domain/forum/constants';
import {
  AUDIENCES,
  LEVELS,
  MATERIAL_TYPES,
  MAX_VIDEO_LINKS,
  RESERVED_SLUGS,
  SORTS,
  type VideoLink,
} from './constants';

/**
 * Video links, one per line: a title and then the address ("Näin kirjaudut OmaKantaan
 * https://…"). Shown as links, never embedded: no third-party player on our pages.
 */
const videoLinks = z
  .string()
  .default('')
  .transform((raw, ctx): VideoLink[] => {
    const links: VideoLink[] = [];
    for (const line of raw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)) {
      const match = /^(.*?)\s*(https:\/\/\S+)$/.exec(line);
      const url = match?.[2];
      if (!url || !URL.canParse(url) || url.length > 500) {
        ctx.addIssue({ code: 'custom', message: 'library:errors.videoLink' });
        return z.NEVER;
      }
      links.push({
        title: (match[1] || url)
          .replace(/[|–-]\s*$/, '')
          .trim()
          .slice(0, 200),
        url,
      });
    }
    if (links.length > MAX_VIDEO_LINKS) {
      ctx.addIssue({ code: 'custom', message: 'library:errors.tooManyLinks' });
      return z.NEVER;
    }
    return links;
  });

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .enum(values)
    .optional()
    .or(z.literal('').transform(() => undefined));

const audienceFields = {
  audience: z.enum(AUDIENCES, { error: 'validation.required' }),
  audienceOrgIds: list(z.uuid()),
};

export const MaterialSchema = z
  .object({
    title: text({ max: 200 }),
    summary: optionalMultilineText(500),
    body: z.string().max(2_000_000, { error: 'library:errors.bodyTooLong' }).optional(),
    bodyText: z.string().max(2_000_000, { error: 'library:errors.bodyTooLong' }).optional(),
    type: z.enum(MATERIAL_TYPES, { error: 'validation.required' }),
    level: optionalEnum(LEVELS),
    deviceTags: list(z.enum(DEVICE_TAGS)),
    topicTags: tagList('library'),
    eserviceTags: tagList('library'),
    ...audienceFields,
    videoLinks,
  })
  .refine((m) => m.audience !== 'organisations' || m.audienceOrgIds.length > 0, {
    path: ['audienceOrgIds'],
    error: 'library:errors.audienceOrgs',
    // Checked even when other fields fail, so every mistake is shown at once.
    when: (payload) => z.object(audienceFields).safeParse(payload.value).success,
  });
export type MaterialInput = z.infer<typeof MaterialSchema>;

export const NewMaterialSchema = z.intersection(
  MaterialSchema,
  z.object({ language: z.enum(LANGUAGES, { error: 'validation.required' }) }),
);

export const PublishSchema = z.object({
  changeNote: text({ max: 300 }),
  /** A local Helsinki time from <input type="datetime-local">; empty: now. */
  publishAt: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), {
      error: 'library:errors.publishAt',
    }),
});

export const PathSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'library:errors.slug' })
    .max(80, { error: 'validation.tooLong' }),
  titleFi: text({ max: 150 }),
  titleSv: text({ max: 150 }),
  titleEn: text({ max: 150 }),
  descriptionFi: optionalMultilineText(1000),
  descriptionSv: optionalMultilineText(1000),
  descriptionEn: optionalMultilineText(1000),
});

export const PathItemSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add-item'), groupId: z.uuid({ error: 'library:errors.pickMaterial' }) }),
  z.object({ intent: z.literal('remove-item'), groupId: z.uuid() }),
  z.object({ intent: z.literal('move-item'), groupId: z.uuid(), direction: z.enum(['up', 'down']) }),
]);

export function isReservedSlug(slug: string) {
  return RESERVED_SLUGS.includes(slug);
}

// Unknown or malformed filters are dropped, not refused: a pasted or stale link still lists.
export const LibraryFilterSchema = z.object({
  type: z.enum(MATERIAL_TYPES).optional().catch(undefined),
  level: z.enum(LEVELS).optional().catch(undefined),
  language: z.enum(LANGUAGES).optional().catch(undefined),
  device: z.enum(DEVICE_TAGS).optional().catch(undefined),
  tag: searchText(40).transform((s) => s.toLowerCase() || undefined),
  eservice: searchText(40).transform((s) => s.toLowerCase() || undefined),
  status: z.enum(['draft', 'scheduled', 'archived']).optional().catch(undefined),
  sort: z.enum(SORTS).default('newest').catch('newest'),
});
export type LibraryFilter = z.infer<typeof LibraryFilterSchema>;

export const EditIntentSchema = z.object({
  intent: z.enum(['save', 'publish', 'detach', 'archive', 'unarchive', 'delete']),
});

export const ReaderIntentSchema = z.object({ intent: z.enum(['done', 'undone']) });
