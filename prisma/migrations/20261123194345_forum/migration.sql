-- CreateTable
CREATE TABLE "forum_category" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name_fi" TEXT NOT NULL,
    "name_sv" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_fi" TEXT NOT NULL DEFAULT '',
    "description_sv" TEXT NOT NULL DEFAULT '',
    "description_en" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_thread" (
    "id" UUID NOT NULL,
    "category_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "device_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "eservice_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "locked_at" TIMESTAMPTZ(3),
    "accepted_post_id" UUID,
    "reply_count" INTEGER NOT NULL DEFAULT 0,
    "last_post_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "has_verified" BOOLEAN NOT NULL DEFAULT false,
    "merged_into_id" UUID,
    "hidden_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_post" (
    "id" UUID NOT NULL,
    "thread_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "is_question" BOOLEAN NOT NULL DEFAULT false,
    "quoted_post_id" UUID,
    "body_json" JSONB NOT NULL,
    "body_html" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_by_id" UUID,
    "hidden_reason" TEXT,
    "verified_at" TIMESTAMPTZ(3),
    "verified_by_id" UUID,

    CONSTRAINT "forum_post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_post_revision" (
    "id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "title" TEXT,
    "body_html" TEXT NOT NULL,
    "editor_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_post_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_reaction" (
    "post_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_reaction_pkey" PRIMARY KEY ("post_id","user_id","kind")
);

-- CreateTable
CREATE TABLE "forum_flag" (
    "id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "reporter_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,

    CONSTRAINT "forum_flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_thread_follow" (
    "user_id" UUID NOT NULL,
    "thread_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_thread_follow_pkey" PRIMARY KEY ("user_id","thread_id")
);

-- CreateTable
CREATE TABLE "forum_category_follow" (
    "user_id" UUID NOT NULL,
    "category_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_category_follow_pkey" PRIMARY KEY ("user_id","category_id")
);

-- CreateTable
CREATE TABLE "forum_thread_read" (
    "user_id" UUID NOT NULL,
    "thread_id" UUID NOT NULL,
    "last_read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "forum_thread_read_pkey" PRIMARY KEY ("user_id","thread_id")
);

-- CreateTable
CREATE TABLE "upload" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "mime" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "delivery" TEXT NOT NULL DEFAULT 'app',
    "actor_name" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "digested_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "channel" TEXT NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id","type")
);

-- CreateTable
CREATE TABLE "search_document" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "source_id" UUID NOT NULL,
    "group_id" UUID,
    "container_id" UUID,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "context" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL,
    "author_id" UUID,
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "min_role_rank" INTEGER NOT NULL DEFAULT 0,
    "org_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    -- Generated, so no writer can forget it; the stemmer follows the document's language
    -- (Finnish inflection needs the finnish configuration: kirjastossa -> kirjasto).
    "tsv" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(CASE "language" WHEN 'sv' THEN 'swedish'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'finnish'::regconfig END, "title"), 'A') ||
        setweight(to_tsvector(CASE "language" WHEN 'sv' THEN 'swedish'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'finnish'::regconfig END, "body"), 'B')
    ) STORED,

    CONSTRAINT "search_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "forum_category_slug_key" ON "forum_category"("slug");

-- CreateIndex
CREATE INDEX "forum_category_position_idx" ON "forum_category"("position");

-- CreateIndex
CREATE UNIQUE INDEX "forum_thread_accepted_post_id_key" ON "forum_thread"("accepted_post_id");

-- CreateIndex
CREATE INDEX "forum_thread_category_id_pinned_last_post_at_idx" ON "forum_thread"("category_id", "pinned", "last_post_at");

-- CreateIndex
CREATE INDEX "forum_thread_author_id_idx" ON "forum_thread"("author_id");

-- CreateIndex
CREATE INDEX "forum_thread_last_post_at_idx" ON "forum_thread"("last_post_at");

-- CreateIndex
CREATE INDEX "forum_thread_merged_into_id_idx" ON "forum_thread"("merged_into_id");

-- CreateIndex
CREATE INDEX "forum_post_thread_id_created_at_idx" ON "forum_post"("thread_id", "created_at");

-- CreateIndex
CREATE INDEX "forum_post_author_id_created_at_idx" ON "forum_post"("author_id", "created_at");

-- CreateIndex
CREATE INDEX "forum_post_quoted_post_id_idx" ON "forum_post"("quoted_post_id");

-- CreateIndex
CREATE INDEX "forum_post_revision_post_id_created_at_idx" ON "forum_post_revision"("post_id", "created_at");

-- CreateIndex
CREATE INDEX "forum_reaction_user_id_idx" ON "forum_reaction"("user_id");

-- CreateIndex
CREATE INDEX "forum_flag_resolved_at_created_at_idx" ON "forum_flag"("resolved_at", "created_at");

-- CreateIndex
CREATE INDEX "forum_flag_post_id_idx" ON "forum_flag"("post_id");

-- CreateIndex
CREATE INDEX "forum_flag_reporter_id_idx" ON "forum_flag"("reporter_id");

-- CreateIndex
CREATE INDEX "forum_thread_follow_thread_id_idx" ON "forum_thread_follow"("thread_id");

-- CreateIndex
CREATE INDEX "forum_category_follow_category_id_idx" ON "forum_category_follow"("category_id");

-- CreateIndex
CREATE INDEX "forum_thread_read_thread_id_idx" ON "forum_thread_read"("thread_id");

-- CreateIndex
CREATE INDEX "upload_owner_id_created_at_idx" ON "upload"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_created_at_idx" ON "notification"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE INDEX "notification_delivery_digested_at_idx" ON "notification"("delivery", "digested_at");

-- CreateIndex
CREATE INDEX "search_document_group_id_idx" ON "search_document"("group_id");

-- CreateIndex
CREATE INDEX "search_document_tsv_idx" ON "search_document" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "search_document_published_at_idx" ON "search_document"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "search_document_kind_source_id_key" ON "search_document"("kind", "source_id");

-- AddForeignKey
ALTER TABLE "forum_thread" ADD CONSTRAINT "forum_thread_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "forum_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_thread" ADD CONSTRAINT "forum_thread_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_thread" ADD CONSTRAINT "forum_thread_accepted_post_id_fkey" FOREIGN KEY ("accepted_post_id") REFERENCES "forum_post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_thread" ADD CONSTRAINT "forum_thread_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "forum_thread"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "forum_thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_quoted_post_id_fkey" FOREIGN KEY ("quoted_post_id") REFERENCES "forum_post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_post_revision" ADD CONSTRAINT "forum_post_revision_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_reaction" ADD CONSTRAINT "forum_reaction_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_reaction" ADD CONSTRAINT "forum_reaction_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_flag" ADD CONSTRAINT "forum_flag_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "forum_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_flag" ADD CONSTRAINT "forum_flag_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_thread_follow" ADD CONSTRAINT "forum_thread_follow_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_thread_follow" ADD CONSTRAINT "forum_thread_follow_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "forum_thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_category_follow" ADD CONSTRAINT "forum_category_follow_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_category_follow" ADD CONSTRAINT "forum_category_follow_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "forum_category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_thread_read" ADD CONSTRAINT "forum_thread_read_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_thread_read" ADD CONSTRAINT "forum_thread_read_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "forum_thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upload" ADD CONSTRAINT "upload_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
