import type { AppLoadContext } from '@remix-run/node';
import { env } from '~/env.server';

export type RequestMeta = { ip: string; userAgent: string; origin: string };

/** Who is asking, for rate limits, audit entries and links in e-mail. */
export function requestMeta(request: Request, context: Partial<AppLoadContext> | undefined): RequestMeta {
  return {
    ip: context?.clientIp ?? '',
    userAgent: request.headers.get('User-Agent') ?? '',
    origin: env().APP_ORIGIN ?? new URL(request.url).origin,
  };
}
