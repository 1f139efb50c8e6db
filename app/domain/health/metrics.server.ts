import { namedStatementCount } from '~/db/prepared-statements.server';
import { db } from '~/db.server';
import { databaseState, embeddedMemoryBytes, poolStats } from '~/db/availability.server';
import { isDraining } from './health.server';
import { statementCount } from '~/db/adapters.server';

// /metrics in Prometheus's text format: requests by route (counts and a duration histogram),
// the job queue, the mail outbox and the database pool. Request figures are this process's
// own since it started; queue and outbox figures are read from the database per scrape.

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Series = { count: number; sum: number; buckets: number[] };
const requests = new Map<string, number>();
const durations = new Map<string, Series>();

const label = (value: string) => value.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/** server.js, once per response. `route` is the Remix route id, or "static", or "none". */
export function recordRequest(route: string, method: string, status: number, seconds: number) {
  const key = `route="${label(route)}",method="${label(method)}",status="${status}"`;
  requests.set(key, (requests.get(key) ?? 0) + 1);
  const durationKey = `route="${label(route)}"`;
  let series = durations.get(durationKey);
  if (!series) {
    series = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
    durations.set(durationKey, series);
  }
  series.count++;
  series.sum += seconds;
  BUCKETS.forEach((bound, i) => {
    if (seconds <= bound) series.buckets[i]!++;
  });
}

function block(name: string, type: string, help: string, lines: string[]) {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines].join('\n');
}

async function queueFigures() {
  const [jobs, emails] = await Promise.all([
    db.job.groupBy({ by: ['type', 'status'], _count: { _all: true } }),
    db.email.groupBy({ by: ['status'], _count: { _all: true } }),
  ]);
  return { jobs, emails };
}

export async function metricsText(): Promise<string> {
  const parts: string[] = [];
  parts.push(
    block(
      'tukiverkko_http_requests_total',
      'counter',
      'HTTP requests answered, by route, method and status.',
      [...requests].map(([key, value]) => `tukiverkko_http_requests_total{${key}} ${value}`),
    ),
  );
  const histogram: string[] = [];
  for (const [key, series] of durations) {
    BUCKETS.forEach((bound, i) =>
      histogram.push(
        `tukiverkko_http_request_duration_seconds_bucket{${key},le="${bound}"} ${series.buckets[i]}`,
      ),
    );
    histogram.push(`tukiverkko_http_request_duration_seconds_bucket{${key},le="+Inf"} ${series.count}`);
    histogram.push(`tukiverkko_http_request_duration_seconds_sum{${key}} ${series.sum.toFixed(6)}`);
    histogram.push(`tukiverkko_http_request_duration_seconds_count{${key}} ${series.count}`);
  }
  parts.push(
    block('tukiverkko_http_request_duration_seconds', 'histogram', 'Time to answer, by route.', histogram),
  );
  parts.push(
    block('tukiverkko_database_up', 'gauge', '1 while the database answers, 0 while it is unreachable.', [
      `tukiverkko_database_up ${databaseState().up ? 1 : 0}`,
    ]),
  );
  parts.push(
    block('tukiverkko_draining', 'gauge', '1 after SIGTERM while requests finish.', [
      `tukiverkko_draining ${isDraining() ? 1 : 0}`,
    ]),
  );
  parts.push(
    block('tukiverkko_database_statements_total', 'counter', 'SQL statements sent since the start.', [
      `tukiverkko_database_statements_total ${statementCount()}`,
    ]),
    // Near its bound (MAX_NAMED) means new query shapes go unplanned-ahead: look for a text that varies.
    block(
      'tukiverkko_database_named_statements',
      'gauge',
      'Distinct SQL texts the PostgreSQL server prepares once per connection (ADR 034).',
      [`tukiverkko_database_named_statements ${namedStatementCount()}`],
    ),
  );
  const memory = process.memoryUsage();
  const embedded = embeddedMemoryBytes();
  parts.push(
    block('process_resident_memory_bytes', 'gauge', 'Resident memory of this process.', [
      `process_resident_memory_bytes ${memory.rss}`,
    ]),
    block('nodejs_heap_size_used_bytes', 'gauge', 'JavaScript heap in use.', [
      `nodejs_heap_size_used_bytes ${memory.heapUsed}`,
    ]),
    ...(embedded === undefined
      ? []
      : [
          block(
            'tukiverkko_embedded_database_memory_bytes',
            'gauge',
            "The embedded database's WebAssembly memory (it grows and is never given back).",
            [`tukiverkko_embedded_database_memory_bytes ${embedded}`],
          ),
        ]),
  );
  const pool = poolStats();
  if (pool) {
    parts.push(
      block('tukiverkko_database_pool_connections', 'gauge', 'PostgreSQL pool connections by state.', [
        `tukiverkko_database_pool_connections{state="total"} ${pool.total}`,
        `tukiverkko_database_pool_connections{state="idle"} ${pool.idle}`,
        `tukiverkko_database_pool_connections{state="waiting"} ${pool.waiting}`,
      ]),
    );
  }
  if (databaseState().up) {
    const { jobs, emails } = await queueFigures();
    parts.push(
      block(
        'tukiverkko_jobs',
        'gauge',
        'Background jobs by type and status (pending is the queue depth; failed gave up).',
        jobs.map(
          (j) => `tukiverkko_jobs{type="${label(j.type)}",status="${label(j.status)}"} ${j._count._all}`,
        ),
      ),
    );
    parts.push(
      block(
        'tukiverkko_emails',
        'gauge',
        'E-mail in the outbox by status.',
        emails.map((e) => `tukiverkko_emails{status="${label(e.status)}"} ${e._count._all}`),
      ),
    );
  }
  return `${parts.join('\n')}\n`;
}
