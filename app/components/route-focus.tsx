import { useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation to another page, focus moves to the new page's heading, as a
 * full page load would put a screen reader at the top: otherwise focus stays on the link that
 * was clicked (now gone or meaningless) and nothing is announced. Not on the first load, not
 * when only the query changes (filters, paging) and not for links to an anchor on the page.
 */
export function RouteFocus() {
  const { pathname, hash } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (hash) return;
    const main = document.getElementById('main');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (!target) return;
    if (target !== main && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [pathname, hash]);
  return null;
}
