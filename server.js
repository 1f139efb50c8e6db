// The HTTP server: security headers on every response (pages, files, 404s), the Origin check
// on every write, static files, then Remix. See docs/decisions/005-express-server.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { broadcastDevReady, installGlobals } from '@remix-run/node';
import express from 'express';

installGlobals({ nativeFetch: true });

const production = process.env.NODE_ENV === 'production';
// HSTS and upgrade-insecure-requests only where the public address is HTTPS (see env.server.ts).
const httpsDeployment = production && (process.env.APP_ORIGIN ?? '').startsWith('https://');
const BUILD_PATH = path.resolve('build/index.js');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

let build = await import(url.pathToFileURL(BUILD_PATH).href);
let buildStamp = fs.statSync(BUILD_PATH).mtimeMs;
let handler = requestHandlerFor(build);

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

/** Cross-site request forgery: a write must come from a page of this very site. */
function originCheck(req, res, next) {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get('Origin');
  const expected = process.env.APP_ORIGIN ?? `${req.protocol}://${req.get('Host')}`;
  if (origin && origin === expected) return next();
  res.status(403).type('text/plain').send('Forbidden: cross-origin request');
}

const app = express();
app.disable('x-powered-by');
if (process.env.TRUST_PROXY === 'true') app.set('trust proxy', true);
app.use(securityHeaders);
app.use(originCheck);
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y', fallthrough: true }));
app.use(express.static('public', { maxAge: '1h', index: false }));
app.all('*', async (req, res, next) => {
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
    `Tukiverkko listening on http://localhost:${port} (${production ? 'production' : 'development'})`,
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
