// The patches to @remix-run/router, @remix-run/react and react-router-dom (patches/, ADR 033): a
// route tree is flattened and ranked once, a path's pattern compiled once, the branch a path
// matched remembered, and the server's render reuses one route tree per build, instead of all
// of it on every request. The patch to @remix-run/server-runtime (ADR 038): a loader or action
// gets the request itself when there is no `index` or `_data` parameter to strip, not two copies.
// These tests fail when the patches are not applied (npm's postinstall runs patch-package) and
// pin the behaviour the server relies on.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';

// The server loads the CommonJS builds (Remix's server runtime and React Router require them).
const require = createRequire(import.meta.url);
const { matchRoutes, matchPath } = require('@remix-run/router') as typeof import('@remix-run/router');
const { RemixServer } = require('@remix-run/react') as typeof import('@remix-run/react');
type Call = (args: {
  loader?: (a: { request: Request }) => unknown;
  action?: (a: { request: Request }) => unknown;
  request: Request;
  params: object;
  loadContext: object;
  routeId: string;
  singleFetch: boolean;
}) => Promise<unknown>;
const { callRouteLoader, callRouteAction } = require('@remix-run/server-runtime/dist/data.js') as {
  callRouteLoader: Call;
  callRouteAction: Call;
};

const routes = () => [
  {
    id: 'root',
    path: '',
    children: [
      { id: 'home', index: true },
      { id: 'thread', path: 'forum/t/:id' },
      { id: 'category', path: 'forum/:slug' },
      { id: 'new', path: 'forum/new' },
    ],
  },
];

const ids = (found: ReturnType<typeof matchRoutes>) => found?.map((m) => m.route.id) ?? null;

describe('route matching memo (patched @remix-run/router)', () => {
  it('matches as before: ranking, params, index routes, no match', () => {
    const tree = routes();
    expect(ids(matchRoutes(tree, '/'))).toEqual(['root', 'home']);
    expect(ids(matchRoutes(tree, '/forum/new'))).toEqual(['root', 'new']);
    expect(matchRoutes(tree, '/forum/t/42')?.at(-1)?.params).toEqual({ id: '42' });
    expect(ids(matchRoutes(tree, '/forum/kela'))).toEqual(['root', 'category']);
    expect(matchRoutes(tree, '/nowhere/at/all')).toBeNull();
    expect(matchPath('/forum/:slug', '/forum/kela')?.params).toEqual({ slug: 'kela' });
    expect(matchPath({ path: '/Forum', caseSensitive: true }, '/forum')).toBeNull();
    expect(matchPath({ path: '/Forum', caseSensitive: false }, '/forum')).not.toBeNull();
  });

  it('ranks a tree once: a tree changed after its first match is matched as it was (the memo acts)', () => {
    const tree = routes();
    expect(ids(matchRoutes(tree, '/forum/extra'))).toEqual(['root', 'category']);
    // Route trees are built once per server and never changed; this shows the ranked branches
    // are reused rather than rebuilt. A new tree (a rebuilt server) is ranked afresh.
    tree[0]!.children.push({ id: 'extra', path: 'forum/extra' });
    expect(ids(matchRoutes(tree, '/forum/extra'))).toEqual(['root', 'category']);
    const rebuilt = routes();
    rebuilt[0]!.children.push({ id: 'extra', path: 'forum/extra' });
    expect(ids(matchRoutes(rebuilt, '/forum/extra'))).toEqual(['root', 'extra']);
  });

  it('matches a path seen before by the branch it matched, with fresh matches and params each time', () => {
    const tree = routes();
    const first = matchRoutes(tree, '/forum/t/42')!;
    (first.at(-1)!.params as Record<string, string>).id = 'changed by a caller';
    const again = matchRoutes(tree, '/forum/t/42')!;
    expect(again.at(-1)!.params).toEqual({ id: '42' });
    expect(again).not.toBe(first);
    expect(ids(matchRoutes(tree, '/'))).toEqual(['root', 'home']);
    expect(ids(matchRoutes(tree, '/'))).toEqual(['root', 'home']);
    expect(matchRoutes(tree, '/nowhere')).toBeNull();
    expect(matchRoutes(tree, '/nowhere')).toBeNull();
    // More paths than it remembers (1,000): the least recently used are matched afresh, alike.
    for (let n = 0; n < 1_200; n++)
      expect(matchRoutes(tree, `/forum/t/${n}`)?.at(-1)?.params.id).toBe(`${n}`);
    expect(ids(matchRoutes(tree, '/'))).toEqual(['root', 'home']);
    expect(ids(matchRoutes(tree, '/forum/new'))).toEqual(['root', 'new']);
    expect(matchRoutes(tree, '/forum/t/0')?.at(-1)?.params).toEqual({ id: '0' });
  });

  it('renders every request of a build with the same route tree (RemixServer and the static router)', () => {
    // What the server runtime hands RemixServer per request: the build's route manifest (one
    // object per build) and a new routeModules object of the same modules.
    const manifest = {
      routes: {
        root: { id: 'root', path: '', hasLoader: false, module: '/root.js' },
        'routes/_index': {
          id: 'routes/_index',
          parentId: 'root',
          index: true,
          hasLoader: true,
          module: '/i.js',
        },
      },
    };
    const modules = { root: { default: () => null }, 'routes/_index': { default: () => null } };
    const render = () =>
      RemixServer({
        url: 'http://localhost/',
        context: {
          manifest,
          routeModules: { ...modules },
          future: {},
          isSpaMode: false,
          staticHandlerContext: { basename: '/', location: { pathname: '/' }, loaderData: {}, matches: [] },
        } as never,
      });
    const routerOf = (element: unknown): { routes: unknown[] } => {
      const props = (element as ReactElement<{ router?: { routes: unknown[] }; children?: unknown }>).props;
      if (props.router) return props.router;
      const children = ([] as unknown[]).concat(props.children).filter(Boolean);
      for (const child of children) {
        const found = routerOf(child);
        if (found) return found;
      }
      return undefined as never;
    };
    const first = routerOf(render());
    const second = routerOf(render());
    expect(first.routes).toHaveLength(1);
    expect(second.routes).toBe(first.routes);
  });
});

describe('request copies (patched @remix-run/server-runtime)', () => {
  const seenBy = async (request: Request, call: 'loader' | 'action' = 'loader') => {
    let seen: Request | undefined;
    const fn = ({ request: given }: { request: Request }) => {
      seen = given;
      return null;
    };
    const args = { request, params: {}, loadContext: {}, routeId: 'routes/x', singleFetch: false };
    await (call === 'loader'
      ? callRouteLoader({ ...args, loader: fn })
      : callRouteAction({ ...args, action: fn }));
    return seen!;
  };

  it('hands a loader and an action the request itself when there is nothing to strip', async () => {
    const page = new Request('http://127.0.0.1/forum/t/42?page=2', { headers: { cookie: 'a=b' } });
    expect(await seenBy(page)).toBe(page);
    const post = new Request('http://127.0.0.1/forum/t/42', { method: 'POST', body: 'intent=quote' });
    const given = await seenBy(post, 'action');
    expect(given).toBe(post);
    expect(await given.text()).toBe('intent=quote');
  });

  it('still strips `_data` and an empty `index`, in a copy with the same method, headers, body and signal', async () => {
    const controller = new AbortController();
    const data = new Request('http://127.0.0.1/forum?index&_data=routes%2Fforum._index&q=x', {
      method: 'POST',
      headers: { cookie: 'a=b' },
      body: 'intent=seen',
      signal: controller.signal,
    });
    const given = await seenBy(data, 'action');
    expect(given).not.toBe(data);
    expect(given.url).toBe('http://127.0.0.1/forum?q=x');
    expect(given.method).toBe('POST');
    expect(given.headers.get('cookie')).toBe('a=b');
    expect(await given.text()).toBe('intent=seen');
    controller.abort();
    expect(given.signal.aborted).toBe(true);
    // A named index value is kept, as before.
    const named = await seenBy(new Request('http://127.0.0.1/x?index=a&_data=root'));
    expect(named.url).toBe('http://127.0.0.1/x?index=a');
  });
});
