-- Issue 14: the home feed remembers how far each member has seen it; the news digest e-mail
-- goes daily, weekly or not at all, and its one-click unsubscribe link carries a per-member
-- token (it only turns the digest off, so it is kept as is, to be put into every digest).
ALTER TABLE "app_user" ADD COLUMN "feed_seen_at" TIMESTAMPTZ(3);
ALTER TABLE "app_user" ADD COLUMN "digest_frequency" TEXT NOT NULL DEFAULT 'weekly';
ALTER TABLE "app_user" ADD COLUMN "digest_sent_at" TIMESTAMPTZ(3);
ALTER TABLE "app_user" ADD COLUMN "digest_token" TEXT;
CREATE UNIQUE INDEX "app_user_digest_token_key" ON "app_user"("digest_token");

-- Extra mail headers (List-Unsubscribe), sent as stored.
ALTER TABLE "email" ADD COLUMN "headers" JSONB NOT NULL DEFAULT '{}';

-- The feed reads "posts in threads I follow, newest first" and "threads in categories I follow".
CREATE INDEX "forum_thread_category_id_created_at_idx" ON "forum_thread"("category_id", "created_at");
CREATE INDEX "event_created_at_idx" ON "event"("created_at");
