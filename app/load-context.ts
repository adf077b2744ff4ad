/**
 * What the HTTP server hands every loader and action (scripts/server.ts):
 * the request's CSP nonce, the client's IP (for rate limits and audit) and
 * the request id (echoed as X-Request-Id, and on every log line).
 */
export interface ShowcaseLoadContext {
  cspNonce: string;
  ip: string;
  requestId: string;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends ShowcaseLoadContext {}
}
