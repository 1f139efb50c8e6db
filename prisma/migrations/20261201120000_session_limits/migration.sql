-- Sessions: "remember me" and an absolute lifetime. Existing sessions were all remembered ones.
ALTER TABLE "session" ADD COLUMN "persistent" BOOLEAN NOT NULL DEFAULT false;
UPDATE "session" SET "persistent" = true;
