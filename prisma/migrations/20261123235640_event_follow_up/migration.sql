-- AlterTable
ALTER TABLE "event" ADD COLUMN     "follow_up_at" TIMESTAMPTZ(3),
ADD COLUMN     "follow_up_note" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "minutes_url" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "recording_url" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "slides_url" TEXT NOT NULL DEFAULT '';
