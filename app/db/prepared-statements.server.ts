/**
 * Named (prepared) statements on the PostgreSQL server (issue 12, ADR 034).
 *
 * Prisma's adapter sends every statement unnamed, so the server parses and plans each one anew:
 * on the national data set parsing and planning took as long as running (the home feed: 0.6 ms
 * parse, 2.1 ms plan, 3.1 ms run). A name per distinct SQL text lets each pooled connection
 * parse a statement once and, after PostgreSQL has seen that a generic plan is no worse than the
 * custom ones (plan_cache_mode auto, five runs), keep its plan too.
 *
 * The app's SQL texts are few (the query shapes in the code), but a list written inline (`IN
 * ($1, $2, …)`) makes a text per length: past MAX_NAMED texts a statement goes unnamed, so the
 * server keeps a bounded number of statements per connection.
 */
export const MAX_NAMED = 1_000;

const names = new Map<string, string>();
let named = 0;

/** The statement's name for this text, or undefined once the table is full. */
export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `tk${named++}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A prepared statement whose result columns changed under it (a migration altered a table it
 * reads while this process ran) fails on every run on a connection that prepared it. The pool
 * closes a connection whose plain statement failed, but a transaction's connection goes back to
 * it; forgetting the name makes the next run prepare the text afresh under a new one, so a
 * request or two fail, not every one until a restart.
 */
function forgetIfStale(text: string, error: unknown) {
  const e = error as { code?: string; message?: string } | null;
  if (e?.code === '0A000' && e.message?.includes('cached plan must not change result type'))
    names.delete(text);
}

export function namedStatementCount() {
  return names.size;
}

type QueryConfig = { text?: unknown; name?: unknown; submit?: unknown };
type Queryable = { query: (config: unknown, ...rest: unknown[]) => unknown };

/**
 * Gives every statement sent as a query config (the adapter's way) the name of its text. Called
 * for each new pooled connection, so plain queries and transactions alike are named.
 */
export function nameStatements(connection: Queryable) {
  const query = connection.query.bind(connection);
  connection.query = (config: unknown, ...rest: unknown[]) => {
    const c = config as QueryConfig | null;
    const name =
      c && typeof c === 'object' && !c.name && !c.submit && typeof c.text === 'string'
        ? statementName(c.text)
        : undefined;
    if (!name) return query(config, ...rest);
    const text = c!.text as string;
    const callback = rest.at(-1);
    if (typeof callback === 'function') {
      // The pool's way: the answer comes to a callback.
      const noticing = (error: unknown, ...answer: unknown[]) => {
        if (error) forgetIfStale(text, error);
        callback(error, ...answer);
      };
      return query({ ...c, name }, ...rest.slice(0, -1), noticing);
    }
    // A transaction's connection answers with a promise; its caller awaits it and sees the error.
    const answer = query({ ...c, name }, ...rest);
    if (answer instanceof Promise) answer.catch((error: unknown) => forgetIfStale(text, error));
    return answer;
  };
}
