-- AlterTable
ALTER TABLE "support_point" ADD COLUMN     "appointment_needed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "feedback_code" TEXT,
ADD COLUMN     "host_organisation_id" UUID,
ADD COLUMN     "hours_en" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "hours_fi" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "hours_sv" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Existing support points get their standing feedback link (the app makes new ones).
UPDATE "support_point" SET "feedback_code" = substr(md5(random()::text || "id"::text), 1, 10);
ALTER TABLE "support_point" ALTER COLUMN "feedback_code" SET NOT NULL;

-- CreateTable
CREATE TABLE "guidance_session" (
    "id" UUID NOT NULL,
    "adviser_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "support_point_id" UUID,
    "eservice_id" UUID,
    "date" DATE NOT NULL,
    "device" TEXT NOT NULL,
    "topics" TEXT[],
    "channel" TEXT NOT NULL,
    "service_level" INTEGER NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "age_group" TEXT,
    "outcome" TEXT NOT NULL,
    "referred_to" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "idempotency_key" UUID NOT NULL,
    "feedback_code" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guidance_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resident_feedback" (
    "id" UUID NOT NULL,
    "session_id" UUID,
    "adviser_id" UUID,
    "organisation_id" UUID,
    "support_point_id" UUID,
    "eservice_id" UUID,
    "date" DATE NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resident_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_month_count" (
    "key" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "dim" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_month_count_pkey" PRIMARY KEY ("key","month","dim","item")
);

-- CreateIndex
CREATE INDEX "report_month_count_created_at_idx" ON "report_month_count"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "guidance_session_feedback_code_key" ON "guidance_session"("feedback_code");

-- CreateIndex
CREATE INDEX "guidance_session_adviser_id_created_at_idx" ON "guidance_session"("adviser_id", "created_at");

-- CreateIndex
CREATE INDEX "guidance_session_date_cover_idx" ON "guidance_session"("date", "device", "channel", "language", "service_level", "outcome", "age_group", "support_point_id", "organisation_id", "eservice_id", "duration_minutes", "topics");

-- CreateIndex
CREATE INDEX "guidance_session_organisation_cover_idx" ON "guidance_session"("organisation_id", "date", "device", "channel", "language", "service_level", "outcome", "age_group", "support_point_id", "eservice_id", "duration_minutes", "topics");

-- CreateIndex
CREATE INDEX "guidance_session_support_point_cover_idx" ON "guidance_session"("support_point_id", "date", "device", "channel", "language", "service_level", "outcome", "age_group", "organisation_id", "eservice_id", "duration_minutes", "topics");

-- CreateIndex
CREATE INDEX "guidance_session_eservice_cover_idx" ON "guidance_session"("eservice_id", "date", "device", "channel", "language", "service_level", "outcome", "age_group", "support_point_id", "organisation_id", "duration_minutes", "topics");

-- CreateIndex
CREATE UNIQUE INDEX "guidance_session_adviser_id_idempotency_key_key" ON "guidance_session"("adviser_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "resident_feedback_session_id_key" ON "resident_feedback"("session_id");

-- CreateIndex
CREATE INDEX "resident_feedback_date_rating_idx" ON "resident_feedback"("date", "rating");

-- CreateIndex
CREATE INDEX "resident_feedback_adviser_id_date_rating_idx" ON "resident_feedback"("adviser_id", "date", "rating");

-- CreateIndex
CREATE INDEX "resident_feedback_organisation_id_date_rating_idx" ON "resident_feedback"("organisation_id", "date", "rating");

-- CreateIndex
CREATE INDEX "resident_feedback_support_point_id_date_rating_idx" ON "resident_feedback"("support_point_id", "date", "rating");

-- CreateIndex
CREATE INDEX "resident_feedback_eservice_id_date_rating_idx" ON "resident_feedback"("eservice_id", "date", "rating");

-- CreateIndex
CREATE UNIQUE INDEX "support_point_feedback_code_key" ON "support_point"("feedback_code");

-- CreateIndex
CREATE INDEX "support_point_host_organisation_id_idx" ON "support_point"("host_organisation_id");

-- CreateIndex
CREATE INDEX "support_point_district_idx" ON "support_point"("district");

-- AddForeignKey
ALTER TABLE "support_point" ADD CONSTRAINT "support_point_host_organisation_id_fkey" FOREIGN KEY ("host_organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guidance_session" ADD CONSTRAINT "guidance_session_adviser_id_fkey" FOREIGN KEY ("adviser_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guidance_session" ADD CONSTRAINT "guidance_session_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guidance_session" ADD CONSTRAINT "guidance_session_support_point_id_fkey" FOREIGN KEY ("support_point_id") REFERENCES "support_point"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guidance_session" ADD CONSTRAINT "guidance_session_eservice_id_fkey" FOREIGN KEY ("eservice_id") REFERENCES "eservice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_feedback" ADD CONSTRAINT "resident_feedback_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "guidance_session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_feedback" ADD CONSTRAINT "resident_feedback_adviser_id_fkey" FOREIGN KEY ("adviser_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_feedback" ADD CONSTRAINT "resident_feedback_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_feedback" ADD CONSTRAINT "resident_feedback_support_point_id_fkey" FOREIGN KEY ("support_point_id") REFERENCES "support_point"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_feedback" ADD CONSTRAINT "resident_feedback_eservice_id_fkey" FOREIGN KEY ("eservice_id") REFERENCES "eservice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
