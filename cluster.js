// One app process per core on one machine (PostgreSQL server only): `npm run start:cluster`.
// This primary process only supervises: each worker is an ordinary `server.js`, the workers share
// the port (the primary hands connections out in turn), one of them runs the job worker. See
// docs/decisions/017-round-trips-and-processes.md.
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';

// The same validated settings as the app (app/env.server.ts, bundled alone by `npm run build`):
// a bad value stops here with a message naming it.
let settings;
try {
  const { clusterSettings } = await import('./build/config.js');
  settings = clusterSettings();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const { drainMs, jobsWorker: jobsWanted } = settings;
const processes = settings.processes ?? os.availableParallelism();
// The embedded database lives inside one process; several processes need a PostgreSQL server.
if (!settings.postgresServer) {
  console.error(
    'npm run start:cluster needs DATABASE_URL=postgresql://…: the embedded database runs in one process (npm start).',
  );
  process.exit(1);
}

const log = (message, fields = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: message, ...fields }));

cluster.setupPrimary({ exec: path.resolve('server.js') });

/** Worker ids that run the job queue (at most one) and that have started listening. */
let jobRunner = null;
const listening = new Set();
let stopping = false;

function start(runsJobs) {
  const worker = cluster.fork({ JOBS_WORKER: runsJobs ? 'on' : 'off' });
  if (runsJobs) jobRunner = worker.id;
  worker.on('listening', () => listening.add(worker.id));
  return worker;
}

for (let i = 0; i < processes; i++) start(jobsWanted && i === 0);
log('supervising web processes', { processes, pid: process.pid });

cluster.on('exit', (worker, code, signal) => {
  const wasUp = listening.delete(worker.id);
  const runsJobs = worker.id === jobRunner;
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
    return;
  }
  // One that never came up (a bad setting, the port taken) would only fail again: stop all.
  if (!wasUp) {
    console.error(`a web process failed at start (exit ${code ?? signal}); stopping`);
    stopAll(1);
    return;
  }
  log('a web process stopped; starting another', { pid: worker.process.pid, code, signal });
  setTimeout(() => !stopping && start(runsJobs), 1000);
});

function stopAll(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  // Each worker drains on SIGTERM as a single server does (docs/decisions/014-faults-and-shutdown.md).
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  setTimeout(() => process.exit(1), drainMs + 5000).unref();
}
process.on('SIGTERM', () => stopAll());
process.on('SIGINT', () => stopAll());
