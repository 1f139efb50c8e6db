// The patch to @remix-run/router (patches/, ADR 033): a route tree is flattened and ranked once
// and a path's pattern compiled once, instead of on every match of every request. These tests
// fail when the patch is not applied (npm's postinstall runs patch-package) and pin the
// behaviour the server relies on.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The server loads the CommonJS build (Remix's server runtime and React Router require it).
const { matchRoutes, matchPath } = createRequire(import.meta.url)(
  '@remix-run/router',
) as typeof import('@remix-run/router');

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
});
