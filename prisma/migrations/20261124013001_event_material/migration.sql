
-- CreateTable
CREATE TABLE "event_material" (
    "event_id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_material_pkey" PRIMARY KEY ("event_id","group_id")
);

-- CreateIndex
CREATE INDEX "event_material_group_id_idx" ON "event_material"("group_id");

-- AddForeignKey
ALTER TABLE "event_material" ADD CONSTRAINT "event_material_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_material" ADD CONSTRAINT "event_material_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "library_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
