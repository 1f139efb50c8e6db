-- Issue 12: the forum's front page shows each category's threads, solved and unanswered ones
-- and its last activity. Counting them on every view read all 20,000 threads of the national
-- data (10 ms of PostgreSQL a view, growing with every thread). The counts are kept here by
-- triggers, per category and hidden or not (moderators also count hidden threads), so no
-- writer (a thread, a reply, a moderator, an import, the seed, a restore) can forget them;
-- `npm run repair:counters` recounts them. Merged threads are not counted.
CREATE TABLE "forum_category_count" (
    "category_id" UUID NOT NULL,
    "hidden" BOOLEAN NOT NULL,
    "threads" INTEGER NOT NULL,
    "solved" INTEGER NOT NULL,
    "unanswered" INTEGER NOT NULL,

    CONSTRAINT "forum_category_count_pkey" PRIMARY KEY ("category_id","hidden")
);

ALTER TABLE "forum_category_count" ADD CONSTRAINT "forum_category_count_category_id_fkey"
FOREIGN KEY ("category_id") REFERENCES "forum_category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "forum_category_count" ("category_id", "hidden", "threads", "solved", "unanswered")
SELECT "category_id", "hidden_at" IS NOT NULL, count(*), count("accepted_post_id"),
  count(*) FILTER (WHERE "reply_count" = 0)
FROM "forum_thread" WHERE "merged_into_id" IS NULL GROUP BY 1, 2;

-- Threads added or removed: counted per statement (the seed and a restore add thousands at once).
CREATE FUNCTION forum_category_count_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO forum_category_count AS c (category_id, hidden, threads, solved, unanswered)
  SELECT category_id, hidden_at IS NOT NULL, count(*), count(accepted_post_id), count(*) FILTER (WHERE reply_count = 0)
  FROM added WHERE merged_into_id IS NULL GROUP BY 1, 2
  ON CONFLICT (category_id, hidden) DO UPDATE SET threads = c.threads + EXCLUDED.threads,
    solved = c.solved + EXCLUDED.solved, unanswered = c.unanswered + EXCLUDED.unanswered;
  RETURN NULL;
END
$$;

CREATE TRIGGER forum_category_count_added
AFTER INSERT ON forum_thread REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION forum_category_count_add();

CREATE FUNCTION forum_category_count_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE forum_category_count c SET threads = c.threads - r.threads, solved = c.solved - r.solved,
    unanswered = c.unanswered - r.unanswered
  FROM (SELECT category_id, hidden_at IS NOT NULL AS hidden, count(*)::int AS threads,
          count(accepted_post_id)::int AS solved, (count(*) FILTER (WHERE reply_count = 0))::int AS unanswered
        FROM removed WHERE merged_into_id IS NULL GROUP BY 1, 2) r
  WHERE c.category_id = r.category_id AND c.hidden = r.hidden;
  RETURN NULL;
END
$$;

CREATE TRIGGER forum_category_count_removed
AFTER DELETE ON forum_thread REFERENCING OLD TABLE AS removed
FOR EACH STATEMENT EXECUTE FUNCTION forum_category_count_remove();

-- A thread that changes what it counts as (moved, merged, hidden, solved, answered) is taken
-- off where it counted and added where it counts now. A reply to a thread that already had one
-- changes none of this and does not touch the counts.
CREATE FUNCTION forum_category_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.merged_into_id IS NULL THEN
    UPDATE forum_category_count SET threads = threads - 1,
      solved = solved - (OLD.accepted_post_id IS NOT NULL)::int,
      unanswered = unanswered - (OLD.reply_count = 0)::int
    WHERE category_id = OLD.category_id AND hidden = (OLD.hidden_at IS NOT NULL);
  END IF;
  IF NEW.merged_into_id IS NULL THEN
    INSERT INTO forum_category_count AS c (category_id, hidden, threads, solved, unanswered)
    VALUES (NEW.category_id, NEW.hidden_at IS NOT NULL, 1, (NEW.accepted_post_id IS NOT NULL)::int,
      (NEW.reply_count = 0)::int)
    ON CONFLICT (category_id, hidden) DO UPDATE SET threads = c.threads + 1,
      solved = c.solved + EXCLUDED.solved, unanswered = c.unanswered + EXCLUDED.unanswered;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER forum_category_count_changed
AFTER UPDATE OF category_id, merged_into_id, hidden_at, accepted_post_id, reply_count ON forum_thread
FOR EACH ROW WHEN (
  (OLD.category_id, OLD.merged_into_id IS NULL, OLD.hidden_at IS NULL, OLD.accepted_post_id IS NULL, OLD.reply_count = 0)
  IS DISTINCT FROM
  (NEW.category_id, NEW.merged_into_id IS NULL, NEW.hidden_at IS NULL, NEW.accepted_post_id IS NULL, NEW.reply_count = 0)
)
EXECUTE FUNCTION forum_category_count_change();

-- Each category's last activity, read from the top of this index (replaces the index of listed
-- threads by category, whose counts it also serves).
CREATE INDEX "forum_thread_listed_category_last_post_idx" ON "forum_thread"("category_id", "last_post_at")
WHERE "merged_into_id" IS NULL AND "hidden_at" IS NULL;
DROP INDEX "forum_thread_listed_category_idx";
