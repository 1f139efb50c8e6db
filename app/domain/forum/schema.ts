import { z } from 'zod';
import { LANGUAGES } from '~/i18n/config';
import { list, text } from '~/utils/forms';

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

const tagList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean)
      : [],
  z
    .array(z.string().max(40, { error: 'forum:errors.tagTooLong' }))
    .max(10, { error: 'forum:errors.tooManyTags' })
    .transform((tags) => [...new Set(tags)]),
);

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
  eserviceTags: tagList,
  tags: tagList,
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
  note: z.string().trim().max(1000, { error: 'validation.tooLong' }).default(''),
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
  descriptionFi: z.string().trim().max(300, { error: 'validation.tooLong' }).default(''),
  descriptionSv: z.string().trim().max(300, { error: 'validation.tooLong' }).default(''),
  descriptionEn: z.string().trim().max(300, { error: 'validation.tooLong' }).default(''),
  position: z.coerce.number({ error: 'validation.invalid' }).int().min(0).max(1000).default(0),
});

const postRef = { postId: z.uuid({ error: 'validation.invalid' }) };
const reason = { reason: text({ max: 500 }) };
export const THREAD_MODERATION = ['lock', 'unlock', 'pin', 'unpin', 'move', 'merge'] as const;

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
