import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE } from '~/i18n/config';

type Strings = Record<string, Record<string, Record<string, unknown>>>;

// The page's <head> loads the language's strings (a script the browser keeps, ADR 012), so
// hydration needs no extra request. Changing language is a full page load (the switcher). The
// language is the one the server rendered the page in: <html lang>, set by root.tsx (not read
// from Remix's private window.__remixContext).
const language = document.documentElement.lang || DEFAULT_LANGUAGE;

const loaded = () =>
  (window as unknown as { __tukiverkkoStrings?: Strings }).__tukiverkkoStrings?.[language] ?? null;

// The strings script is deferred so that the page paints without waiting for it; this module
// may run first (Remix loads it async), so it waits for the script (or, if that failed, for
// the page's load event, and hydrates with the keys rather than not at all).
const stringsReady = new Promise<void>((resolve) => {
  if (loaded() || document.readyState === 'complete') return resolve();
  document.querySelector('script[data-strings]')?.addEventListener('load', () => resolve());
  window.addEventListener('load', () => resolve(), { once: true });
});

void stringsReady
  .then(() => {
    const strings = loaded() ?? {};
    return i18next.use(initReactI18next).init({
      lng: language,
      fallbackLng: false,
      defaultNS: 'common',
      ns: Object.keys(strings).length ? Object.keys(strings) : ['common'],
      resources: { [language]: strings },
      interpolation: { escapeValue: false },
    });
  })
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>,
      );
    });
  });

// Installable, with a "no connection" page (public/sw.js). Registered once the page has loaded,
// so it never competes with the page's own requests; not in development, where it would keep
// files the dev server is still changing.
if ('serviceWorker' in navigator && process.env.NODE_ENV === 'production') {
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No service worker (private mode, an old browser): the app works as before.
    });
  };
  // This module may run after the load event (Remix imports it from an inline script).
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
