// What the benchmarks share: running a command, a free port, a process's CPU time and RSS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * Node's flags for the server, as `npm start` and `npm run start:cluster` give them: without the
 * heap limit V8 let garbage grow to ~240 MB before collecting, and the bench's RSS (533 MiB)
 * was not what a production process holds; a young generation of 8 MB semi-spaces (V8's default
 * here is 16) held ~30 MB less at the same CPU per request (docs/decisions/017, 2026-12-06).
 */
export const SERVER_NODE_ARGS = [
  `--max-old-space-size=${process.env.NODE_HEAP_MB ?? 320}`,
  '--max-semi-space-size=8',
];

/**
 * The environment `npm start` gives the server besides: glibc's malloc with a fixed mmap
 * threshold (package.json, README), so that large blocks freed (a password hash's 19 MiB) go back
 * to the system rather than stay in the process (docs/decisions/017, amendment of 2026-12-06).
 */
export const SERVER_ENV = {
  GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? 'glibc.malloc.mmap_threshold=131072',
};

export function sh(command, args, env) {
  const r = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

export function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** CPU time (user + system) of a process, in milliseconds. */
export function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  } catch {
    return 0; // a process that ended meanwhile
  }
}

/** Resident memory of a process, in MiB. */
export function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024);
}
