/**
 * Security headers for every response, pure so they can be tested. Scripts
 * run only from this site or with the request's nonce (or, on a shared
 * page, their hashes); no other inline scripts. Inline styles stay allowed (React style attributes), scripts never.
 */
export interface HeaderOptions {
  nonce: string;
  /**
   * Shared pages (cached, the same bytes for everyone) carry no nonce: their
   * inline scripts are allowed by these hashes instead (app/modules/http/page-cache.ts).
   */
  scriptHashes?: readonly string[];
  production: boolean;
  /** Vite's dev server needs its websocket and inline preamble. */
  dev?: boolean;
}

export function contentSecurityPolicy({ nonce, scriptHashes, dev }: HeaderOptions): string {
  const scriptSources = scriptHashes ? scriptHashes.join(" ") : `'nonce-${nonce}'`;
  const directives = [
    "default-src 'self'",
    `script-src 'self'${scriptSources ? ` ${scriptSources}` : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // Checkout hands over to Stripe's hosted page by redirect after a form post.
    "form-action 'self' https://checkout.stripe.com",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
  ];
  return directives.join("; ");
}

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(self \"https://checkout.stripe.com\"), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (options.production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * Headers for the fingerprinted scripts and styles under /assets/. They are
 * not documents: a policy, framing or permissions header means nothing on
 * them, and on a first visit those were 600 bytes on each of about twenty
 * responses. What applies to a script stays: no type sniffing, HTTPS only.
 */
export function assetHeaders({ production }: Pick<HeaderOptions, "production">): Record<string, string> {
  const headers: Record<string, string> = { "X-Content-Type-Options": "nosniff" };
  if (production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** The build's scripts and styles (fingerprinted, immutable), which get `assetHeaders` instead of the document headers. */
export const isBuildScriptOrStyle = (path: string) => /^\/assets\/[^/]+\.(?:js|css)$/.test(path);
