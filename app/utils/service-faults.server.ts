import type { ServerBuild } from '@remix-run/node';
import { isDatabaseUnavailable } from '~/db/availability.server';
import { noteRoute } from '~/utils/log.server';

/** Seconds a client (or a load balancer) is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 10;

export function serviceUnavailable() {
  return new Response('Service Unavailable', {
    status: 503,
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The server's disk is full: a file could not be written. Nothing else was changed. */
export function storageFull() {
  return new Response('Insufficient Storage', {
    status: 507,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The file system is full (or the quota used up): nothing the user did wrong. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

type Handler = (args: never) => unknown;

function answering503<F extends Handler | undefined>(routeId: string, handler: F): F {
  if (!handler) return handler;
  return (async (args: never) => {
    noteRoute(routeId);
    try {
      return await handler(args);
    } catch (error) {
      // A loader or action that failed because the database is down or full is not a bug in
      // the page: the member gets the translated "try again shortly" page, and a load balancer
      // or browser a 503 with Retry-After, instead of "something went wrong" (issue 20).
      if (isDatabaseUnavailable(error)) throw serviceUnavailable();
      if (isDiskFull(error)) throw storageFull();
      throw error;
    }
  }) as unknown as F;
}

/**
 * The build with every route's loader and action answering database faults with a 503, and
 * naming its route for the request's log line and metrics (a route id, not the URL, whose ids
 * would make every thread its own metric).
 */
export function instrumentBuild(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      {
        ...route,
        module: {
          ...route.module,
          loader: answering503(id, route.module.loader),
          action: answering503(id, route.module.action),
        },
      },
    ]),
  );
  return { ...build, routes } as ServerBuild;
}
