
-- CreateTable
CREATE TABLE "eservice" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name_fi" TEXT NOT NULL,
    "name_sv" TEXT NOT NULL DEFAULT '',
    "name_en" TEXT NOT NULL DEFAULT '',
    "help_fi" TEXT NOT NULL DEFAULT '',
    "help_sv" TEXT NOT NULL DEFAULT '',
    "help_en" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'launched',
    "launch_date" DATE,
    "public_url" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "eservice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "eservice_contact" (
    "eservice_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "eservice_contact_pkey" PRIMARY KEY ("eservice_id","user_id")
);

-- CreateTable
CREATE TABLE "briefing" (
    "id" UUID NOT NULL,
    "eservice_id" UUID NOT NULL,
    "event_id" UUID,
    "language" TEXT NOT NULL DEFAULT 'fi',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "launch_at" TIMESTAMPTZ(3) NOT NULL,
    "audience" TEXT NOT NULL DEFAULT 'all',
    "audience_org_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audience_roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "title" TEXT NOT NULL,
    "for_whom" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL DEFAULT '{}',
    "known_problems" TEXT NOT NULL DEFAULT '',
    "advice_to_residents" TEXT NOT NULL DEFAULT '',
    "live_number" INTEGER NOT NULL DEFAULT 0,
    "published_at" TIMESTAMPTZ(3),
    "reminded_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "briefing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "briefing_version" (
    "id" UUID NOT NULL,
    "briefing_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "for_whom" TEXT NOT NULL DEFAULT '',
    "body_html" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "known_problems" TEXT NOT NULL DEFAULT '',
    "advice_to_residents" TEXT NOT NULL DEFAULT '',
    "image_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "change_note" TEXT NOT NULL DEFAULT '',
    "published_by_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "briefing_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "briefing_read" (
    "briefing_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "version_number" INTEGER NOT NULL,
    "first_read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "briefing_read_pkey" PRIMARY KEY ("briefing_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "eservice_slug_key" ON "eservice"("slug");

-- CreateIndex
CREATE INDEX "eservice_contact_user_id_idx" ON "eservice_contact"("user_id");

-- CreateIndex
CREATE INDEX "briefing_eservice_id_idx" ON "briefing"("eservice_id");

-- CreateIndex
CREATE INDEX "briefing_status_published_at_idx" ON "briefing"("status", "published_at");

-- CreateIndex
CREATE UNIQUE INDEX "briefing_version_briefing_id_number_key" ON "briefing_version"("briefing_id", "number");

-- CreateIndex
CREATE INDEX "briefing_read_user_id_idx" ON "briefing_read"("user_id");

-- AddForeignKey
ALTER TABLE "eservice_contact" ADD CONSTRAINT "eservice_contact_eservice_id_fkey" FOREIGN KEY ("eservice_id") REFERENCES "eservice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eservice_contact" ADD CONSTRAINT "eservice_contact_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing" ADD CONSTRAINT "briefing_eservice_id_fkey" FOREIGN KEY ("eservice_id") REFERENCES "eservice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing" ADD CONSTRAINT "briefing_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing" ADD CONSTRAINT "briefing_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing_version" ADD CONSTRAINT "briefing_version_briefing_id_fkey" FOREIGN KEY ("briefing_id") REFERENCES "briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing_version" ADD CONSTRAINT "briefing_version_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing_read" ADD CONSTRAINT "briefing_read_briefing_id_fkey" FOREIGN KEY ("briefing_id") REFERENCES "briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing_read" ADD CONSTRAINT "briefing_read_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
