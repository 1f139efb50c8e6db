// What the HTTP server (server.js) hands to every loader and action.
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-request CSP nonce for inline scripts. */
    nonce: string;
    /** The client's address as the server sees it (X-Forwarded-For only with TRUST_PROXY). */
    clientIp: string;
  }
}

export {};
