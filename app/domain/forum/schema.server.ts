// Zod schemas of the forum's forms, used by actions only: as a .server module it never reaches
// the browser (zod alone is ~90 KB gzipped). The fixed lists live in constants.ts.
import { z } from 'zod';
import { LANGUAGES } from '~/i18n/config';
import { list, optionalText, tagList, text } from '~/utils/forms.server';
import {
  DEVICE_TAGS,
  FLAG_REASONS,
  REACTIONS,
  RESERVED_SLUGS,
  THREAD_FILTERS,
  THREAD_MODERATION,
} from './constants';

/** The body arrives as editor JSON (`body`) or, without JavaScript, as plain text (`bodyText`). */
const body = {
  body: z.string().max(1_000_000, { error: 'forum:errors.bodyTooLong' }).optional(),
  bodyText: z.string().max(1_000_000, { error: 'forum:errors.bodyTooLong' }).optional(),
};

export const ThreadSchema = z.object({
  categoryId: z.uuid({ error: 'validation.required' }),
  title: text({ max: 200, min: 5 }),
  language: z.enum(LANGUAGES, { error: 'validation.required' }),
  deviceTags: list(z.enum(DEVICE_TAGS)),
  eserviceTags: tagList('forum'),
  tags: tagList('forum'),
  ...body,
});

export const ReplySchema = z.object({
  intent: z.literal('reply'),
  quotedPostId: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ...body,
});

export const EditSchema = z.object({
  title: text({ max: 200, min: 5 }).optional(),
  ...body,
});

export const FlagSchema = z.object({
  reason: z.enum(FLAG_REASONS, { error: 'forum:errors.flagReason' }),
  note: optionalText(1000),
});

export const ModerationReasonSchema = text({ max: 500 });

export const CategorySchema = z.object({
  slug: z
    .string({ error: 'validation.required' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'forum:errors.slug' })
    .max(60, { error: 'validation.tooLong' })
    .refine((s) => !RESERVED_SLUGS.includes(s), { error: 'forum:errors.slugReserved' }),
  nameFi: text({ max: 80 }),
  nameSv: text({ max: 80 }),
  nameEn: text({ max: 80 }),
  descriptionFi: optionalText(300),
  descriptionSv: optionalText(300),
  descriptionEn: optionalText(300),
  position: z.coerce.number({ error: 'validation.invalid' }).int().min(0).max(1000).default(0),
});

const postRef = { postId: z.uuid({ error: 'validation.invalid' }) };
const reason = { reason: text({ max: 500 }) };

/** Everything a thread page can post, one schema per intent. */
export const ThreadActionSchema = z.discriminatedUnion('intent', [
  ReplySchema,
  z.object({ intent: z.literal('react'), ...postRef, kind: z.enum(REACTIONS) }),
  z.object({ intent: z.literal('accept'), ...postRef }),
  z.object({ intent: z.literal('verify'), ...postRef }),
  z.object({ intent: z.literal('delete'), ...postRef }),
  z.object({ intent: z.literal('follow') }),
  z.object({ intent: z.literal('unfollow') }),
  z.object({ intent: z.literal('flag'), ...postRef, ...FlagSchema.shape }),
  z.object({ intent: z.enum(['hide', 'unhide', 'dismiss']), ...postRef, ...reason }),
  z.object({
    intent: z.literal('moderate-thread'),
    action: z.enum(THREAD_MODERATION, { error: 'validation.required' }),
    categoryId: z.string().default(''),
    targetThreadId: z.string().trim().max(200).default(''),
    ...reason,
  }),
]);
export type ThreadAction = z.infer<typeof ThreadActionSchema>;

/** The categories page creates one category or updates another. */
export const CategoryActionSchema = z.discriminatedUnion('intent', [
  CategorySchema.extend({ intent: z.literal('create') }),
  CategorySchema.extend({ intent: z.literal('update'), id: z.string() }),
]);

export const QueueActionSchema = z.object({
  intent: z.enum(['hide', 'dismiss']),
  postId: z.uuid({ error: 'validation.invalid' }),
  reason: text({ max: 500 }),
});

// Unknown filter values are ignored: a stale bookmark still opens the category.
export const ThreadFilterSchema = z.object({
  show: z.enum(THREAD_FILTERS).catch('all'),
  device: z.enum(DEVICE_TAGS).optional().catch(undefined),
  tag: z.string().trim().toLowerCase().max(40).optional().catch(undefined),
  language: z.enum(LANGUAGES).optional().catch(undefined),
});

export const CategoryFollowSchema = z.object({ intent: z.enum(['follow', 'unfollow']) });
