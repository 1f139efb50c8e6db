-- A briefing's reach counts every active member of its audience per organisation (10,000 in the
-- national data) beside their readings. Without this it read the whole app_user table (500 pages
-- of wide rows) on every view of the owner's page; from this index alone (organisation and id of
-- the active members) it is an index-only scan: 9.8 -> 7.7 ms for the statement, timed alone.
CREATE INDEX "app_user_active_organisation_idx" ON "app_user"("organisation_id", "id")
WHERE "status" = 'active';
