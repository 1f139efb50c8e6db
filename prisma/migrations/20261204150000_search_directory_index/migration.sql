-- Issue 13: support points and e-services are searched apart from the newest matches, whatever
-- their age (search.server.ts). Their few thousand rows get a text index of their own, so that
-- a search no longer tests every entry's text; the predicate matches the search's condition.
CREATE INDEX "search_document_directory_tsv_idx" ON "search_document" USING GIN ("tsv")
  WHERE "kind" IN ('support_point', 'eservice');
