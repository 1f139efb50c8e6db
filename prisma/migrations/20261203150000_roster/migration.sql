-- The roster (issue 17): recurring help slots at support points and the advisers' shifts in them.
-- A slot's times are Helsinki wall-clock times; a date is a Helsinki calendar day.
CREATE TABLE "help_slot" (
    "id" UUID NOT NULL,
    "support_point_id" UUID NOT NULL,
    "organisation_id" UUID,
    "weekdays" INTEGER[],
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE,
    "exceptions" DATE[] DEFAULT ARRAY[]::DATE[],
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "needed" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "help_slot_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "help_slot_needed_check" CHECK ("needed" BETWEEN 1 AND 20)
);
CREATE INDEX "help_slot_support_point_id_idx" ON "help_slot"("support_point_id");
CREATE INDEX "help_slot_organisation_id_idx" ON "help_slot"("organisation_id");
CREATE INDEX "help_slot_created_by_id_idx" ON "help_slot"("created_by_id");
ALTER TABLE "help_slot" ADD CONSTRAINT "help_slot_support_point_id_fkey" FOREIGN KEY ("support_point_id") REFERENCES "support_point"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "help_slot" ADD CONSTRAINT "help_slot_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "help_slot" ADD CONSTRAINT "help_slot_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "shift" (
    "id" UUID NOT NULL,
    "slot_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "shift_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "shift_slot_id_date_idx" ON "shift"("slot_id", "date");
CREATE INDEX "shift_user_id_date_idx" ON "shift"("user_id", "date");
-- One place per adviser per slot and day; a cancelled shift does not stop signing up again.
CREATE UNIQUE INDEX "shift_one_per_adviser" ON "shift"("slot_id", "date", "user_id") WHERE "cancelled_at" IS NULL;
ALTER TABLE "shift" ADD CONSTRAINT "shift_slot_id_fkey" FOREIGN KEY ("slot_id") REFERENCES "help_slot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "shift" ADD CONSTRAINT "shift_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
