-- Issue 15 item 1: roles combine. A member holds one or more roles (user_role); permissions are
-- the union of the roles' grants (role_permission, written from app/auth/roles.ts by
-- `npm run db:migrate`). Roles no longer form a ladder, so `rank` goes.
--
-- Every member keeps the rights they had, except the trainer rights org admins and e-service
-- representatives inherited from the ladder (docs/decisions/021-roles-that-combine.md):
--   adviser      -> adviser
--   trainer      -> adviser, trainer
--   eservice_rep -> adviser, eservice_rep
--   org_admin    -> adviser, org_admin (+ eservice_rep when they are an e-service's contact)
--   coordinator  -> adviser, coordinator (the coordinator role now grants the trainer rights)
--   admin        -> adviser, coordinator, admin

ALTER TABLE "role" DROP COLUMN "rank";

-- A database where some role row was never written still migrates every member.
INSERT INTO "role" ("id", "key")
SELECT gen_random_uuid(), k
FROM unnest(ARRAY['adviser', 'trainer', 'eservice_rep', 'org_admin', 'coordinator', 'admin']) AS k
ON CONFLICT ("key") DO NOTHING;

CREATE TABLE "user_role" (
    "user_id" UUID NOT NULL,
    "role_id" UUID NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "granted_by_id" UUID,

    CONSTRAINT "user_role_pkey" PRIMARY KEY ("user_id","role_id")
);
CREATE INDEX "user_role_role_id_idx" ON "user_role"("role_id");
CREATE INDEX "user_role_granted_by_id_idx" ON "user_role"("granted_by_id");
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_granted_by_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "role_migration_map" ("old_key" TEXT NOT NULL, "new_key" TEXT NOT NULL, "position" INTEGER NOT NULL);
INSERT INTO "role_migration_map" VALUES
  ('adviser', 'adviser', 1),
  ('trainer', 'adviser', 1), ('trainer', 'trainer', 2),
  ('eservice_rep', 'adviser', 1), ('eservice_rep', 'eservice_rep', 2),
  ('org_admin', 'adviser', 1), ('org_admin', 'org_admin', 2),
  ('coordinator', 'adviser', 1), ('coordinator', 'coordinator', 2),
  ('admin', 'adviser', 1), ('admin', 'coordinator', 2), ('admin', 'admin', 3);

INSERT INTO "user_role" ("user_id", "role_id", "granted_at")
SELECT u."id", r."id", u."created_at"
FROM "app_user" u
JOIN "role" old ON old."id" = u."role_id"
JOIN "role_migration_map" m ON m."old_key" = old."key"
JOIN "role" r ON r."key" = m."new_key";

-- An org admin who is an e-service's contact person keeps writing its briefings.
INSERT INTO "user_role" ("user_id", "role_id", "granted_at")
SELECT DISTINCT u."id", r."id", u."created_at"
FROM "app_user" u
JOIN "role" old ON old."id" = u."role_id" AND old."key" = 'org_admin'
JOIN "eservice_contact" c ON c."user_id" = u."id"
JOIN "role" r ON r."key" = 'eservice_rep'
ON CONFLICT DO NOTHING;

ALTER TABLE "invite" ADD COLUMN "roles" TEXT[] NOT NULL DEFAULT '{}';
UPDATE "invite" i
SET "roles" = ARRAY(
  SELECT m."new_key" FROM "role_migration_map" m WHERE m."old_key" = r."key" ORDER BY m."position"
)
FROM "role" r
WHERE r."id" = i."role_id";

DROP TABLE "role_migration_map";

ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role_id_fkey";
ALTER TABLE "invite" DROP CONSTRAINT "invite_role_id_fkey";
DROP INDEX "app_user_role_id_idx";
DROP INDEX "invite_role_id_idx";
ALTER TABLE "app_user" DROP COLUMN "role_id";
ALTER TABLE "invite" DROP COLUMN "role_id";

-- The search index said "trainers and every role above" as the trainer's rank (20). Trainer
-- material is now for those who manage the library, whatever their roles: 1 (TRAINERS_ONLY in
-- app/domain/library/access.server.ts), against 0 or 1 for the reader.
UPDATE "search_document" SET "min_role_rank" = 1 WHERE "min_role_rank" > 0;
