-- Issue 17: what residents and the city's pages need to know about a point (step-free access,
-- hearing loop), shifts offered for a swap, and the day-before reminder sent once.
ALTER TABLE "support_point" ADD COLUMN "accessibility_fi" TEXT NOT NULL DEFAULT '';
ALTER TABLE "support_point" ADD COLUMN "accessibility_sv" TEXT NOT NULL DEFAULT '';
ALTER TABLE "support_point" ADD COLUMN "accessibility_en" TEXT NOT NULL DEFAULT '';

ALTER TABLE "shift" ADD COLUMN "offered_at" TIMESTAMPTZ(3);
ALTER TABLE "shift" ADD COLUMN "offer_note" TEXT NOT NULL DEFAULT '';
ALTER TABLE "shift" ADD COLUMN "reminded_at" TIMESTAMPTZ(3);
-- The coverage grid of the whole network reads a month of shifts by day.
CREATE INDEX "shift_date_idx" ON "shift"("date");
-- Shifts on offer are listed network-wide; few at a time.
CREATE INDEX "shift_offered_idx" ON "shift"("date") WHERE "offered_at" IS NOT NULL AND "cancelled_at" IS NULL;

-- Referral slips (issue 17 item 5): where an adviser sent a resident, for the resident (a
-- printed slip, a page behind a QR code) and, counted without names, for the dashboards.
CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "created_by_id" UUID,
    -- The adviser's organisation when made: the dashboards' scope, kept after an erasure.
    "organisation_id" UUID,
    "from_point_id" UUID,
    "to_point_id" UUID,
    "to_eservice_id" UUID,
    "to_other" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL,
    "bring" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "bring_other" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "referral_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "referral_one_destination" CHECK (
      ("to_point_id" IS NOT NULL)::int + ("to_eservice_id" IS NOT NULL)::int + ("to_other" <> '')::int = 1
    )
);
CREATE UNIQUE INDEX "referral_code_key" ON "referral"("code");
CREATE INDEX "referral_created_at_idx" ON "referral"("created_at");
CREATE INDEX "referral_created_by_id_idx" ON "referral"("created_by_id");
CREATE INDEX "referral_organisation_id_idx" ON "referral"("organisation_id");
CREATE INDEX "referral_from_point_id_idx" ON "referral"("from_point_id");
CREATE INDEX "referral_to_point_id_idx" ON "referral"("to_point_id");
CREATE INDEX "referral_to_eservice_id_idx" ON "referral"("to_eservice_id");
ALTER TABLE "referral" ADD CONSTRAINT "referral_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "referral" ADD CONSTRAINT "referral_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "referral" ADD CONSTRAINT "referral_from_point_id_fkey" FOREIGN KEY ("from_point_id") REFERENCES "support_point"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "referral" ADD CONSTRAINT "referral_to_point_id_fkey" FOREIGN KEY ("to_point_id") REFERENCES "support_point"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "referral" ADD CONSTRAINT "referral_to_eservice_id_fkey" FOREIGN KEY ("to_eservice_id") REFERENCES "eservice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
