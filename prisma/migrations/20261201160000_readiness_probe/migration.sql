-- /readyz proves that the database accepts writes (a full disk fails writes while reads work):
-- each app instance updates its own row, at most every few seconds.
CREATE TABLE "readiness_probe" (
    "instance" TEXT NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "readiness_probe_pkey" PRIMARY KEY ("instance")
);
