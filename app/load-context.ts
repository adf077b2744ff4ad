/**
 * What the HTTP server hands every loader and action (scripts/server.ts):
 * the request's CSP nonce and the client's IP (for rate limits and audit).
 */
export interface ShowcaseLoadContext {
  cspNonce: string;
  ip: string;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends ShowcaseLoadContext {}
}
