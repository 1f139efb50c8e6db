-- Issues 12 and 13: a GIN index first collects new entries in an unsorted "pending list" (up to
-- 4 MB by default) that every search through the index reads in full until VACUUM or the limit
-- merges it. On the benchmark's national data the directory's text index had all its 4,548
-- rows pending (three scans per search: 0.6 ms each) and the library's tag indexes all 10,062.
-- These indexes are read on every search or list and written rarely (a point's, an e-service's
-- or a material's edit; a new word in the index): new entries go straight into the index.
ALTER INDEX "search_document_directory_tsv_idx" SET (fastupdate = off);
ALTER INDEX "search_word_folded_idx" SET (fastupdate = off);
ALTER INDEX "library_material_topic_tags_idx" SET (fastupdate = off);
ALTER INDEX "library_material_device_tags_idx" SET (fastupdate = off);
ALTER INDEX "library_material_eservice_tags_idx" SET (fastupdate = off);
-- Every post writes ~100 words into the main text index: writes keep the pending list, bounded
-- to 64 kB (about fifty posts) so that a search never reads more than that of it.
ALTER INDEX "search_document_tsv_idx" SET (gin_pending_list_limit = 64);
-- What is pending already is merged now (turning the list off does not merge it).
SELECT gin_clean_pending_list(c.oid)
FROM pg_class c JOIN pg_am a ON a.oid = c.relam
WHERE a.amname = 'gin' AND c.relname IN (
  'search_document_directory_tsv_idx', 'search_word_folded_idx', 'search_document_tsv_idx',
  'library_material_topic_tags_idx', 'library_material_device_tags_idx', 'library_material_eservice_tags_idx'
);
