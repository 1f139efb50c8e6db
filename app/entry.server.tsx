import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { createInstance, type i18n as I18n } from 'i18next';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, NAMESPACES, type Language } from '~/i18n/config';
import { getLanguage } from '~/i18n/i18n.server';
import { resources } from '~/i18n/resources.server';
import { NonceContext } from '~/utils/nonce';

const ABORT_DELAY = 5_000;

// Route `meta` functions read page titles from this global: in the browser the strings script
// sets it for the page's language (ADR 012), here it holds every language.
(globalThis as { __tukiverkkoStrings?: unknown }).__tukiverkkoStrings = resources;

// One i18next instance per language, made once: its language never changes, so concurrent
// renders can share it (creating one per request cost about a tenth of a page's CPU time).
const instances = new Map<Language, Promise<I18n>>();
function i18nFor(language: Language): Promise<I18n> {
  let instance = instances.get(language);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({
        lng: language,
        fallbackLng: DEFAULT_LANGUAGE,
        ns: [...NAMESPACES],
        defaultNS: 'common',
        resources,
        interpolation: { escapeValue: false },
      })
      .then(() => created);
    instances.set(language, instance);
  }
  return instance;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = await i18nFor(await getLanguage(request));
  const nonce = loadContext.nonce ?? '';
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests (a user navigating away) are not errors worth a log line.
  if (request.signal.aborted) return;
  console.error(error);
}

// server.js reaches these through build.entry.module: the process's lifecycle in one place.
export { startBackgroundWork, stopBackgroundWork } from '~/domain/jobs/background.server';
export { withRequestScope } from '~/utils/request-scope.server';
export { serverConfig } from '~/env.server';
