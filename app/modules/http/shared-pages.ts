/**
 * Shared pages: the anonymous shopper pages that are the same bytes for
 * everyone with the same URL (language and currency are in the URL), so a
 * CDN and the app's own page cache (page-cache.ts) may store them. They set
 * no cookie, vary on nothing but the encoding, and read nothing personal:
 * the cart count and the signed-in name reach the header after hydration
 * (app/routes/me.ts). See docs/decisions/0014-shared-pages-and-page-cache.md.
 */
import { splitLangPath } from "../i18n/config";

/** Paths (without the language prefix) of the shared pages. */
const SHARED_PATHS = [
  /^\/$/,
  /^\/festivals$/,
  /^\/festivals\/[^/]+$/,
  /^\/products$/,
  /^\/products\/[^/]+$/,
  /^\/stores$/,
  /^\/stores\/[^/]+$/,
  /^\/countries\/[^/]+$/,
  /^\/categories\/[^/]+$/,
  /^\/search$/,
  /^\/countries$/,
  // The trust pages: text that changes only with a release.
  /^\/(?:contact|shipping|returns|privacy)$/,
];

export function isSharedPage(pathname: string): boolean {
  const { rest } = splitLangPath(pathname);
  return SHARED_PATHS.some((pattern) => pattern.test(rest));
}

/**
 * The longest a shared page may be served from a cache, in seconds. Pages
 * with live counters are re-rendered every few seconds (and update the
 * counters in place from the live feed meanwhile); catalogue pages are
 * dropped at once when what they show changes, so they may live longer.
 * Documents (the trust pages) change only with a release, so an hour.
 * None ever outlives the next festival phase boundary or flash window:
 * the page cache caps every entry there (page-cache.ts).
 */
export const SHARED_PAGE_SECONDS = { liveCounters: 5, catalogue: 30, document: 3600 } as const;

/** How long a CDN may serve a stale copy while it refreshes, at most. */
const STALE_SECONDS = 600;

/**
 * Cache-Control for a shared page with `freshSeconds` left and the next
 * price change (a phase boundary or flash window) `untilChangeSeconds`
 * away: a stale copy is allowed only where it cannot cross that change.
 */
export function sharedCacheControl(freshSeconds: number, untilChangeSeconds = Infinity): string {
  const fresh = Math.max(0, Math.floor(Math.min(freshSeconds, untilChangeSeconds)));
  const stale = Math.max(0, Math.floor(Math.min(STALE_SECONDS, untilChangeSeconds - fresh)));
  return `public, max-age=0, s-maxage=${fresh}${stale > 0 ? `, stale-while-revalidate=${stale}` : ""}`;
}

/** A shared page route's `headers`: its longest lifetime; the page cache narrows it per response. */
export function sharedPageHeaders(seconds: number): Record<string, string> {
  return { "Cache-Control": sharedCacheControl(seconds) };
}

/** The lifetime a route asked for, read back from its Cache-Control (0 when it is not a shared page). */
export function sharedLifetimeSeconds(cacheControl: string | null): number {
  if (!cacheControl || !/\bpublic\b/.test(cacheControl)) return 0;
  const match = /\bs-maxage=(\d+)/.exec(cacheControl);
  return match ? Number(match[1]) : 0;
}
