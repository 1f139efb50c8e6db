/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // The generated Prisma client is TypeScript inside app/; everything else in node_modules
  // stays external to the server build.
  watchPaths: ['locales/**/*.json'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off on purpose: measured, discovery costs each page ~16 % more server CPU (route matching
    // for the inlined partial manifest) and 3.5 KB of HTML, to save a 4 KB manifest file the
    // browser caches for good. docs/decisions/017-round-trips-and-processes.md
    v3_lazyRouteDiscovery: false,
  },
};
