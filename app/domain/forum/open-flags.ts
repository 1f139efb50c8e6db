import { Prisma } from '~/generated/prisma/client';

/**
 * How many posts wait in the moderation queue (the navigation's number for moderators), as a
 * scalar subquery: the session check reads it in its own statement (app/auth/session.server.ts),
 * `openFlagCount` alone after an action. No imports besides Prisma, so the session check can
 * use it without loading the forum's modules.
 */
export const OPEN_FLAGS_SQL = Prisma.sql`(SELECT count(DISTINCT f.post_id)::int FROM forum_flag f WHERE f.resolved_at IS NULL)`;
