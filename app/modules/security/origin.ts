/**
 * Cross-site request protection, pure: a state-changing request must come
 * from this site, judged by its Origin header (or, failing that, Referer).
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Routes that authenticate themselves (signed webhooks) and so skip the check. */
export const ORIGIN_EXEMPT_PREFIXES = ["/webhooks/"];

export function isCrossSiteRequest(input: {
  method: string;
  path: string;
  origin: string | null | undefined;
  referer: string | null | undefined;
  siteOrigins: readonly string[];
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (ORIGIN_EXEMPT_PREFIXES.some((p) => input.path.startsWith(p))) return false;
  const claimed = input.origin && input.origin !== "null" ? input.origin : originOf(input.referer);
  if (!claimed) return true; // no evidence it came from us: refuse
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
