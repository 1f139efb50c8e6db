-- Issue 13: the words the search index has seen, for compound parts and typos. Every word of a
-- document's title and body, lower-cased and unstemmed ('simple' configuration), without
-- digits or punctuation; kept by a trigger so no writer can forget it. Words of removed
-- documents stay: a word that matches nothing costs a lookup, never a wrong result.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- `folded`: the word as compared with what was typed, without the dots and accents a phone
-- keyboard leaves out (fold() in app/domain/search/spelling.ts does the same to the query).
CREATE TABLE "search_word" (
    "word" TEXT NOT NULL,
    "folded" TEXT NOT NULL GENERATED ALWAYS AS (translate("word", 'äåöéü', 'aaoeu')) STORED,
    CONSTRAINT "search_word_pkey" PRIMARY KEY ("word")
);

-- For "begins with", "contains" (a compound's part) and "similar to" (a typo); not expressible
-- in schema.prisma.
CREATE INDEX "search_word_folded_idx" ON "search_word" USING gin ("folded" gin_trgm_ops);

CREATE FUNCTION search_word_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- In word order: two writers adding the same new words wait for each other, never deadlock.
  INSERT INTO search_word (word)
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', NEW.title || ' ' || NEW.body))) AS w
  WHERE char_length(w) BETWEEN 3 AND 40 AND w !~ '[0-9[:punct:]]'
  ORDER BY w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_word_collect AFTER INSERT OR UPDATE OF title, body ON "search_document"
FOR EACH ROW EXECUTE FUNCTION search_word_collect();

INSERT INTO search_word (word)
SELECT DISTINCT w FROM search_document, unnest(tsvector_to_array(to_tsvector('simple', title || ' ' || body))) AS w
WHERE char_length(w) BETWEEN 3 AND 40 AND w !~ '[0-9[:punct:]]'
ON CONFLICT DO NOTHING;
