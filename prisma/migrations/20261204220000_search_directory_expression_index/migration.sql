-- Issue 13: the directory's own text index (20261204150000) was passed over for Finnish. For a
-- compound part (`muisti` → 'muist:* | muistu:* | välimuist:*') PostgreSQL estimated the whole
-- index's 51,000 matches as cheap, intersected them with the directory's 1,500 Finnish rows and
-- spent 13 ms per search there, against 0.02 ms through this index. Indexing an expression that
-- only this index holds leaves the planner no other index to choose; search.server.ts matches
-- the directory on the same expression (DIRECTORY_TEXT). `|| ''` keeps every word and position.
DROP INDEX "search_document_directory_tsv_idx";
CREATE INDEX "search_document_directory_tsv_idx" ON "search_document" USING GIN (("tsv" || ''::tsvector))
  WHERE "kind" IN ('support_point', 'eservice');
