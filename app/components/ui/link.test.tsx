import { Link as RemixLink, NavLink as RemixNavLink } from '@remix-run/react';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { StaticRouter } from 'react-router-dom/server';
import { describe, expect, it } from 'vitest';
import { Link, NavLink } from './link';

const at = (location: string, element: ReactNode) =>
  renderToStaticMarkup(<StaticRouter location={location}>{element}</StaticRouter>);

/** An element's markup with its attributes in one order (their order means nothing to a browser). */
const normal = (html: string) =>
  html.replace(
    /^<a ([^>]*)>/,
    (_, attributes: string) =>
      `<a ${attributes
        .match(/[\w-]+="[^"]*"/g)!
        .sort()
        .join(' ')}>`,
  );

const ariaCurrent = (html: string) => /aria-current="([^"]+)"/.exec(html)?.[1] ?? null;

describe('the app’s links', () => {
  it('render the same <a> as Remix’s for a path from the root, without the route-discovery mark', () => {
    for (const to of ['/forum', '/forum/t/1?page=2#post-3', '/']) {
      const ours = at(
        '/events',
        <Link to={to} className="button" lang="sv">
          x
        </Link>,
      );
      const remix = at(
        '/events',
        <RemixLink to={to} className="button" lang="sv">
          x
        </RemixLink>,
      );
      // Lazy route discovery is off (remix.config.js): the mark would be bytes for nothing.
      expect(normal(ours)).toBe(normal(remix.replace(' data-discover="true"', '')));
      expect(ours).not.toContain('data-discover');
    }
  });

  it('leave what needs resolving to Remix’s own', () => {
    expect(at('/profile/data', <Link to=".">x</Link>)).toBe(
      at('/profile/data', <RemixLink to=".">x</RemixLink>),
    );
    expect(
      at(
        '/',
        <Link to="/logout" reloadDocument>
          x
        </Link>,
      ),
    ).not.toContain('data-discover');
  });

  it('mark the navigation link of the page one is on, as Remix’s NavLink does', () => {
    const cases: [location: string, to: string, end: boolean][] = [
      ['/', '/', true],
      ['/forum', '/', true],
      ['/forum', '/forum', false],
      ['/forum/t/1', '/forum', false],
      ['/forum/t/1', '/forum', true],
      ['/forums', '/forum', false],
      ['/Forum/T/1', '/forum', false],
      ['/forum/t', '/forum/', false],
      ['/events', '/events?show=mine', false],
      ['/notifications', '/notifications', false],
    ];
    for (const [location, to, end] of cases) {
      const ours = ariaCurrent(
        at(
          location,
          <NavLink to={to} end={end}>
            x
          </NavLink>,
        ),
      );
      const remix = ariaCurrent(
        at(
          location,
          <RemixNavLink to={to} end={end}>
            x
          </RemixNavLink>,
        ),
      );
      expect([location, to, end, ours]).toEqual([location, to, end, remix]);
    }
    expect(ariaCurrent(at('/forum/t/1', <NavLink to="/forum">x</NavLink>))).toBe('page');
    expect(ariaCurrent(at('/library', <NavLink to="/forum">x</NavLink>))).toBeNull();
  });
});
