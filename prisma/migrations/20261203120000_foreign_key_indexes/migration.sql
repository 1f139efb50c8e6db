-- Issue 18 item 7: every foreign key gets an index that starts with it, so deleting or looking up
-- a member, event or briefing never scans a whole table (the "Your data" copy reads by these).
CREATE INDEX "announcement_created_by_id_idx" ON "announcement"("created_by_id");
CREATE INDEX "briefing_created_by_id_idx" ON "briefing"("created_by_id");
CREATE INDEX "briefing_event_id_idx" ON "briefing"("event_id");
CREATE INDEX "briefing_question_answered_by_id_idx" ON "briefing_question"("answered_by_id");
CREATE INDEX "briefing_question_author_id_idx" ON "briefing_question"("author_id");
CREATE INDEX "briefing_version_published_by_id_idx" ON "briefing_version"("published_by_id");
CREATE INDEX "event_created_by_id_idx" ON "event"("created_by_id");
CREATE INDEX "event_support_point_id_idx" ON "event"("support_point_id");
CREATE INDEX "feedback_reply_author_id_idx" ON "feedback_reply"("author_id");
CREATE INDEX "feedback_seen_user_id_idx" ON "feedback_seen"("user_id");
CREATE INDEX "field_feedback_briefing_id_idx" ON "field_feedback"("briefing_id");
CREATE INDEX "learning_path_created_by_id_idx" ON "learning_path"("created_by_id");
CREATE INDEX "library_material_created_by_id_idx" ON "library_material"("created_by_id");
CREATE INDEX "library_version_created_by_id_idx" ON "library_version"("created_by_id");
