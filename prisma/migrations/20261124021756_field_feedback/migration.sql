
-- CreateTable
CREATE TABLE "field_feedback" (
    "id" UUID NOT NULL,
    "eservice_id" UUID NOT NULL,
    "briefing_id" UUID,
    "reporter_id" UUID NOT NULL,
    "what_happened" TEXT NOT NULL,
    "step" TEXT NOT NULL DEFAULT '',
    "device" TEXT NOT NULL,
    "os" TEXT NOT NULL DEFAULT '',
    "frequency" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "screenshot_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'new',
    "seen_count" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "field_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_reply" (
    "id" UUID NOT NULL,
    "feedback_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status_from" TEXT,
    "status_to" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_reply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_seen" (
    "feedback_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_seen_pkey" PRIMARY KEY ("feedback_id","user_id")
);

-- CreateIndex
CREATE INDEX "field_feedback_eservice_id_status_created_at_idx" ON "field_feedback"("eservice_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "field_feedback_eservice_id_seen_count_idx" ON "field_feedback"("eservice_id", "seen_count");

-- CreateIndex
CREATE INDEX "field_feedback_reporter_id_created_at_idx" ON "field_feedback"("reporter_id", "created_at");

-- CreateIndex
CREATE INDEX "feedback_reply_feedback_id_created_at_idx" ON "feedback_reply"("feedback_id", "created_at");

-- AddForeignKey
ALTER TABLE "field_feedback" ADD CONSTRAINT "field_feedback_eservice_id_fkey" FOREIGN KEY ("eservice_id") REFERENCES "eservice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "field_feedback" ADD CONSTRAINT "field_feedback_briefing_id_fkey" FOREIGN KEY ("briefing_id") REFERENCES "briefing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "field_feedback" ADD CONSTRAINT "field_feedback_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_reply" ADD CONSTRAINT "feedback_reply_feedback_id_fkey" FOREIGN KEY ("feedback_id") REFERENCES "field_feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_reply" ADD CONSTRAINT "feedback_reply_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_seen" ADD CONSTRAINT "feedback_seen_feedback_id_fkey" FOREIGN KEY ("feedback_id") REFERENCES "field_feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_seen" ADD CONSTRAINT "feedback_seen_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
