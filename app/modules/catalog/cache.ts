/**
 * Cache headers for public catalogue pages: a CDN may serve a page for a
 * minute and a stale copy for ten while it refreshes (festival peaks). The
 * page depends on the URL (language, filters) and on the `currency` cookie,
 * hence Vary: Cookie. Browsers always revalidate (max-age=0).
 */
export const CATALOG_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";
export const CATALOG_HEADERS = { "Cache-Control": CATALOG_CACHE_CONTROL, Vary: "Cookie" } as const;
/** Sitemap and robots: the same for everyone, kept for an hour at the edge. */
export const STATIC_DOC_HEADERS = { "Cache-Control": "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400" } as const;
