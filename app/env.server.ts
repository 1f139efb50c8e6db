import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().optional(),
  /** Public origin of the app, used for links in e-mail and the Origin check behind a proxy. */
  APP_ORIGIN: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
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
  /** "off" keeps this instance from running background jobs (e.g. a web-only instance). */
  JOBS_WORKER: z.enum(['on', 'off']).default('on'),
  /** Behind a load balancer: trust X-Forwarded-For for the client address (rate limits, audit). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validated once; a bad variable stops the app with a message naming it. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export const isProduction = () => env().NODE_ENV === 'production';

/**
 * Served over HTTPS at a public address: Secure cookies and HSTS. A production build tried
 * out on http://localhost (the README's quick start) must still be able to log in.
 */
export const isHttpsDeployment = () => isProduction() && Boolean(env().APP_ORIGIN?.startsWith('https://'));
