import type { SqlRunner } from '~/db/migrations.server';

/** A table as a backup sees it: the columns it writes (not generated ones) and its primary key. */
export type TableShape = { name: string; columns: string[]; key: string[] };

/**
 * Tables the database's triggers fill from others: `search_word` from the search documents,
 * `field_feedback_count` from the field reports, `forum_category_count` from the threads. Not
 * copied; filled again as those are restored.
 */
export const FILLED_BY_TRIGGERS = ['search_word', 'field_feedback_count', 'forum_category_count'];

/** Not copied: the migration runner's bookkeeping (the manifest names the migrations instead). */
const DERIVED = new Set(['_prisma_migrations', ...FILLED_BY_TRIGGERS]);

export async function tableShapes(run: SqlRunner): Promise<TableShape[]> {
  const rows = await run.query<{ name: string; columns: string[]; key: string[] | null }>(`
    SELECT c.relname::text AS name,
      (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
        FROM pg_index i JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c
    WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
    ORDER BY c.relname`);
  return rows
    .filter((row) => !DERIVED.has(row.name))
    .map((row) => ({ name: row.name, columns: row.columns, key: row.key ?? row.columns }));
}

/** An identifier quoted for SQL (our table and column names come from the catalogue). */
export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
