import { AsyncLocalStorage } from 'node:async_hooks';

// Remix hands each loader, and the document renderer, its own Request object for one HTTP
// request; work that should happen once per HTTP request (who is logged in) is memoised in a
// scope that server.js opens around the request. Without a scope (tests calling a loader
// directly), the Request itself is the scope.
type Scope = Map<string, unknown>;

const storage = new AsyncLocalStorage<Scope>();
const byRequest = new WeakMap<Request, Scope>();

export function withRequestScope<T>(fn: () => T): T {
  return storage.run(new Map(), fn);
}

export function oncePerRequest<T>(request: Request, key: string, compute: () => T): T {
  let scope = storage.getStore() ?? byRequest.get(request);
  if (!scope) {
    scope = new Map();
    byRequest.set(request, scope);
  }
  if (!scope.has(key)) scope.set(key, compute());
  return scope.get(key) as T;
}
