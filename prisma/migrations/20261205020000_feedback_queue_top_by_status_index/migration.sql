-- Issue 12: "most seen first" within a status (the owner's usual view: new reports, most seen
-- first) walked the (e-service, seen_count) index and skipped every report of another status
-- (4,000 of 4,500 read in the bench); this index gives that order directly.
CREATE INDEX "field_feedback_eservice_id_status_seen_count_created_at_idx" ON "field_feedback"("eservice_id", "status", "seen_count", "created_at");
