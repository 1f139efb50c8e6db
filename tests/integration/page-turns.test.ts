import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pageTurns } from '~/utils/page-turns.server';

// A real HTTP server with the gate in front of a handler that answers only when the test says.
type Held = {
  path: string;
  context: string | undefined;
  answer: (body?: string) => void;
  res: http.ServerResponse;
};

const context = new AsyncLocalStorage<string>();
let server: http.Server | undefined;

async function serve(limit: number) {
  const gate = pageTurns(limit);
  const started: Held[] = [];
  let seen = 0;
  server = http.createServer((req, res) => {
    seen += 1;
    // As in server.js: the request's own context is opened before the gate.
    context.run(`request ${seen}`, () =>
      gate(req, res, () =>
        started.push({
          path: req.url ?? '',
          context: context.getStore(),
          res,
          answer: (body = 'ok') => res.end(body),
        }),
      ),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { gate, started, base };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

describe('pages take turns', () => {
  it('works on at most `limit` page reads at once and starts the others in arrival order', async () => {
    const { gate, started, base } = await serve(2);
    const answers: Promise<string>[] = [];
    for (const n of [1, 2, 3, 4]) {
      answers.push(fetch(`${base}/page-${n}`).then((r) => r.text()));
      await until(() => gate.active + gate.waiting === n);
    }
    expect(started.map((s) => s.path)).toEqual(['/page-1', '/page-2']);
    expect([gate.active, gate.waiting]).toEqual([2, 2]);
    started[1]!.answer();
    await until(() => started.length === 3);
    expect(started[2]!.path).toBe('/page-3');
    // Each waited page runs in its own request's context, not the one whose end started it.
    expect(started.map((s) => s.context)).toEqual(['request 1', 'request 2', 'request 3']);
    started[0]!.answer();
    await until(() => started.length === 4);
    started[2]!.answer();
    started[3]!.answer();
    expect(await Promise.all(answers)).toEqual(['ok', 'ok', 'ok', 'ok']);
    await until(() => gate.active === 0);
    expect(gate.waiting).toBe(0);
  });

  it('ends a turn when the headers go out: a slow download does not hold up pages', async () => {
    const { gate, started, base } = await serve(1);
    const download = fetch(`${base}/uploads/big`);
    await until(() => started.length === 1);
    started[0]!.res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    started[0]!.res.write('first part');
    await download; // headers arrived; the body is still streaming
    const page = fetch(`${base}/`).then((r) => r.text());
    await until(() => started.length === 2);
    started[1]!.answer('page');
    expect(await page).toBe('page');
    started[0]!.answer();
    await until(() => gate.active === 0);
  });

  it('never keeps writes or the health probes waiting', async () => {
    const { gate, started, base } = await serve(1);
    fetch(`${base}/slow`).catch(() => {}); // still unanswered when the test ends
    await until(() => started.length === 1);
    const post = fetch(`${base}/forum/new`, { method: 'POST', body: 'x' });
    const probe = fetch(`${base}/readyz`);
    await until(() => started.length === 3);
    expect(started.map((s) => s.path).sort()).toEqual(['/forum/new', '/readyz', '/slow']);
    started.slice(1).forEach((s) => s.answer());
    await Promise.all([post, probe]);
    expect(gate.active).toBe(1);
  });

  it('gives up the place of a reader who left while waiting, and the turn of one who left meanwhile', async () => {
    const { gate, started, base } = await serve(1);
    const first = new AbortController();
    fetch(`${base}/first`, { signal: first.signal }).catch(() => {});
    await until(() => started.length === 1);
    const leaving = new AbortController();
    fetch(`${base}/leaving`, { signal: leaving.signal }).catch(() => {});
    const staying = fetch(`${base}/staying`).then((r) => r.text());
    await until(() => gate.waiting === 2);
    leaving.abort();
    await until(() => gate.waiting === 1);
    // The first reader leaves before any answer: the turn passes on all the same.
    first.abort();
    await until(() => started.length === 2);
    expect(started[1]!.path).toBe('/staying');
    started[1]!.answer();
    expect(await staying).toBe('ok');
    await until(() => gate.active === 0);
    expect(started.map((s) => s.path)).not.toContain('/leaving');
  });
});
