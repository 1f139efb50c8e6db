-- Issue 21 item 1: the member directory. Optional profile fields and which of them the member
-- shows to other members; by default organisation and advising languages (name always).
ALTER TABLE "app_user" ADD COLUMN "phone" TEXT NOT NULL DEFAULT '';
ALTER TABLE "app_user" ADD COLUMN "know_devices" TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE "app_user" ADD COLUMN "know_topics" TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE "app_user" ADD COLUMN "directory_shows" TEXT[] NOT NULL DEFAULT '{organisation,languages}';
