import type { AppLoadContext } from '@remix-run/node';

export type RequestMeta = { ip: string; userAgent: string };

/** Who is asking, for rate limits and audit entries. Links use appOrigin(), never the request. */
export function requestMeta(request: Request, context: Partial<AppLoadContext> | undefined): RequestMeta {
  return {
    ip: context?.clientIp ?? '',
    userAgent: request.headers.get('User-Agent') ?? '',
  };
}
