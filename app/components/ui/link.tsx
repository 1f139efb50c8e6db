import {
  Link as RemixLink,
  NavLink as RemixNavLink,
  useLocation,
  useNavigate,
  type LinkProps,
  type NavigateFunction,
  type NavLinkProps,
} from '@remix-run/react';
import { createContext, forwardRef, useContext, type MouseEvent, type ReactNode } from 'react';

/*
 * The app's links. Remix's <Link> resolves its `to` against the matched routes three times per
 * render (each time JSON-encoding and decoding the matches) and its <NavLink> five times; a
 * thread page has ~90 links and the shell's navigation ~20 NavLinks (the menu and the bar), and
 * that resolving was about a tenth of the server's CPU per page (CPU profile, issue 12). Every
 * `to` in this app is a path from the root, which needs no resolving: these render the same
 * <a> as Remix's and navigate in the browser with the same router. Anything else (a relative
 * `to`, an object, `reloadDocument`, `prefetch`, `state`) is handed to Remix's own.
 *
 * Without Remix's `data-discover` attribute: it marks a link for lazy route discovery, which is
 * off (remix.config.js; the browser has every route), and 21 bytes on each of a page's 90–130
 * links put a month of events over 64 K characters, where the page's string costs this
 * machine ~0.6 ms more to turn into bytes (ADR 017, amendment of 2026-12-07).
 */

const Navigate = createContext<NavigateFunction | null>(null);

/** Gives the links below the router's navigate, asked for once instead of once per link. */
export function LinkNavigation({ children }: { children: ReactNode }) {
  return <Navigate.Provider value={useNavigate()}>{children}</Navigate.Provider>;
}

function isRootPath(to: LinkProps['to']): to is string {
  return typeof to === 'string' && to.startsWith('/') && !to.startsWith('//');
}

function needsRemix(props: Pick<LinkProps, 'reloadDocument' | 'prefetch' | 'state' | 'relative' | 'target'>) {
  return Boolean(
    props.reloadDocument ||
    (props.prefetch && props.prefetch !== 'none') ||
    props.state !== undefined ||
    props.relative ||
    (props.target && props.target !== '_self'),
  );
}

/** A plain left click without a modifier key: the router's to handle, as Remix's link does. */
function routerClick(event: MouseEvent<HTMLAnchorElement>) {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey)
  );
}

function useClickHandler(to: string, props: Pick<LinkProps, 'onClick' | 'replace' | 'preventScrollReset'>) {
  const navigate = useContext(Navigate);
  return (event: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(event);
    if (!navigate || !routerClick(event)) return;
    event.preventDefault();
    const here = window.location.pathname + window.location.search + window.location.hash;
    // As Remix's link: following a link to the page one is on replaces its history entry.
    navigate(to, { replace: props.replace ?? here === to, preventScrollReset: props.preventScrollReset });
  };
}

type PlainProps = Omit<LinkProps, 'to'> & { to: string };

/** The <a> both render for a path from the root. */
const PlainLink = forwardRef<HTMLAnchorElement, PlainProps>(function PlainLink(props, ref) {
  const {
    to,
    children,
    replace: _replace,
    preventScrollReset: _reset,
    discover: _discover,
    viewTransition: _vt,
    // Remix's own props, absent or off here (needsRemix): not attributes of the <a>.
    prefetch: _prefetch,
    reloadDocument: _reload,
    relative: _relative,
    state: _state,
    ...rest
  } = props;
  const onClick = useClickHandler(to, props);
  return (
    <a ref={ref} {...rest} href={to} onClick={onClick}>
      {children}
    </a>
  );
});

export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(props, ref) {
  return isRootPath(props.to) && !needsRemix(props) ? (
    <PlainLink ref={ref} {...props} to={props.to} />
  ) : (
    <RemixLink ref={ref} {...props} />
  );
});

type NavProps = Omit<NavLinkProps, 'className' | 'children' | 'style'> & {
  className?: string;
  children?: ReactNode;
};

/**
 * A link in the navigation: `aria-current="page"` where the page is (or, unless `end`, is under)
 * its path, compared without regard to case, as Remix's NavLink does.
 */
export const NavLink = forwardRef<HTMLAnchorElement, NavProps>(function NavLink(props, ref) {
  const { pathname } = useLocation();
  if (!isRootPath(props.to) || needsRemix(props)) return <RemixNavLink ref={ref} {...props} />;
  const { end, caseSensitive, ...rest } = props;
  const path = props.to.split(/[?#]/)[0] ?? props.to;
  const [here, target] = caseSensitive ? [pathname, path] : [pathname.toLowerCase(), path.toLowerCase()];
  const trimmed = target !== '/' && target.endsWith('/') ? target.slice(0, -1) : target;
  const active = here === trimmed || here === target || (!end && here.startsWith(`${trimmed}/`));
  return <PlainLink ref={ref} {...rest} to={props.to} aria-current={active ? 'page' : undefined} />;
});
