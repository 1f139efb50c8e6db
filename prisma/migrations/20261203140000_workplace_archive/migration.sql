-- Issue 16 item 1: the Workplace archive. A thread brought over from the archive says so
-- ("workplace"), and every imported item remembers its Workplace id, so an import run again
-- creates nothing twice.
ALTER TABLE "forum_thread" ADD COLUMN "archived_from" TEXT;

CREATE TABLE "archive_item" (
    "source" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    -- thread | post | member: what local_id names (a forum thread, a forum post, an app user)
    "kind" TEXT NOT NULL,
    "local_id" UUID NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "archive_item_pkey" PRIMARY KEY ("source", "external_id")
);
CREATE INDEX "archive_item_local_id_idx" ON "archive_item"("local_id");
