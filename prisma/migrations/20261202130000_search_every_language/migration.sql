-- Issue 13 item 5: a thing written in several languages (an event) has a row per language, each
-- stemmed in its own; the search lists it once (by group).
DROP INDEX "search_document_kind_source_id_key";
CREATE UNIQUE INDEX "search_document_kind_source_id_language_key" ON "search_document"("kind", "source_id", "language");
