-- Issue 12: the owner's queue shows how many of an e-service's reports are in each status (and
-- from them the list's total). Counting them on every view read all of the service's reports
-- (20,000 in the bench: 6 ms of PostgreSQL a page, growing with every report). The counts are
-- kept here instead, by triggers, so no writer (a report, a status change, an import, the seed,
-- a restore) can forget them; `npm run repair:counters` recounts them.
CREATE TABLE "field_feedback_count" (
    "eservice_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "reports" INTEGER NOT NULL,

    CONSTRAINT "field_feedback_count_pkey" PRIMARY KEY ("eservice_id","status")
);

ALTER TABLE "field_feedback_count" ADD CONSTRAINT "field_feedback_count_eservice_id_fkey"
FOREIGN KEY ("eservice_id") REFERENCES "eservice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "field_feedback_count" ("eservice_id", "status", "reports")
SELECT "eservice_id", "status", count(*) FROM "field_feedback" GROUP BY 1, 2;

-- Reports added or removed: counted per statement (a restore or the seed adds thousands at once;
-- a row at a time, 20,000 reports took 3.3 s instead of 0.45 s).
CREATE FUNCTION field_feedback_count_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO field_feedback_count AS c (eservice_id, status, reports)
  SELECT eservice_id, status, count(*) FROM added GROUP BY 1, 2
  ON CONFLICT (eservice_id, status) DO UPDATE SET reports = c.reports + EXCLUDED.reports;
  RETURN NULL;
END
$$;

CREATE TRIGGER field_feedback_count_added
AFTER INSERT ON field_feedback REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION field_feedback_count_add();

CREATE FUNCTION field_feedback_count_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE field_feedback_count c SET reports = c.reports - r.n
  FROM (SELECT eservice_id, status, count(*)::int AS n FROM removed GROUP BY 1, 2) r
  WHERE c.eservice_id = r.eservice_id AND c.status = r.status;
  RETURN NULL;
END
$$;

CREATE TRIGGER field_feedback_count_removed
AFTER DELETE ON field_feedback REFERENCING OLD TABLE AS removed
FOR EACH STATEMENT EXECUTE FUNCTION field_feedback_count_remove();

-- A report moved to another e-service or status counts there instead ("seen this too" updates,
-- which change neither, do not touch the counts).
CREATE FUNCTION field_feedback_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE field_feedback_count SET reports = reports - 1
  WHERE eservice_id = OLD.eservice_id AND status = OLD.status;
  INSERT INTO field_feedback_count AS c (eservice_id, status, reports)
  VALUES (NEW.eservice_id, NEW.status, 1)
  ON CONFLICT (eservice_id, status) DO UPDATE SET reports = c.reports + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER field_feedback_count_moved
AFTER UPDATE OF eservice_id, status ON field_feedback
FOR EACH ROW WHEN (OLD.eservice_id IS DISTINCT FROM NEW.eservice_id OR OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION field_feedback_count_move();
