-- Erasure (issue 16 item 3): a member's request, what they chose about their posts, and when the
-- account was anonymised. A guidance entry keeps no link to an erased adviser.
ALTER TABLE "app_user" ADD COLUMN "erasure_requested_at" TIMESTAMPTZ(3);
ALTER TABLE "app_user" ADD COLUMN "erasure_deletes_posts" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "app_user" ADD COLUMN "erased_at" TIMESTAMPTZ(3);
CREATE INDEX "app_user_erasure_requested_at_idx" ON "app_user"("erasure_requested_at");

ALTER TABLE "guidance_session" ALTER COLUMN "adviser_id" DROP NOT NULL;
