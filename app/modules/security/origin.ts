/**
 * Cross-site request protection, pure: a state-changing request must come
 * from this site, judged by its Origin header (or, failing that, Referer).
 * A form posted from a page sent with `Referrer-Policy: no-referrer` (the
 * pay and order pages, whose URLs carry a private key) arrives with
 * `Origin: null` and no Referer; there the browser's own
 * `Sec-Fetch-Site: same-origin` is the evidence. A browser never lets a page
 * set that header, and a non-browser client could set any header anyway.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Routes that authenticate themselves (signed webhooks) and so skip the check. */
export const ORIGIN_EXEMPT_PREFIXES = ["/webhooks/"];

export function isCrossSiteRequest(input: {
  method: string;
  path: string;
  origin: string | null | undefined;
  referer: string | null | undefined;
  secFetchSite?: string | null | undefined;
  siteOrigins: readonly string[];
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (ORIGIN_EXEMPT_PREFIXES.some((p) => input.path.startsWith(p))) return false;
  if (input.secFetchSite && input.secFetchSite !== "same-origin") return true;
  const claimed = input.origin && input.origin !== "null" ? input.origin : originOf(input.referer);
  if (!claimed) return input.secFetchSite !== "same-origin"; // no evidence it came from us: refuse
  return !input.siteOrigins.includes(claimed.toLowerCase());
}

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
