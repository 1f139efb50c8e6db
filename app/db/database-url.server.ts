/**
 * Where the data lives. One variable, three shapes:
 * - unset or `pglite:./data/pglite` -> embedded PGlite in that folder (the default)
 * - `pglite:memory`                 -> in-memory PGlite (tests)
 * - `postgres://…`/`postgresql://…` -> a PostgreSQL server
 */
export type DatabaseTarget =
  { kind: 'pglite'; dataDir: string | undefined } | { kind: 'postgres'; connectionString: string };

export const DEFAULT_DATABASE_URL = 'pglite:./data/pglite';

export function resolveDatabaseTarget(
  url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', connectionString: url };
  if (url.startsWith('pglite:')) {
    const location = url.slice('pglite:'.length);
    return { kind: 'pglite', dataDir: location === 'memory' ? undefined : location };
  }
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql:// or pglite: (got "${url.split(':')[0]}:…")`,
  );
}
