/* global self, caches */
// Tukiverkko's service worker (issue 14): the app installs on a phone's home screen, and a page
// opened without a connection shows a translated "no connection" page instead of the browser's.
//
// What it keeps: the offline page and the icons, at install; the built JavaScript, CSS and
// strings as they are used (their addresses change with their content, so a kept copy is never
// stale). What it never keeps: pages. They are private to the member (no-store) and a kept page
// could show one member's data to the next person on a shared library computer.
//
// Guidance entries typed without a connection are kept and sent again by the log's own form
// (components/guidance/guidance-form.tsx), not here: one mechanism for it.

const CACHE = 'tukiverkko-shell-v1';
const SHELL = ['/offline', '/favicon.svg', '/icons/icon-192.png', '/manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

/** Content-addressed files: a kept copy is the right one for as long as anything asks for it. */
function isImmutable(url) {
  return (
    url.pathname.startsWith('/build/') || (url.pathname.startsWith('/i18n/') && url.searchParams.has('v'))
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/offline')));
    return;
  }
  if (isImmutable(url)) {
    event.respondWith(
      caches.match(request).then(
        (kept) =>
          kept ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});
