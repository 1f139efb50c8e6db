-- AlterTable
ALTER TABLE "upload" ADD COLUMN     "file_name" TEXT,
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'forum',
ADD COLUMN     "sha256" TEXT,
ADD COLUMN     "text_content" TEXT,
ADD COLUMN     "thumbnail" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "width" DROP NOT NULL,
ALTER COLUMN "height" DROP NOT NULL;

-- CreateTable
CREATE TABLE "library_group" (
    "id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "library_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "library_material" (
    "id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "live_version_id" UUID,
    "live_number" INTEGER NOT NULL DEFAULT 0,
    "published_at" TIMESTAMPTZ(3),
    "draft_title" TEXT NOT NULL,
    "draft_summary" TEXT NOT NULL DEFAULT '',
    "draft_body" JSONB NOT NULL,
    "draft_links" JSONB NOT NULL DEFAULT '[]',
    "draft_changed" BOOLEAN NOT NULL DEFAULT true,
    "type" TEXT NOT NULL,
    "level" TEXT,
    "device_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "topic_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "eservice_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audience" TEXT NOT NULL DEFAULT 'all',
    "audience_org_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source_thread_id" UUID,
    "source_post_id" UUID,
    "view_count" INTEGER NOT NULL DEFAULT 0,
    "completion_count" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "library_material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "library_version" (
    "id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "change_note" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "body_html" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "links" JSONB NOT NULL DEFAULT '[]',
    "publish_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "library_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "library_file_link" (
    "id" UUID NOT NULL,
    "upload_id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "version_id" UUID,
    "inline" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "library_file_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "library_completion" (
    "user_id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "version_number" INTEGER NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "library_completion_pkey" PRIMARY KEY ("user_id","material_id")
);

-- CreateTable
CREATE TABLE "library_view" (
    "material_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "organisation_id" UUID NOT NULL,

    CONSTRAINT "library_view_pkey" PRIMARY KEY ("material_id","user_id","day")
);

-- CreateTable
CREATE TABLE "learning_path" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title_fi" TEXT NOT NULL,
    "title_sv" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "description_fi" TEXT NOT NULL DEFAULT '',
    "description_sv" TEXT NOT NULL DEFAULT '',
    "description_en" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "learning_path_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning_path_item" (
    "path_id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "learning_path_item_pkey" PRIMARY KEY ("path_id","group_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "library_material_slug_key" ON "library_material"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "library_material_live_version_id_key" ON "library_material"("live_version_id");

-- CreateIndex
CREATE INDEX "library_material_status_published_at_idx" ON "library_material"("status", "published_at");

-- CreateIndex
CREATE INDEX "library_material_status_view_count_idx" ON "library_material"("status", "view_count");

-- CreateIndex
CREATE INDEX "library_material_topic_tags_idx" ON "library_material" USING GIN ("topic_tags");

-- CreateIndex
CREATE INDEX "library_material_device_tags_idx" ON "library_material" USING GIN ("device_tags");

-- CreateIndex
CREATE INDEX "library_material_eservice_tags_idx" ON "library_material" USING GIN ("eservice_tags");

-- CreateIndex
CREATE UNIQUE INDEX "library_material_group_id_language_key" ON "library_material"("group_id", "language");

-- CreateIndex
CREATE INDEX "library_version_published_at_publish_at_idx" ON "library_version"("published_at", "publish_at");

-- CreateIndex
CREATE UNIQUE INDEX "library_version_material_id_number_key" ON "library_version"("material_id", "number");

-- CreateIndex
CREATE INDEX "library_file_link_upload_id_idx" ON "library_file_link"("upload_id");

-- CreateIndex
CREATE INDEX "library_file_link_material_id_version_id_position_idx" ON "library_file_link"("material_id", "version_id", "position");

-- CreateIndex
CREATE INDEX "library_file_link_version_id_idx" ON "library_file_link"("version_id");

-- CreateIndex
CREATE INDEX "library_completion_material_id_idx" ON "library_completion"("material_id");

-- CreateIndex
CREATE INDEX "library_view_user_id_idx" ON "library_view"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "learning_path_slug_key" ON "learning_path"("slug");

-- CreateIndex
CREATE INDEX "learning_path_position_idx" ON "learning_path"("position");

-- CreateIndex
CREATE INDEX "learning_path_item_group_id_idx" ON "learning_path_item"("group_id");

-- AddForeignKey
ALTER TABLE "library_material" ADD CONSTRAINT "library_material_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "library_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_material" ADD CONSTRAINT "library_material_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_material" ADD CONSTRAINT "library_material_live_version_id_fkey" FOREIGN KEY ("live_version_id") REFERENCES "library_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_version" ADD CONSTRAINT "library_version_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "library_material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_version" ADD CONSTRAINT "library_version_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_file_link" ADD CONSTRAINT "library_file_link_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_file_link" ADD CONSTRAINT "library_file_link_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "library_material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_file_link" ADD CONSTRAINT "library_file_link_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "library_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_completion" ADD CONSTRAINT "library_completion_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_completion" ADD CONSTRAINT "library_completion_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "library_material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_view" ADD CONSTRAINT "library_view_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "library_material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "library_view" ADD CONSTRAINT "library_view_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_path" ADD CONSTRAINT "learning_path_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_path_item" ADD CONSTRAINT "learning_path_item_path_id_fkey" FOREIGN KEY ("path_id") REFERENCES "learning_path"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_path_item" ADD CONSTRAINT "learning_path_item_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "library_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
