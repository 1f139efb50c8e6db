import { db } from '~/db.server';

// Counters kept next to what they count, for lists that must not count on every page view.
// Each is updated in the transaction that changes what it counts; this recount is the repair
// for a copy restored from an old backup, a manual database edit, or a bug (npm run repair:counters).

export type Recounted = {
  threads: number;
  events: number;
  materials: number;
  feedback: number;
  /** E-service and status pairs whose number of reports was wrong (field_feedback_count). */
  feedbackCounts: number;
  /** Category and hidden-or-not pairs whose thread counts were wrong (forum_category_count). */
  categoryCounts: number;
};

/** Sets every counter to what it counts; returns how many rows were wrong, per kind. */
export async function recountAll(): Promise<Recounted> {
  return db.$transaction(async (tx) => {
    const threads = await tx.$executeRaw`
      WITH actual AS (
        SELECT t.id,
          (SELECT count(*) FROM forum_post p WHERE p.thread_id = t.id AND p.hidden_at IS NULL
             AND p.deleted_at IS NULL AND NOT p.is_question)::int AS replies,
          (SELECT max(p.created_at) FROM forum_post p WHERE p.thread_id = t.id AND p.hidden_at IS NULL) AS last_post,
          EXISTS (SELECT 1 FROM forum_post p WHERE p.thread_id = t.id AND p.hidden_at IS NULL
             AND p.deleted_at IS NULL AND p.verified_at IS NOT NULL) AS verified
        FROM forum_thread t)
      UPDATE forum_thread t
      SET reply_count = a.replies, last_post_at = coalesce(a.last_post, t.last_post_at), has_verified = a.verified
      FROM actual a
      WHERE a.id = t.id AND (t.reply_count <> a.replies OR t.has_verified <> a.verified
        OR t.last_post_at IS DISTINCT FROM coalesce(a.last_post, t.last_post_at))`;
    const events = await tx.$executeRaw`
      UPDATE event e SET going_count = a.going
      FROM (SELECT e2.id, (SELECT count(*) FROM event_rsvp r WHERE r.event_id = e2.id AND r.status = 'going')::int AS going
            FROM event e2) a
      WHERE a.id = e.id AND e.going_count <> a.going`;
    const materials = await tx.$executeRaw`
      UPDATE library_material m SET completion_count = a.done
      FROM (SELECT m2.id, (SELECT count(*) FROM library_completion c WHERE c.material_id = m2.id)::int AS done
            FROM library_material m2) a
      WHERE a.id = m.id AND m.completion_count <> a.done`;
    // The reporter counts as the first who saw it; "seen this too" rows are everyone else.
    const feedback = await tx.$executeRaw`
      UPDATE field_feedback f SET seen_count = a.seen
      FROM (SELECT f2.id, 1 + (SELECT count(*) FROM feedback_seen s WHERE s.feedback_id = f2.id)::int AS seen
            FROM field_feedback f2) a
      WHERE a.id = f.id AND f.seen_count <> a.seen`;
    // Kept by triggers (migration 20261206030000); wrong only after a manual edit of the table.
    const [{ feedbackCounts }] = (await tx.$queryRaw<{ feedbackCounts: number }[]>`
      WITH actual AS (
        SELECT eservice_id, status, count(*)::int AS reports FROM field_feedback GROUP BY 1, 2),
      fixed AS (
        INSERT INTO field_feedback_count AS c (eservice_id, status, reports) SELECT * FROM actual
        ON CONFLICT (eservice_id, status) DO UPDATE SET reports = EXCLUDED.reports
        WHERE c.reports <> EXCLUDED.reports
        RETURNING 1),
      emptied AS (
        UPDATE field_feedback_count c SET reports = 0
        WHERE c.reports <> 0
          AND NOT EXISTS (SELECT 1 FROM actual a WHERE a.eservice_id = c.eservice_id AND a.status = c.status)
        RETURNING 1)
      SELECT ((SELECT count(*) FROM fixed) + (SELECT count(*) FROM emptied))::int AS "feedbackCounts"`) as [
      { feedbackCounts: number },
    ];
    // Kept by triggers (migration 20261206130000), from the thread counters recounted above.
    const [{ categoryCounts }] = (await tx.$queryRaw<{ categoryCounts: number }[]>`
      WITH actual AS (
        SELECT category_id, hidden_at IS NOT NULL AS hidden, count(*)::int AS threads,
          count(accepted_post_id)::int AS solved, (count(*) FILTER (WHERE reply_count = 0))::int AS unanswered
        FROM forum_thread WHERE merged_into_id IS NULL GROUP BY 1, 2),
      fixed AS (
        INSERT INTO forum_category_count AS c (category_id, hidden, threads, solved, unanswered)
        SELECT * FROM actual
        ON CONFLICT (category_id, hidden) DO UPDATE SET threads = EXCLUDED.threads,
          solved = EXCLUDED.solved, unanswered = EXCLUDED.unanswered
        WHERE (c.threads, c.solved, c.unanswered) <> (EXCLUDED.threads, EXCLUDED.solved, EXCLUDED.unanswered)
        RETURNING 1),
      emptied AS (
        UPDATE forum_category_count c SET threads = 0, solved = 0, unanswered = 0
        WHERE (c.threads, c.solved, c.unanswered) <> (0, 0, 0)
          AND NOT EXISTS (SELECT 1 FROM actual a WHERE a.category_id = c.category_id AND a.hidden = c.hidden)
        RETURNING 1)
      SELECT ((SELECT count(*) FROM fixed) + (SELECT count(*) FROM emptied))::int AS "categoryCounts"`) as [
      { categoryCounts: number },
    ];
    return { threads, events, materials, feedback, feedbackCounts, categoryCounts };
  });
}
