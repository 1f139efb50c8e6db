import { isDatabaseReady } from '~/domain/health/health.server';

// Ready to take traffic: the database answers. A load balancer takes the instance out otherwise.
export async function loader() {
  const ready = await isDatabaseReady();
  return new Response(ready ? 'ready' : 'database unavailable', {
    status: ready ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
