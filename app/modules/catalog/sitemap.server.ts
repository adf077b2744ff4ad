/**
 * The sitemap: every public page in every language, each entry with its
 * hreflang alternates (xhtml:link). Past 50,000 URLs (the protocol's limit)
 * it becomes a sitemap index of parts.
 */
import { and, asc, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { LANG_TAGS, LANGS, localizePath } from "../i18n/config";
import { TRUST_PAGES } from "../trust/pages";

const MAX_URLS = 50_000;
export const PATHS_PER_PART = Math.floor(MAX_URLS / LANGS.length);

/** Every public page, unprefixed: home, lists, the trust pages, categories, pavilions, published festivals, live stores and their active products. */
export async function publicPaths(): Promise<string[]> {
  const { stores, products, categories, festivals } = schema;
  // A draft (or cancelled) festival is never public.
  const published = await db.select({ slug: festivals.slug }).from(festivals).where(eq(festivals.status, "published")).orderBy(asc(festivals.id));
  const liveStores = await db.select({ slug: stores.slug, country: stores.countryCode }).from(stores).where(eq(stores.status, "live")).orderBy(asc(stores.id));
  const activeProducts = await db
    .select({ slug: products.slug })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(and(eq(products.status, "active"), eq(stores.status, "live")))
    .orderBy(asc(products.id));
  const cats = await db.select({ slug: categories.slug }).from(categories).orderBy(asc(categories.sortOrder));
  const countries = [...new Set(liveStores.map((s) => s.country))].sort();
  return [
    "/",
    "/products",
    "/stores",
    "/festivals",
    "/countries",
    ...TRUST_PAGES.map((page) => `/${page}`),
    ...cats.map((c) => `/categories/${c.slug}`),
    ...countries.map((c) => `/countries/${c}`),
    ...published.map((f) => `/festivals/${f.slug}`),
    ...liveStores.map((s) => `/stores/${s.slug}`),
    ...activeProducts.map((p) => `/products/${p.slug}`),
  ];
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function urlsetXml(origin: string, paths: string[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const path of paths) {
    const alternates =
      LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${LANG_TAGS[l]}" href="${escape(origin + localizePath(path, l))}"/>`).join("") +
      `<xhtml:link rel="alternate" hreflang="x-default" href="${escape(origin + path)}"/>`;
    for (const lang of LANGS) out.push(`<url><loc>${escape(origin + localizePath(path, lang))}</loc>${alternates}</url>`);
  }
  out.push("</urlset>");
  return out.join("\n");
}

export function sitemapIndexXml(origin: string, parts: number): string {
  const items = Array.from({ length: parts }, (_, i) => `<sitemap><loc>${escape(`${origin}/sitemap.xml?part=${i + 1}`)}</loc></sitemap>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...items, "</sitemapindex>"].join("\n");
}
