/** Sitemap and robots: the same for everyone, kept for an hour at the edge. */
export const STATIC_DOC_HEADERS = { "Cache-Control": "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400" } as const;
