/**
 * Where to send someone back to after signing in or switching currency: a
 * path on this site, or the fallback. Never throws, and what it returns is
 * always safe for a `Location` header (printable ASCII, percent-encoded).
 *
 * Browsers forgive a lot in a Location: they drop tabs and line breaks, read
 * "\" as "/", and resolve "/./" and "%2e%2e" segments, so "/\t/evil.example",
 * "/\\evil.example" and "/.//evil.example" all lead off-site. So the check is
 * made on what a browser would resolve, not on the string as given: refuse
 * controls and backslashes outright (raw or percent-encoded in the path),
 * resolve the rest against a fixed origin, keep it only if the origin is
 * unchanged, and check the serialised result once more.
 */
const BASE = "https://site.invalid";
const MAX_LENGTH = 2048;
// eslint-disable-next-line no-control-regex -- finding control characters is the point: a path with one is refused.
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;
const LOCATION_SAFE = /^\/(?:[^/\\][\x21-\x7e]*)?$/;

export function safeRedirect(to: unknown, fallback: string): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || CONTROL_OR_BACKSLASH.test(to)) return fallback;
  const path = to.split(/[?#]/, 1)[0];
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return fallback;
  }
  if (decodedPath.startsWith("//") || CONTROL_OR_BACKSLASH.test(decodedPath)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // pathname, search and hash come back percent-encoded (UTF-8), so "咖啡" becomes "%E5%92%96%E5%95%A1".
  const result = `${url.pathname}${url.search}${url.hash}`;
  return LOCATION_SAFE.test(result) ? result : fallback;
}
