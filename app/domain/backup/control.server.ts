import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { resolveDatabaseTarget } from '~/db/database-url.server';
import { logger } from '~/utils/log.server';
import { writeBackup } from './snapshot.server';

// The embedded database can be open in one process only. While the app runs on it, `npm run
// backup` asks the app, over a Unix socket beside the database folder that only this user may
// open, to write the backup itself. One request a connection: a JSON line in, a JSON line out.

type Answer = { ok: true; file: string; bytes: number } | { ok: false; error: string };

/** The socket of an app on the embedded database in `dataDir`. */
export const controlSocketPath = (dataDir: string) =>
  path.join(path.dirname(path.resolve(dataDir)), 'tukiverkko.sock');

/** Listens when this process holds an embedded database on disk; returns how to stop. */
export function startControlSocket(): (() => void) | undefined {
  const target = resolveDatabaseTarget();
  if (target.kind !== 'pglite' || !target.dataDir) return undefined;
  const socket = controlSocketPath(target.dataDir);
  // A socket file left by a process that died: nothing answers it (this process holds the data).
  fs.rmSync(socket, { force: true });
  let running: Promise<unknown> = Promise.resolve();
  const server = net.createServer((connection) => {
    let request = '';
    connection.setEncoding('utf8');
    connection.on('data', (chunk) => {
      request += chunk;
      if (!request.includes('\n')) return;
      // One backup at a time, in the order asked.
      const answer = running.then(() => answerRequest(request));
      running = answer;
      void answer.then((reply) => connection.end(`${JSON.stringify(reply)}\n`));
    });
    connection.on('error', () => {});
  });
  server.listen(socket, () => fs.chmodSync(socket, 0o600));
  server.on('error', (error) => logger.warn('the backup socket could not listen', { error, socket }));
  server.unref();
  return () => {
    server.close();
    fs.rmSync(socket, { force: true });
  };
}

async function answerRequest(line: string): Promise<Answer> {
  try {
    const { command, folder } = JSON.parse(line) as { command?: string; folder?: string };
    if (command !== 'backup' || typeof folder !== 'string') return { ok: false, error: 'unknown request' };
    const { file, bytes } = await writeBackup(folder);
    logger.info('backup written on request', { file, bytes });
    return { ok: true, file, bytes };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Asks the running app for a backup; undefined when no app answers on this database. */
export async function askRunningApp(dataDir: string, folder: string): Promise<Answer | undefined> {
  const socket = controlSocketPath(dataDir);
  if (!fs.existsSync(socket)) return undefined;
  return new Promise((resolve, reject) => {
    let reply = '';
    const connection = net.connect(socket, () =>
      connection.write(`${JSON.stringify({ command: 'backup', folder: path.resolve(folder) })}\n`),
    );
    connection.setEncoding('utf8');
    connection.on('data', (chunk) => (reply += chunk));
    connection.on('end', () => {
      try {
        resolve(JSON.parse(reply) as Answer);
      } catch {
        reject(new Error('The running app gave no answer about the backup; see its log.'));
      }
    });
    connection.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? resolve(undefined) : reject(error),
    );
  });
}

/** Whether an app answers on the embedded database in `dataDir` (a left-over socket file does not). */
export function isAppRunning(dataDir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = net.connect(controlSocketPath(dataDir), () => {
      connection.destroy();
      resolve(true);
    });
    connection.on('error', () => resolve(false));
  });
}
