// npm run bench:memory: the production build on the embedded database (demo data) under five
// rounds of 50 connections over the pages an adviser uses most; after each round, the server's
// RSS (and its peak during the round), its JavaScript heap and the embedded database's
// WebAssembly memory (from /metrics), and CPU per request. NODE_OPTIONS passes through, to
// compare heap limits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SERVER_ENV, SERVER_NODE_ARGS, cpuMs, freePort, rssMiB, sh } from './lib.js';

const ROUNDS = Number(process.env.MEMORY_ROUNDS ?? 5);
const SECONDS = Number(process.env.MEMORY_SECONDS ?? 20);
const CONNECTIONS = 50;
const MiB = 1024 * 1024;

async function gauge(base, name) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Math.round(Number(line.split(' ')[1]) / MiB) : null;
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tukiverkko-memory-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  ...SERVER_ENV,
  NODE_ENV: 'production',
  DATABASE_URL: `pglite:${path.join(workDir, 'db')}`,
  UPLOAD_DIR: path.join(workDir, 'uploads'),
  PORT: String(port),
  HOST: '127.0.0.1',
  APP_ORIGIN: base,
  SEED_DEMO: 'true',
  JOBS_WORKER: 'on',
};
sh('npm', ['run', '--silent', 'db:migrate'], env);
sh('npm', ['run', '--silent', 'seed'], env);
const server = spawn(process.execPath, [...SERVER_NODE_ARGS, 'server.js'], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (
    let tries = 0;
    !(await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    ));
    tries++
  ) {
    if (tries > 300) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'adviser@demo.tukiverkko.test', password: 'Tukiverkko-demo-2026' }),
    redirect: 'manual',
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const category = await (await fetch(`${base}/forum/kela-omakanta-suomifi`, { headers: { cookie } })).text();
  const thread = category.match(/href="(\/forum\/t\/[^"#?]+)/)[1];
  const paths = [
    '/',
    '/forum',
    '/forum/kela-omakanta-suomifi',
    thread,
    '/search?q=salasana',
    '/search?q=pankkitunnukset',
    '/library',
    '/events',
    '/notifications',
  ];
  const rows = [{ round: 'start', 'RSS MiB': rssMiB(server.pid), 'peak RSS MiB': rssMiB(server.pid) }];
  rows[0]['JS heap MiB'] = await gauge(base, 'nodejs_heap_size_used_bytes');
  rows[0]['database memory MiB'] = await gauge(base, 'tukiverkko_embedded_database_memory_bytes');
  for (let round = 1; round <= ROUNDS; round++) {
    let peak = 0;
    const cpuBefore = cpuMs(server.pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(server.pid))), 100);
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { cookie },
      requests: paths.map((p) => ({ method: 'GET', path: p })),
    });
    clearInterval(sampler);
    rows.push({
      round,
      requests: result.requests.total,
      // The database runs in this process too: its work is in this figure.
      'CPU ms/request': Number(((cpuMs(server.pid) - cpuBefore) / result.requests.total).toFixed(1)),
      'non-2xx': result.non2xx,
      'RSS MiB': rssMiB(server.pid),
      'peak RSS MiB': peak,
      'JS heap MiB': await gauge(base, 'nodejs_heap_size_used_bytes'),
      'database memory MiB': await gauge(base, 'tukiverkko_embedded_database_memory_bytes'),
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
  console.log(`NODE_OPTIONS=${process.env.NODE_OPTIONS ?? ''}`);
  console.table(rows);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(workDir, { recursive: true, force: true });
}
