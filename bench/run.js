// npm run bench: pages under load (autocannon, 32 connections) against the production build, on
// PGlite and (when reachable) on the PostgreSQL server, with the national data set (10,000
// members, 20,000 forum threads, 400,000 posts): the home page, a thread of 20 posts, a forum
// category and a search. Prints requests/s, latency percentiles, the server's RSS and the
// JavaScript a thread reader downloads (gzipped).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 32;
const PG_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/tukiverkko_bench';

function sh(command, args, env) {
  const r = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024);
}

async function pgReachable() {
  const admin = new URL(PG_URL);
  admin.pathname = '/postgres';
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
    const db = new URL(PG_URL).pathname.slice(1);
    await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${db}`);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function benchOne(label, databaseUrl) {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'true',
    JOBS_WORKER: 'on',
  };
  console.log(`\n## ${label}: migrate and seed the national data set`);
  sh('npm', ['run', '--silent', 'db:migrate'], env);
  const seedStart = Date.now();
  sh('npm', ['run', '--silent', 'seed', '--', '--scale', 'national'], env);
  console.log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const server = spawn('node', ['server.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/readyz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'adviser@demo.tukiverkko.test', password: 'Tukiverkko-demo-2026' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (login.status !== 302 || !cookie.includes('tk_session='))
    throw new Error(`login failed: ${login.status}`);
  const check = await fetch(`${base}/`, { headers: { Cookie: cookie }, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`home page answered ${check.status}`);

  // A thread with 20 posts (one page), the category it is in, and a search that matches many.
  const categoryHtml = await (
    await fetch(`${base}/forum/kela-omakanta-suomifi`, { headers: { Cookie: cookie } })
  ).text();
  const threadPath = categoryHtml
    .match(/href="(\/forum\/t\/[0-9a-f-]{36})"/g)
    ?.map((h) => h.slice(6, -1))
    .at(-1);
  if (!threadPath) throw new Error('no thread found in the category page');
  const targets = {
    'home page': '/',
    'thread page (20 posts)': threadPath,
    'category page': '/forum/kela-omakanta-suomifi',
    'search "kirjastossa"': '/search?q=kirjastossa',
  };
  const rows = [];
  for (const [name, target] of Object.entries(targets)) {
    const url = `${base}${target}`;
    const page = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' });
    if (page.status !== 200) throw new Error(`${target} answered ${page.status}`);
    // Warm-up, then the measured run.
    await autocannon({ url, connections: CONNECTIONS, duration: 3, headers: { cookie } });
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION,
      headers: { cookie },
    });
    rows.push({
      database: label,
      page: name,
      'requests/s (mean)': Math.round(result.requests.average),
      'latency p50 ms': result.latency.p50,
      'latency p99 ms': result.latency.p99,
      'non-2xx': result.non2xx,
      errors: result.errors,
    });
  }
  const threadJs = await javascriptFor(base, threadPath, cookie);
  const rss = rssMiB(server.pid);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  console.table(rows);
  console.log(`server RSS after the runs: ${rss} MiB; JavaScript for a thread reader: ${threadJs}`);
  return { rows, rss, threadJs };
}

/** Every script a thread page loads before anyone writes, gzipped as a server would send it. */
async function javascriptFor(base, pagePath, cookie) {
  const html = await (await fetch(`${base}${pagePath}`, { headers: { Cookie: cookie } })).text();
  const srcs = new Set(
    [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
      (m) => m[1],
    ),
  );
  // The entry and route modules import further shared chunks: follow static imports too.
  const queue = [...srcs];
  while (queue.length) {
    const src = queue.shift();
    const code = await (await fetch(new URL(src, base))).text();
    for (const m of code.matchAll(/(?:import|from)\s*["']((?:\.{1,2}|\/build)\/[^"']+\.js)["']/g)) {
      const next = new URL(m[1], new URL(src, base)).pathname;
      if (!srcs.has(next)) {
        srcs.add(next);
        queue.push(next);
      }
    }
  }
  let raw = 0;
  let gzipped = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzipped += zlib.gzipSync(body, { level: 9 }).length;
  }
  const editorChunks = [...srcs].filter((s) => /editor/i.test(s));
  return `${(gzipped / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(0)} KB raw, ${srcs.size} files${editorChunks.length ? `, EDITOR CODE: ${editorChunks.join(', ')}` : ', no editor code'})`;
}

if (!fs.existsSync('build/index.js') || process.env.BENCH_BUILD !== '0')
  sh('npm', ['run', '--silent', 'build'], process.env);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tukiverkko-bench-'));
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per page, logged in as an adviser`);
const results = [await benchOne('PGlite (embedded)', `pglite:${path.join(workDir, 'db')}`)];
if (await pgReachable()) results.push(await benchOne('PostgreSQL server', PG_URL));
else console.log('\nPostgreSQL server not reachable: skipped (set BENCH_PG_URL).');
fs.rmSync(workDir, { recursive: true, force: true });
console.log('\n## Summary');
console.table(results.flatMap((r) => r.rows));
for (const r of results)
  console.log(`${r.rows[0].database}: RSS ${r.rss} MiB; thread reader JavaScript ${r.threadJs}`);
if (results.length === 2) {
  for (const [i, row] of results[1].rows.entries()) {
    const ratio = row['requests/s (mean)'] / Math.max(1, results[0].rows[i]['requests/s (mean)']);
    console.log(`${row.page}: PostgreSQL / PGlite throughput ratio ${ratio.toFixed(2)}`);
  }
}
