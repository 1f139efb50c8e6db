import { AsyncResource } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

// Pages take turns (issue 12, ADR 036). When more pages are asked for than the cores can serve,
// every page in progress shares the CPU and each database answer puts it back behind all the
// others, so pages finish late together and the slowest waited three times the median (32
// connections: home p99 920–1,401 ms at p50 ≈ 440). Here at most `limit` page reads are worked
// on at once and the rest wait in arrival order: p99 fell by 38–67 % (thread 915 → 501 ms, search
// 1,788 → 596), pages per second within this machine's noise.
//
// A turn ends when the response's headers go out (a page is rendered by then; a file streaming to
// a slow phone holds no turn) or the connection closes. Writes never wait (a form is rare and an
// upload streams in for as long as the phone takes), nor do the health probes.

type Next = () => void;
type Gate = ((req: IncomingMessage, res: ServerResponse, next: Next) => void) & {
  /** Page reads being worked on, and waiting (tests, metrics). */
  readonly active: number;
  readonly waiting: number;
};

const ALWAYS_AT_ONCE = new Set(['/healthz', '/readyz']);

export function pageTurns(limit: number): Gate {
  let active = 0;
  const queue: Next[] = [];
  const passOn = () => {
    const next = queue.shift();
    if (next) next();
    else active -= 1;
  };
  const gate = (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || ALWAYS_AT_ONCE.has(path)) return next();
    // Set only for a page that waits (below); `start` runs before that for one that does not.
    let leaveQueue: (() => void) | undefined = undefined;
    const start = () => {
      if (leaveQueue) res.off('close', leaveQueue);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        passOn();
      };
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
        end();
        return writeHead.apply(this, args);
      } as ServerResponse['writeHead'];
      res.once('close', end);
      next();
    };
    if (active < limit) {
      active += 1;
      start();
      return;
    }
    // Run in the request's own async context: a waiting page is started from the finishing
    // one's event, and must not run in that page's request scope. (A resource, not
    // `AsyncResource.bind`, which also defines a deprecated getter on every bound function.)
    const scope = new AsyncResource('tukiverkko.pageTurn');
    const startLater = () => scope.runInAsyncScope(start);
    // Gone while waiting (the reader gave up): its turn is not taken.
    leaveQueue = () => {
      const at = queue.indexOf(startLater);
      if (at >= 0) queue.splice(at, 1);
    };
    queue.push(startLater);
    res.once('close', leaveQueue);
  };
  return Object.defineProperties(gate, {
    active: { get: () => active },
    waiting: { get: () => queue.length },
  }) as Gate;
}
