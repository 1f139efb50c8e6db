// Fault injection against the production build on a PostgreSQL server (issue 20): a TCP proxy
// on 127.0.0.1 between the app and the database refuses, black-holes, delays and heals, and
// the server is sent SIGTERM with slow requests in flight; a form is sent in Chromium while
// the database is down. Each server here is this file's own.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { textPdf } from '#tests/fixtures/pdf';
import { startTcpProxy, type TcpProxy } from '#tests/faults/tcp-proxy';
import {
  DEMO_PASSWORD,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  newPage,
  setupBrowser,
} from './browser';

setupBrowser();

const PG = { host: '127.0.0.1', port: 5432 };
const database = `tukiverkko_faults_${process.pid}`;
const adminUrl = `postgresql://postgres@${PG.host}:${PG.port}/postgres`;

const postgresReachable = await new Promise<boolean>((resolve) => {
  const socket = net.connect(PG.port, PG.host);
  socket.once('connect', () => resolve(socket.end() && true));
  socket.once('error', () => resolve(false));
});
if (!postgresReachable) {
  console.warn(`faults.test.ts: no PostgreSQL server at ${PG.host}:${PG.port}; the fault tests need one.`);
}

const canMount = process.getuid?.() === 0 && fs.existsSync('/bin/mount');
if (!canMount)
  console.warn('faults.test.ts: not root, cannot mount a small tmpfs; the full-disk upload test needs it.');

function psql(sql: string) {
  const r = spawnSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

type Server = {
  child: ChildProcess;
  base: string;
  origin: string;
  log: string[];
  exit: Promise<number | null>;
};

async function startServer(
  proxy: TcpProxy,
  extraEnv: Record<string, string> = {},
  script = 'server.js',
): Promise<Server> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const child = spawn('node', [script], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_ORIGIN: origin,
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${proxy.port}/${database}`,
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '3000',
      LOG_FORMAT: 'json',
      JOBS_WORKER: 'off',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout!.on('data', (d: Buffer) => log.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (d: Buffer) => log.push(...d.toString().split('\n').filter(Boolean)));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`server did not start:\n${log.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, origin, log, exit };
}

async function stop(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exit;
}

async function login(server: Server, email = 'adviser@demo.tukiverkko.test') {
  const response = await fetch(`${server.base}/login`, {
    method: 'POST',
    headers: { Origin: server.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function timed(url: string, init: RequestInit = {}) {
  const started = performance.now();
  const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
  const body = await response.text();
  return { response, body, ms: performance.now() - started };
}

async function msUntilReady(server: Server, limitMs: number) {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (
      (await fetch(`${server.base}/readyz`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return performance.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  return Infinity;
}

describe.skipIf(!postgresReachable)('faults on a PostgreSQL server', () => {
  let proxy: TcpProxy;

  beforeAll(async () => {
    psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    psql(`CREATE DATABASE ${database}`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      APP_ORIGIN: 'http://localhost:3000',
      DATABASE_URL: `postgresql://postgres@${PG.host}:${PG.port}/${database}`,
      SEED_DEMO: 'true',
    };
    for (const script of ['db:migrate', 'seed']) {
      const r = spawnSync('npm', ['run', '--silent', script], { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${script} failed:\n${r.stdout}\n${r.stderr}`);
    }
    proxy = await startTcpProxy(PG);
  });

  afterAll(async () => {
    await proxy?.close();
    if (postgresReachable) psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  test('a hung, then refusing database gives translated 503 pages within the timeout, and the app recovers by itself', async () => {
    const server = await startServer(proxy);
    try {
      const cookie = await login(server);
      expect((await timed(`${server.base}/forum`, { headers: { cookie } })).response.status).toBe(200);

      for (const mode of ['blackhole', 'refuse'] as const) {
        proxy.setMode(mode);
        // Finnish is the member's profile language; while the database is down the page comes
        // in the language of the browser instead (it cannot read the profile), here Swedish.
        const pages = await Promise.all([
          timed(`${server.base}/forum`, { headers: { cookie } }),
          timed(`${server.base}/`, { headers: { cookie, 'Accept-Language': 'sv-FI,sv;q=0.9' } }),
        ]);
        for (const { response, ms } of pages) {
          expect(response.status).toBe(503);
          expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
          // Statement timeout 3 s here: a hang costs at most that, a refusal much less.
          expect(ms).toBeLessThan(mode === 'blackhole' ? 6000 : 2500);
        }
        expect(pages[0]!.body).toContain('Palvelu on hetken poissa käytöstä');
        expect(pages[1]!.body).toContain('Tjänsten är tillfälligt otillgänglig');
        expect(pages[1]!.body).toContain('lang="sv"');

        // Known down: the next page fails at once instead of waiting for a timeout.
        const next = await timed(`${server.base}/library`, { headers: { cookie } });
        expect(next.response.status).toBe(503);
        expect(next.ms).toBeLessThan(1000);
        expect((await timed(`${server.base}/readyz`)).response.status).toBe(503);

        proxy.setMode('forward');
        const recoveryMs = await msUntilReady(server, 5000);
        console.log(`faults: ${mode}: ready again ${Math.round(recoveryMs)} ms after healing`);
        expect(recoveryMs).toBeLessThan(5000);
        expect((await timed(`${server.base}/forum`, { headers: { cookie } })).response.status).toBe(200);
        expect(server.child.exitCode).toBeNull();
      }
      expect(server.log.join('\n')).not.toMatch(/uncaught|unhandled/i);
    } finally {
      proxy.setMode('forward');
      await stop(server);
    }
  });

  test('a reply sent while the database is down: the 503 page says the text is kept, and trying again puts it back', async () => {
    const server = await startServer(proxy);
    try {
      // The browser logs the refused form post as a console error: expected here.
      const page = await newPage({ width: 390, height: 844, touch: true, expectedErrors: [/503/] });
      await page.goto(`${server.origin}/login?lng=fi`);
      await page.locator('input[name=email]').fill('adviser@demo.tukiverkko.test');
      await page.locator('input[name=password]').fill(DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL((url) => !url.pathname.startsWith('/login')),
        page.locator('form.form button[type=submit]').click(),
      ]);
      await page.goto(`${server.origin}/forum/kela-omakanta-suomifi`);
      const thread = await page.locator('.thread-row a').first().getAttribute('href');
      await page.goto(`${server.origin}${thread}`);
      const text = `Kokeilkaa ensin puhelimen uudelleenkäynnistystä ${Date.now()}`;
      // The editor arrives when the reply box is first focused, and takes the focus.
      await page.getByLabel('Vastaus', { exact: true }).click();
      const editor = page.locator('.editor__content[contenteditable=true]');
      await editor.waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
        .toContain('editor');
      await page.keyboard.type(text);
      await expect.poll(() => editor.textContent()).toBe(text);

      proxy.setMode('refuse');
      await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
      await page.getByRole('heading', { name: 'Palvelu on hetken poissa käytöstä' }).waitFor();
      await page.getByText('Lomakkeeseen kirjoittamasi teksti on tallessa').waitFor();
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      proxy.setMode('forward');
      expect(await msUntilReady(server, 5000)).toBeLessThan(5000);

      await page.getByRole('link', { name: 'Yritä uudelleen' }).click();
      const note = page.getByText('Ennen häiriötä kirjoittamasi teksti on palautettu');
      await note.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
        'Ennen häiriötä kirjoittamasi teksti on palautettu',
      );
      await expect.poll(() => editor.textContent()).toBe(text);
      await expectNoAxeViolations(page);
      // Sent again, it is posted once; the copy is gone.
      await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
      await expect.poll(() => page.locator('.post__body', { hasText: text }).count()).toBe(1);
      await page.goto(`${server.origin}/forum`);
      // Dropped once the next page has hydrated.
      await expect.poll(() => page.evaluate(() => sessionStorage.getItem('tk:kept-form'))).toBeNull();
    } finally {
      proxy.setMode('forward');
      await stop(server);
    }
  });

  test.skipIf(!canMount)(
    'an upload into a full upload folder over HTTP: 507 next to the field, no partial file, the server stays up, and a small file works once space is back',
    async () => {
      const mountPoint = path.join(os.tmpdir(), `tukiverkko-e2e-full-${process.pid}`);
      fs.mkdirSync(mountPoint, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
      const server = await startServer(proxy, { UPLOAD_DIR: mountPoint });
      try {
        const cookie = await login(server, 'trainer@demo.tukiverkko.test');
        const created = await timed(`${server.base}/library/new`, {
          method: 'POST',
          headers: { cookie, Origin: server.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            title: 'Ohje täydelle levylle',
            summary: 'Kokeilu',
            bodyText: 'Teksti',
            type: 'guide',
            audience: 'all',
            language: 'fi',
          }),
        });
        expect(created.response.status).toBe(302);
        const editPath = created.response.headers.get('location')!.split('?')[0]!;
        const upload = (bytes: Buffer, name: string) => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
          return timed(`${server.base}${editPath}`, {
            method: 'POST',
            headers: { cookie, Origin: server.origin },
            body: form,
          });
        };

        // Fill the folder but for ~100 KB, then send 600 KB.
        const filler = path.join(mountPoint, 'filler');
        fs.writeFileSync(filler, Buffer.alloc(900 * 1024));
        const refused = await upload(
          Buffer.concat([textPdf(['Iso liite']), Buffer.alloc(600 * 1024, 0x20)]),
          'iso.pdf',
        );
        expect(refused.response.status).toBe(507);
        // The trainer reads Swedish.
        expect(refused.body).toContain('Filen kunde inte sparas eftersom servern har slut på utrymme');
        const temporary = path.join(mountPoint, 'tmp');
        expect(fs.existsSync(temporary) ? fs.readdirSync(temporary) : []).toEqual([]);
        // Still serving: ready, and pages answer.
        expect((await timed(`${server.base}/readyz`)).response.status).toBe(200);
        expect((await timed(`${server.base}/library`, { headers: { cookie } })).response.status).toBe(200);
        expect(server.child.exitCode).toBeNull();

        fs.rmSync(filler);
        const accepted = await upload(textPdf(['Pieni liite']), 'pieni.pdf');
        expect(accepted.response.status).toBe(200);
        expect(accepted.body).toContain('pieni.pdf');
        expect(server.log.join('\n')).not.toMatch(/uncaught|unhandled/i);
      } finally {
        await stop(server);
        execFileSync('umount', ['-l', mountPoint]);
        fs.rmSync(mountPoint, { recursive: true, force: true });
      }
    },
  );

  test('SIGTERM: readiness goes 503 at once, every request in flight is answered, then the process exits', async () => {
    for (let round = 1; round <= 2; round++) {
      const server = await startServer(proxy, { DRAIN_TIMEOUT_MS: '15000' });
      try {
        const cookie = await login(server);
        // Every database answer now takes 150 ms: pages and logins take seconds each.
        proxy.setMode({ delayMs: 150 });
        const pages = [
          '/forum',
          '/',
          '/library',
          '/events',
          '/forum',
          '/',
          '/library',
          '/events',
          '/forum',
          '/',
          '/library',
          '/events',
        ];
        const inFlight = [
          ...pages.map((path) => timed(`${server.base}${path}`, { headers: { cookie } })),
          ...[1, 2, 3].map(() =>
            timed(`${server.base}/login`, {
              method: 'POST',
              headers: { Origin: server.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ email: 'trainer@demo.tukiverkko.test', password: DEMO_PASSWORD }),
            }),
          ),
        ];
        await new Promise((r) => setTimeout(r, 300));
        const signalled = performance.now();
        server.child.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 100));
        const readiness = await timed(`${server.base}/readyz`);
        expect(readiness.response.status).toBe(503);
        expect(readiness.body).toBe('shutting down');

        const answers = await Promise.all(inFlight);
        const statuses = answers.map((a) => a.response.status);
        expect(statuses.slice(0, pages.length).every((s) => s === 200)).toBe(true);
        expect(statuses.slice(pages.length).every((s) => s === 302)).toBe(true);
        const code = await server.exit;
        const exitMs = performance.now() - signalled;
        console.log(
          `faults: SIGTERM round ${round}: ${answers.length}/${inFlight.length} in-flight requests answered, exit ${code} after ${Math.round(exitMs)} ms`,
        );
        expect(code).toBe(0);
        expect(exitMs).toBeLessThan(20_000);
      } finally {
        proxy.setMode('forward');
        await stop(server);
      }
    }
  });

  test('one process per core: two web processes share the port, one runs the jobs, a killed one is replaced, SIGTERM stops all', async () => {
    const server = await startServer(proxy, { WEB_PROCESSES: '2', JOBS_WORKER: 'on' }, 'cluster.js');
    const workers = () =>
      spawnSync('ps', ['-o', 'pid=', '--ppid', String(server.child.pid)], { encoding: 'utf8' })
        .stdout.split('\n')
        .map((line) => Number(line.trim()))
        .filter(Boolean);
    const waitFor = async (ok: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!ok() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      return ok();
    };
    try {
      expect(
        await waitFor(() => server.log.filter((l) => l.includes('listening on')).length === 2, 15_000),
      ).toBe(true);
      const [first, second] = workers();
      expect([first, second].every(Boolean)).toBe(true);
      // Exactly one of the two takes jobs (the queue is safe with many, but one is enough).
      expect(server.log.filter((l) => l.includes('job worker started'))).toHaveLength(1);
      const cookie = await login(server);

      // A worker dies: pages keep coming from the other, and the primary starts a new one.
      process.kill(first!, 'SIGKILL');
      // A kept-alive connection the dead process held is closed by the kernel; a browser retries
      // on it, fetch does not: give fetch the moment to see it close.
      await new Promise((r) => setTimeout(r, 300));
      const during = await Promise.all(
        Array.from({ length: 10 }, () => timed(`${server.base}/forum`, { headers: { cookie } })),
      );
      expect(during.map((d) => d.response.status)).toEqual(Array(10).fill(200));
      expect(await waitFor(() => workers().length === 2 && !workers().includes(first!), 15_000)).toBe(true);
      expect(
        await waitFor(() => server.log.filter((l) => l.includes('listening on')).length === 3, 15_000),
      ).toBe(true);

      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
      expect(workers()).toEqual([]);
    } finally {
      await stop(server);
    }
  });
});
