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
const { production, origin, port, host } = config;
// HSTS and upgrade-insecure-requests only where the public address is HTTPS.
const httpsDeployment = config.https;

function requestHandlerFor(serverBuild) {
  return createRequestHandler({
    build: serverBuild,
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

function securityHeaders(req, res, next) {
  const nonce = crypto.randomBytes(16).toString('base64');
  res.locals.nonce = nonce;
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
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

/**
 * Cross-site request forgery: a write must come from a page of this very site. The site is
 * the configured origin, never the request's own Host header, which a client can forge.
 */
function originCheck(req, res, next) {
  if (SAFE_METHODS.has(req.method)) return next();
  if (req.get('Origin') === origin) return next();
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

const app = express();
app.disable('x-powered-by');
if (config.trustProxy) app.set('trust proxy', true);
app.use(securityHeaders);
app.use(knownMethods);
app.use(originCheck);
app.use(publicHost);
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y', fallthrough: true }));
app.use(express.static('public', { maxAge: '1h', index: false }));
app.all('*', noStoreByDefault, async (req, res, next) => {
  try {
    await (
      await currentHandler()
    )(req, res, next);
  } catch (error) {
    next(error);
  }
});
// Last resort: never show a stack trace in production.
app.use((error, req, res, _next) => {
  console.error(error);
  res
    .status(500)
    .type('text/plain')
    .send(production ? 'Internal Server Error' : String(error?.stack ?? error));
});

build.entry.module.startBackgroundWork?.();

const server = app.listen(port, host, () => {
  console.log(
    `Tukiverkko listening on ${host}:${port}, public address ${origin} (${production ? 'production' : 'development'})`,
  );
  if (!production) broadcastDevReady(build);
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests and closing the database`);
  server.close();
  await build.entry.module.stopBackgroundWork?.();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
