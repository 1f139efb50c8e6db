import type { SqlRunner } from '~/db/migrations.server';

/** A table as a backup sees it: the columns it writes (not generated ones) and its primary key. */
export type TableShape = { name: string; columns: string[]; key: string[] };

/**
 * Not copied: the migration runner's bookkeeping (the manifest names the migrations instead) and
 * `search_word`, which the search index's trigger fills again as the documents are restored.
 */
const DERIVED = new Set(['_prisma_migrations', 'search_word']);

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
