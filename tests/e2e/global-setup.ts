// Builds the app, migrates and seeds a fresh PGlite folder, starts an SMTP server that keeps
// every message as a file, and starts the production server against both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startSmtpServer, type TestSmtpServer } from '../faults/smtp-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    mailDir: string;
    /** The server's database and upload folder (the backup test runs the commands on them). */
    serverStorage: { databaseUrl: string; uploadDir: string };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}`);
}

let server: ChildProcess | undefined;
let smtp: TestSmtpServer | undefined;

export default async function setup(project: TestProject) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tukiverkko-e2e-'));
  const mailDir = path.join(workDir, 'mail');
  fs.mkdirSync(mailDir);
  const [port, smtpPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: `pglite:${path.join(workDir, 'db')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_ORIGIN: `http://localhost:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SEED_DEMO: 'true',
    UPLOAD_DIR: path.join(workDir, 'uploads'),
    // Each browser the specs open is a member at their own address (X-Forwarded-For, as behind
    // the city's proxy); otherwise the whole suite shares one address and its login limit.
    TRUST_PROXY: 'true',
  };

  if (process.env.E2E_SKIP_BUILD !== '1') run('npm', ['run', '--silent', 'build'], env);
  run('npm', ['run', '--silent', 'db:migrate'], env);
  run('npm', ['run', '--silent', 'seed'], env);

  let count = 0;
  smtp = await startSmtpServer(
    (raw) => fs.writeFileSync(path.join(mailDir, `${Date.now()}-${count++}.eml`), raw),
    smtpPort,
  );

  const child = spawn('node', ['server.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  const log = fs.createWriteStream(path.join(workDir, 'server.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.stderr.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`));

  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${baseURL}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not become ready; see ${workDir}/server.log`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseURL', baseURL);
  project.provide('mailDir', mailDir);
  project.provide('serverStorage', { databaseUrl: env.DATABASE_URL!, uploadDir: env.UPLOAD_DIR! });

  return async () => {
    // A server that already died (crashed, or killed from outside) sends no second 'exit':
    // waiting for one would hang the run instead of letting it fail.
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server?.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await smtp?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
}
