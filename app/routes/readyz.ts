import { readiness } from '~/domain/health/health.server';

// Ready to take traffic: not shutting down, and the database answers and accepts writes.
// A load balancer takes the instance out otherwise.
export async function loader() {
  const { ready, reason } = await readiness();
  return new Response(reason, {
    status: ready ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
