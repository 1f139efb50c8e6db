-- AlterTable
ALTER TABLE "event" ADD COLUMN     "detached" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "series_id" UUID,
ADD COLUMN     "series_index" INTEGER;

-- CreateTable
CREATE TABLE "event_series" (
    "id" UUID NOT NULL,
    "interval_weeks" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_series_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_series_id_series_index_idx" ON "event"("series_id", "series_index");

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "event_series"("id") ON DELETE SET NULL ON UPDATE CASCADE;
