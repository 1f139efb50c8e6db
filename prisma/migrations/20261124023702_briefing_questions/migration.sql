
-- CreateTable
CREATE TABLE "briefing_question" (
    "id" UUID NOT NULL,
    "briefing_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "answer" TEXT NOT NULL DEFAULT '',
    "answered_by_id" UUID,
    "answered_at" TIMESTAMPTZ(3),
    "in_faq" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "briefing_question_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "briefing_question_briefing_id_created_at_idx" ON "briefing_question"("briefing_id", "created_at");

-- AddForeignKey
ALTER TABLE "briefing_question" ADD CONSTRAINT "briefing_question_briefing_id_fkey" FOREIGN KEY ("briefing_id") REFERENCES "briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing_question" ADD CONSTRAINT "briefing_question_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing_question" ADD CONSTRAINT "briefing_question_answered_by_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
