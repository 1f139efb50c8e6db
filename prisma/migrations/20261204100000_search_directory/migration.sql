-- Issue 13 item 5: support points and e-services join the search index (their rows are written
-- by `npm run db:migrate` and on each save). A search looks at the newest matches of posts and
-- materials only; directory entries are found whatever their age, through this small index.
CREATE INDEX "search_document_directory_tsv_idx" ON "search_document" USING GIN ("tsv")
  WHERE "kind" IN ('support_point', 'eservice');
