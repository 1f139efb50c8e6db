import { AsyncLocalStorage } from 'node:async_hooks';

// One log line per event: a JSON object (level, time, message, request id and fields) that a
// log collector can parse, or readable text for a developer's terminal. A stack trace is one
// field of the line, never lines of its own. Reads process.env itself so that anything,
// including the database layer and server.js, can log without importing the app's config.

type Level = 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

export type RequestContext = { requestId: string; route?: string };
const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `fn` with the request's id attached to every line it logs (server.js, per request).
 * The caller keeps `context` to read the route noted while the request ran.
 */
export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return requestContext.run(context, fn);
}

/**
 * The route that handles the request: the deepest of the loaders and actions that ran, whose
 * ids nest (`routes/forum` < `routes/forum.$threadId`).
 */
export function noteRoute(routeId: string) {
  const store = requestContext.getStore();
  if (store && (!store.route || routeId.length > store.route.length)) store.route = routeId;
}

function json(): boolean {
  const format = process.env.LOG_FORMAT;
  return format ? format === 'json' : process.env.NODE_ENV === 'production';
}

export function serializeError(error: unknown): Fields {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    error: error.message,
    errorName: error.name,
    ...(code !== undefined ? { errorCode: code } : {}),
    stack: error.stack,
  };
}

function write(level: Level, message: string, fields: Fields = {}) {
  const { error, ...rest } = fields;
  const entry: Fields = {
    level,
    time: new Date().toISOString(),
    msg: message,
    ...(requestContext.getStore()?.requestId ? { requestId: requestContext.getStore()?.requestId } : {}),
    ...rest,
    ...(error !== undefined ? serializeError(error) : {}),
  };
  const stream = level === 'info' ? process.stdout : process.stderr;
  if (json()) {
    stream.write(`${JSON.stringify(entry)}\n`);
    return;
  }
  const { level: _l, time: _t, msg: _m, stack, ...shown } = entry;
  const extra = Object.keys(shown).length ? ` ${JSON.stringify(shown)}` : '';
  stream.write(
    `${level === 'info' ? '' : `${level.toUpperCase()} `}${message}${extra}\n${stack ? `${stack}\n` : ''}`,
  );
}

export const logger = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};
