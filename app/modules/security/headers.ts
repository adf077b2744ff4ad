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
