-- Issue 12: the owner's queue lists an e-service's reports newest first, whatever their status.
-- The index that leads with (e-service, status) cannot give that order, so PostgreSQL sorted all
-- of the service's reports for every page (20,000 in the bench: 6 ms a page); this one reads the
-- first 50 in order.
CREATE INDEX "field_feedback_eservice_id_created_at_idx" ON "field_feedback"("eservice_id", "created_at");
