import { z } from 'zod';
import { DEFAULT_DATABASE_URL, resolveDatabaseTarget } from './db/database-url.server';

// The database's own settings, also read by scripts (seed, create-admin) that need no public
// address: see databaseSettings().
const databaseFields = {
  /** A PostgreSQL server that does not accept a connection within this time counts as down. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /**
   * A statement that has not answered within this time fails (and the page answers 503); a
   * transaction waits as long for its connection (the embedded database has one).
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Connections each process opens to a PostgreSQL server at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().max(1000).default(10),
};

// What the cluster supervisor (cluster.js) needs before it starts any app process. It reads them
// through build/config.js, a bundle of this module alone (scripts/bundle-config.js), so the
// supervisor loads no app code and opens no database.
const clusterFields = {
  /** How many web processes `npm run start:cluster` starts; one per core when unset. */
  WEB_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
  DATABASE_URL: z.string().optional(),
  JOBS_WORKER: z.enum(['on', 'off']).default('on'),
  /** After SIGTERM, requests in flight and a running job get this long to finish. */
  DRAIN_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(10_000),
};

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /**
     * The public address: links in e-mail, QR codes and feeds, and the Origin check come from it,
     * never from request headers (a forged Host would otherwise put a foreign link into a reset
     * e-mail). Required in production; normalised to an origin, so a trailing slash is harmless.
     */
    APP_ORIGIN: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
      .transform((value) => new URL(value).origin)
      .optional(),
    PORT: z.coerce.number().int().positive().max(65_535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** smtp://user:pass@host:port or smtps://…; without it mail goes to OUTBOX_DIR as .eml files. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().default('Tukiverkko <no-reply@tukiverkko.test>'),
    OUTBOX_DIR: z.string().default('./data/outbox'),
    /** Uploaded files, outside public/: served only through permission-checked routes. */
    UPLOAD_DIR: z.string().default('./data/uploads'),
    /** Largest image accepted in a post, in megabytes. */
    MAX_IMAGE_MB: z.coerce.number().positive().default(5),
    /** Largest attachment of a library material, in megabytes. */
    MAX_ATTACHMENT_MB: z.coerce.number().positive().default(25),
    /** Behind a load balancer: trust X-Forwarded-For for the client address (rate limits, audit). */
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    /** A session ends this many days after login, however active (absolute lifetime). */
    SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(30),
    /** ... or after this many hours without a request (advisers, trainers, e-service reps, org admins). */
    SESSION_IDLE_HOURS: z.coerce
      .number()
      .positive()
      .default(14 * 24),
    /** ... or after this many idle hours for coordinators and admins. */
    SESSION_IDLE_HOURS_PRIVILEGED: z.coerce.number().positive().default(8),
    /** Members deactivated this many months ago are listed for an admin to erase (ADR 027). */
    ERASURE_REVIEW_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
    /** A folder for the nightly backups (03:00 Helsinki time); unset, none are made (ADR 028). */
    BACKUP_DIR: z.string().min(1).optional(),
    /** Backups kept: the newest of each of this many days ... */
    BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).max(366).default(7),
    /** ... and of each of this many weeks. */
    BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).max(520).default(4),
    ...databaseFields,
    /** JOBS_WORKER "off" keeps this instance from running background jobs (e.g. a web-only one). */
    ...clusterFields,
    /** SMTP connection, greeting and socket inactivity limit: a stalled server cannot hold the queue. */
    SMTP_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    /** Bearer token for /metrics from other hosts; without it /metrics answers only on 127.0.0.1. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /**
     * Page reads a process works on at once; more wait their turn (ADR 036). Three kept a 2-core
     * machine's CPU about as busy as no limit did, with the slowest pages 38–67 % less late.
     */
    PAGE_TURNS: z.coerce.number().int().min(1).max(1000).default(3),
    /** One JSON object a line (for a log collector) or readable text; JSON in production. */
    LOG_FORMAT: z.enum(['json', 'text']).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === 'production' && !value.APP_ORIGIN)
      ctx.addIssue({
        code: 'custom',
        path: ['APP_ORIGIN'],
        message:
          'required in production: the public address, e.g. https://tukiverkko.hel.fi (to try the app on this machine: npm run preview)',
      });
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Reads an environment; a bad variable is an error whose message names it. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseEnvWith(schema, source);
}

function parseEnvWith<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  return parsed.data;
}

/** Validated once; a bad variable stops the app with a message naming it. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The database's settings alone: a bad value is an error naming it, APP_ORIGIN is not needed. */
export function databaseSettings() {
  return parseEnvWith(z.object(databaseFields), process.env);
}

/** The cluster supervisor's settings alone (no APP_ORIGIN needed: its workers check that). */
export function clusterSettings(source: Record<string, string | undefined> = process.env) {
  const e = parseEnvWith(z.object(clusterFields), source);
  return {
    processes: e.WEB_PROCESSES,
    postgresServer: resolveDatabaseTarget(e.DATABASE_URL || DEFAULT_DATABASE_URL).kind === 'postgres',
    jobsWorker: e.JOBS_WORKER === 'on',
    drainMs: e.DRAIN_TIMEOUT_MS,
  };
}

/** Tests that change a variable read it again. */
export function rereadEnv() {
  cached = undefined;
}

export const isProduction = () => env().NODE_ENV === 'production';

/** Where links point: APP_ORIGIN, or this machine's own address outside production. */
export const appOrigin = () => env().APP_ORIGIN ?? `http://localhost:${env().PORT}`;

/** What server.js needs, from the same validated environment as the app. */
export function serverConfig() {
  const e = env();
  return {
    production: isProduction(),
    https: isHttpsDeployment(),
    origin: appOrigin(),
    port: e.PORT,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY === 'true',
    drainMs: e.DRAIN_TIMEOUT_MS,
    metricsToken: e.METRICS_TOKEN,
    pageTurns: e.PAGE_TURNS,
  };
}

/**
 * Served over HTTPS at a public address: Secure cookies and HSTS. A production build tried
 * out on http://localhost (the README's quick start) must still be able to log in.
 */
export const isHttpsDeployment = () => isProduction() && Boolean(env().APP_ORIGIN?.startsWith('https://'));
