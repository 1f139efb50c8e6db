// The HTTP server: security headers on every response (pages, files, 404s), the Origin check
// on every write, static files, then Remix. See docs/decisions/001-remix-classic-compiler-and-express.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { broadcastDevReady, installGlobals } from '@remix-run/node';
import express from 'express';

installGlobals({ nativeFetch: true });

const BUILD_PATH = path.resolve('build/index.js');
// One validated configuration for the server and the app (app/env.server.ts): a missing or bad
// variable stops start-up here with a message that names it.
let build, config;
try {
  build = await import(url.pathToFileURL(BUILD_PATH).href);
  config = build.entry.module.serverConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
let buildStamp = fs.statSync(BUILD_PATH).mtimeMs;
let handler = requestHandlerFor(build);
const { production, origin, port, host, drainMs, metricsToken } = config;
const app$ = build.entry.module;
// HSTS and upgrade-insecure-requests only where the public address is HTTPS.
const httpsDeployment = config.https;

function requestHandlerFor(serverBuild) {
  return createRequestHandler({
    // Loaders and actions name their route (log line, metrics) and answer database faults 503.
    build: serverBuild.entry.module.instrumentBuild(serverBuild),
    mode: serverBuild.mode,
    getLoadContext: (req, res) => ({ nonce: res.locals.nonce, clientIp: req.ip ?? '' }),
  });
}

// Development: pick up a rebuilt server bundle on the next request.
async function currentHandler() {
  if (production) return handler;
  const stamp = fs.statSync(BUILD_PATH).mtimeMs;
  if (stamp !== buildStamp) {
    buildStamp = stamp;
    build = await import(`${url.pathToFileURL(BUILD_PATH).href}?t=${stamp}`);
    handler = requestHandlerFor(build);
    broadcastDevReady(build);
  }
  return handler;
}

function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${production ? '' : ' ws://localhost:* ws://127.0.0.1:*'}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(httpsDeployment ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

// The offline page (app/routes/offline.ts) is kept by the service worker and shown without a
// server: it carries its own, stricter policy with its inline styles' hash, not a nonce.
const OWN_POLICY = new Set(['/offline']);

function securityHeaders(req, res, next) {
  const nonce = crypto.randomBytes(16).toString('base64');
  res.locals.nonce = nonce;
  if (!OWN_POLICY.has(req.path)) res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (httpsDeployment) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  next();
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// What a browser sends to this app; TRACE, CONNECT and the rest have nothing to do here.
const KNOWN_METHODS = new Set([...SAFE_METHODS, 'POST', 'PUT', 'PATCH', 'DELETE']);

function knownMethods(req, res, next) {
  if (KNOWN_METHODS.has(req.method)) return next();
  res
    .status(405)
    .set('Allow', [...KNOWN_METHODS].join(', '))
    .type('text/plain')
    .send('Method Not Allowed');
}

const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[A-Za-z0-9_-]{32}$/;

/**
 * Cross-site request forgery: a write must come from a page of this very site. The site is
 * the configured origin, never the request's own Host header, which a client can forge.
 */
function originCheck(req, res, next) {
  if (SAFE_METHODS.has(req.method)) return next();
  if (req.get('Origin') === origin) return next();
  // The news digest's one-click unsubscribe (RFC 8058) is POSTed by the mail provider's servers,
  // which send no Origin. The secret token in the address is its authority, not a cookie, so a
  // forged cross-site request could do no more than anyone holding the link.
  if (req.method === 'POST' && ONE_CLICK_UNSUBSCRIBE.test(req.path)) return next();
  res.status(403).type('text/plain').send('Forbidden: cross-origin request');
}

/**
 * Every request is addressed to the one public origin, whatever Host or X-Forwarded-Host it came
 * with (an internal name behind a proxy, 127.0.0.1, or a forgery). Remix's own CSRF check
 * compares the Origin header with these, and would answer a mismatch with a 500; the Origin
 * check above has already judged the request against APP_ORIGIN.
 */
const originHost = new URL(origin).host;
function publicHost(req, res, next) {
  req.headers.host = originHost;
  delete req.headers['x-forwarded-host'];
  next();
}

/**
 * One log line and one metric per response: request id, route, status, duration. The request id
 * goes back in X-Request-Id and onto every line logged while the request runs.
 */
function requestLog(req, res, next) {
  const started = process.hrtime.bigint();
  const requestId = req.get('X-Request-Id')?.match(/^[\w.-]{1,64}$/)?.[0] ?? crypto.randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const context = { requestId };
  app$.withRequestContext(context, () => {
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = context.route ?? (res.locals.static ? 'static' : 'none');
      app$.recordRequest(route, req.method, res.statusCode, seconds);
      const line = {
        method: req.method,
        path: req.path,
        route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1000),
      };
      // Probes come every few seconds and would drown the log; /metrics counts them.
      if (route === 'routes/readyz' || route === 'routes/healthz') return;
      if (res.statusCode >= 500) app$.logger.warn('request', line);
      else if (production) app$.logger.info('request', line);
    });
    next();
  });
}

/** A 503 (database down, shutting down) always says when to try again. */
function retryAfterOn503(req, res, next) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    const status = typeof args[0] === 'number' ? args[0] : res.statusCode;
    if (status === 503 && !res.hasHeader('Retry-After')) res.setHeader('Retry-After', '10');
    if (stopping) res.setHeader('Connection', 'close');
    return writeHead.apply(this, args);
  };
  next();
}

/**
 * /metrics for Prometheus: with METRICS_TOKEN, to a request bearing it; without, only to this
 * machine itself (the TCP peer, not a forwarded address), never through the public proxy.
 */
async function metrics(req, res) {
  const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
  const forwarded = Boolean(req.get('X-Forwarded-For'));
  const authorised = metricsToken
    ? req.get('Authorization') === `Bearer ${metricsToken}`
    : local && !forwarded;
  if (!authorised) return res.status(404).type('text/plain').send('Not Found');
  try {
    const own = `# HELP tukiverkko_public_page_cache_hits_total Public pages served from the short cache.\n# TYPE tukiverkko_public_page_cache_hits_total counter\ntukiverkko_public_page_cache_hits_total ${publicPageHits}\n`;
    res.type('text/plain; version=0.0.4').send((await app$.metricsText()) + own);
  } catch (error) {
    if (!app$.isDatabaseUnavailable(error)) throw error;
    res.status(503).type('text/plain').send('database unavailable');
  }
}

/**
 * Pages and data are never kept by a browser or proxy unless their route says otherwise:
 * advisers use shared computers at libraries, and the next person must not find a member's
 * page in the cache or behind the back button. Static files are served before this.
 */
function noStoreByDefault(req, res, next) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store');
    return writeHead.apply(this, args);
  };
  next();
}

/**
 * Pages for the public (a support point's page for residents, linked from the city's site and
 * from posters' QR codes) are rendered once per few seconds and address, not once per reader:
 * the answer to a request without cookies that its route marks `Cache-Control: public` is kept
 * for PUBLIC_PAGE_MS, and served again with the new request's nonce in place of the old one.
 * A change the app makes (app$.publicPageGeneration) starts afresh at once. ADR 031.
 */
const PUBLIC_PAGE_MS = 5_000;
const publicPages = new Map();
let publicPageHits = 0;
function publicPageCache(req, res, next) {
  if (req.method !== 'GET' || req.headers.cookie || req.headers.authorization) return next();
  const key = `${app$.publicPageGeneration()} ${req.originalUrl} ${req.headers['accept-language'] ?? ''}`;
  const kept = publicPages.get(key);
  if (kept && kept.until > Date.now()) {
    publicPageHits += 1;
    for (const [name, value] of kept.headers) res.setHeader(name, value);
    res.status(200).send(kept.body.replaceAll(kept.nonce, res.locals.nonce));
    return;
  }
  // Whether the answer may be kept is known from its headers, which are set before the first
  // byte: only such an answer is copied (an anonymous login page is not).
  let keep = null;
  const keepable = () =>
    (keep ??=
      res.statusCode === 200 &&
      /^public\b/.test(String(res.getHeader('Cache-Control') ?? '')) &&
      String(res.getHeader('Content-Type') ?? '').startsWith('text/html') &&
      !res.hasHeader('Set-Cookie'));
  const chunks = [];
  const write = res.write;
  const end = res.end;
  res.write = function (chunk, ...rest) {
    if (chunk && keepable()) chunks.push(Buffer.from(chunk));
    return write.call(this, chunk, ...rest);
  };
  res.end = function (chunk, ...rest) {
    if (chunk && typeof chunk !== 'function' && keepable()) chunks.push(Buffer.from(chunk));
    if (keepable()) {
      if (publicPages.size >= 1000) publicPages.clear();
      publicPages.set(key, {
        until: Date.now() + PUBLIC_PAGE_MS,
        nonce: res.locals.nonce,
        body: Buffer.concat(chunks).toString('utf8'),
        headers: ['Content-Type', 'Cache-Control', 'Vary']
          .filter((name) => res.hasHeader(name))
          .map((name) => [name, res.getHeader(name)]),
      });
    }
    return end.call(this, chunk, ...rest);
  };
  next();
}

const CONTENT_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Whether an Accept-Encoding header takes `name` ("br;q=0" refuses it); the app has the same in app/utils/http.ts. */
function accepts(header, name) {
  return String(header ?? '')
    .split(',')
    .some((part) => {
      const [token, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return token.trim().toLowerCase() === name && (!q || Number(q.slice(2)) > 0);
    });
}

/**
 * Serves the Brotli or gzip copy that `npm run build` made of a build file (scripts/precompress.js)
 * when the browser accepts it: no compression work per request. Which copies exist is read once
 * at start; a file without one goes on to express.static as it is.
 */
function precompressed(root) {
  const copies = new Set();
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(br|gz)$/.test(entry.name))
        copies.add('/' + path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  const serve = express.static(root, { immutable: true, maxAge: '1y', index: false });
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = req.path;
    const encoding = [
      ['br', '.br'],
      ['gzip', '.gz'],
    ].find(([name, ext]) => accepts(req.headers['accept-encoding'], name) && copies.has(file + ext));
    res.setHeader('Vary', 'Accept-Encoding');
    if (!encoding) return next();
    const original = req.url;
    req.url = original.replace(/^[^?]*/, (p) => p + encoding[1]);
    res.setHeader('Content-Encoding', encoding[0]);
    res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    // A copy gone since start (a rebuild under a running dev server): the plain file, as if none.
    serve(req, res, (error) => {
      req.url = original;
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      next(error);
    });
  };
}

const app = express();
app.disable('x-powered-by');
if (config.trustProxy) app.set('trust proxy', true);
app.use(requestLog);
app.use(retryAfterOn503);
app.use(securityHeaders);
app.use(knownMethods);
app.use(originCheck);
app.use(publicHost);
app.get('/metrics', (req, res, next) => metrics(req, res).catch(next));
app.use((req, res, next) => {
  res.locals.static = true;
  next();
});
app.use('/build', precompressed('public/build'));
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y', fallthrough: true }));
// Only what public/ holds (read at start: icons, manifest, sw.js, …) is looked up on disk; a
// page's URL goes straight to Remix instead of costing a file-system stat first.
const publicEntries = new Set(fs.readdirSync('public'));
const servePublic = express.static('public', { maxAge: '1h', index: false });
app.use((req, res, next) =>
  publicEntries.has(req.path.split('/')[1] ?? '') ? servePublic(req, res, next) : next(),
);
// Page reads take turns, a few at a time, in arrival order (app/utils/page-turns.server.ts).
const pageTurns = app$.pageTurns(config.pageTurns);
app.all('*', pageTurns, noStoreByDefault, publicPageCache, async (req, res, next) => {
  res.locals.static = false;
  try {
    const handle = await currentHandler();
    // One scope per HTTP request: who is logged in is looked up once however many loaders ask.
    await build.entry.module.withRequestScope(() => handle(req, res, next));
  } catch (error) {
    next(error);
  }
});
// Last resort: never show a stack trace in production.
app.use((error, req, res, _next) => {
  if (app$.isDatabaseUnavailable(error)) {
    res.status(503).type('text/plain').send('Service Unavailable');
    return;
  }
  app$.logger.error('request failed outside the app', { error, path: req.path });
  res
    .status(500)
    .type('text/plain')
    .send(production ? 'Internal Server Error' : String(error?.stack ?? error));
});

app$.startBackgroundWork?.();

const server = app.listen(port, host, () => {
  app$.logger.info(
    `Tukiverkko listening on ${host}:${port}, public address ${origin} (${production ? 'production' : 'development'})`,
  );
  if (!production) broadcastDevReady(build);
});

/**
 * SIGTERM (a deploy, the supervisor): /readyz answers 503 at once while new connections are
 * still taken for a moment, so a load balancer sees it; then no new connections, requests in
 * flight get up to DRAIN_TIMEOUT_MS to be answered, the running job finishes, and the database
 * closes last. See docs/decisions/014-faults-and-shutdown.md.
 */
const READINESS_GRACE_MS = Math.min(1000, drainMs);
let stopping = false;
async function shutdown(signal, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  app$.beginDraining();
  app$.logger.info('shutting down: finishing requests in flight', { signal, drainMs });
  await new Promise((resolve) => setTimeout(resolve, READINESS_GRACE_MS));
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const left = Math.max(0, drainMs - (Date.now() - started));
  const drained = await Promise.race([
    closed.then(() => true),
    new Promise((r) => setTimeout(() => r(false), left)),
  ]);
  if (!drained) {
    app$.logger.warn('drain time over: closing connections still open');
    server.closeAllConnections();
  }
  try {
    await app$.stopBackgroundWork?.();
  } catch (error) {
    app$.logger.error('closing the database failed', { error });
  }
  app$.logger.info('stopped', { ms: Date.now() - started });
  process.exit(exitCode);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// A database or full-disk fault that surfaces outside any request (a connection dropped under a
// pool, a transaction being rolled back, a write stream) is logged and survived: the database is marked down and
// recovers by itself. Anything else unexpected leaves the process in an unknown state: drain
// and exit non-zero, so the supervisor starts a fresh one.
function unexpected(kind) {
  return (error) => {
    if (app$.isDatabaseUnavailable(error) || app$.isDiskFull(error)) {
      app$.logger.warn(`${kind}: database or disk fault outside a request`, { error });
      return;
    }
    app$.logger.error(`${kind}: stopping`, { error });
    void shutdown(kind, 1);
  };
}
process.on('unhandledRejection', unexpected('unhandledRejection'));
process.on('uncaughtException', unexpected('uncaughtException'));
