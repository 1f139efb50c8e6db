import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { createInstance, type i18n as I18n } from 'i18next';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, NAMESPACES, isLanguage, type Language } from '~/i18n/config';
import { getLanguageWithoutAccount } from '~/i18n/i18n.server';
import { logger } from '~/utils/log.server';
import { resources } from '~/i18n/resources.server';
import { rememberPlainStrings } from '~/i18n/remembered-strings.server';
import { NonceContext } from '~/utils/nonce';
import { compressPage, pageEncoding } from '~/utils/page-compression.server';

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
      .then(() => rememberPlainStrings(created));
    instances.set(language, instance);
  }
  return instance;
}

/**
 * The root loader has already worked out the language (the profile's, for a member). When it
 * failed — the database is down — the page is an error page, rendered in the language of the
 * address, cookie or browser, without asking the database again.
 */
function documentLanguage(request: Request, context: EntryContext): Promise<Language> | Language {
  const root = context.staticHandlerContext.loaderData?.root as { language?: unknown } | undefined;
  return isLanguage(root?.language) ? root.language : getLanguageWithoutAccount(request);
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = await i18nFor(await documentLanguage(request, remixContext));
  const nonce = loadContext.nonce ?? '';

  // The whole page is rendered before anything is sent, and sent in one piece: no page defers
  // data or suspends, so streaming gains nothing. renderToString builds the page as one string;
  // the streaming renderer encoded it into bytes in 2 KB chunks as it went, which cost about a
  // tenth of a page's CPU under load (CPU profile, issue 12). React adds the doctype only when it
  // streams.
  const page = renderToString(
    <NonceContext.Provider value={nonce}>
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceContext.Provider>,
  );
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  const html = compressed(Buffer.from(`<!DOCTYPE html>${page}`), request, responseHeaders);
  return new Response(html, { headers: responseHeaders, status: responseStatusCode });
}

/**
 * The page compressed as the browser asks (app/utils/page-compression.server.ts). Pages marked
 * public stay as they are: server.js keeps those and puts each reader's nonce into the text.
 */
function compressed(html: Buffer<ArrayBuffer>, request: Request, headers: Headers): Buffer<ArrayBuffer> {
  if (html.length < 1024 || /^public\b/.test(headers.get('Cache-Control') ?? '')) return html;
  const encoding = pageEncoding(request.headers.get('Accept-Encoding'));
  headers.append('Vary', 'Accept-Encoding');
  if (!encoding) return html;
  headers.set('Content-Encoding', encoding);
  return compressPage(html, encoding);
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests (a user navigating away) are not errors worth a log line.
  if (request.signal.aborted) return;
  logger.error('request failed', { error, url: request.url, method: request.method });
}

// server.js reaches these through build.entry.module: the process's lifecycle in one place.
export { startBackgroundWork, stopBackgroundWork } from '~/domain/jobs/background.server';
export { withRequestScope } from '~/utils/request-scope.server';
export { pageTurns } from '~/utils/page-turns.server';
export { serverConfig } from '~/env.server';
export { instrumentBuild, isDiskFull } from '~/utils/service-faults.server';
export { beginDraining } from '~/domain/health/health.server';
export { logger, withRequestContext } from '~/utils/log.server';
export { recordRequest, metricsText } from '~/domain/health/metrics.server';
export { isDatabaseUnavailable } from '~/db/availability.server';
export { rosterGeneration as publicPageGeneration } from '~/domain/roster/public.server';
