-- Issue 21 item 2: how often a question is not asked after a similar one was opened. Day totals
-- only: no member, thread or browser is recorded.
CREATE TABLE "similar_question_day" (
    "day" DATE NOT NULL,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "asked_after" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "similar_question_day_pkey" PRIMARY KEY ("day")
);
