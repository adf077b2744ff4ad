/**
 * The sitemap and the product pages' JSON-LD, read from the built app through
 * Remix's request handler (the one scripts/server.ts mounts), on this file's
 * private copy of the seeded database. Also: the benchmark's bare route is a
 * 404 unless the bench turned it on.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { sql, type SQL } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "~/db.server";
import { LANG_TAGS, LANGS, localizePath } from "~/modules/i18n/config";
import { writeRows } from "./fixtures";

const BUILD = path.resolve(process.env.BUILD_DIR || "build", "server/index.js");
const ORIGIN = "http://localhost";
const NONCE = "dGVzdC1ub25jZS0xMjM0NTY=";
let handle: (request: Request, context?: AppLoadContext) => Promise<Response>;

beforeAll(async () => {
  if (!fs.existsSync(BUILD)) throw new Error("No build: run `npm test` (it builds first) or `npm run build`.");
  const build = (await import(pathToFileURL(BUILD).href)) as ServerBuild;
  handle = createRequestHandler(build, "production");
});

/** What the server hands every request (scripts/server.ts → getLoadContext). */
const get = (pathname: string, headers: Record<string, string> = {}) =>
  handle(new Request(`${ORIGIN}${pathname}`, { headers }), { cspNonce: NONCE, ip: "127.0.0.1", requestId: "seo-structured-test" });

/** Straight from the database (either engine), not through the app's queries. */
const select = <T,>(query: SQL) => rows<T>(db, query);

const asArray = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

interface XLink {
  "@_rel": string;
  "@_hreflang": string;
  "@_href": string;
}
interface XUrl {
  loc: string;
  "xhtml:link": XLink[];
}

/** Fetches the sitemap (following a sitemap index, should the catalogue outgrow one file), checking each document is well-formed. */
async function sitemapUrls(): Promise<XUrl[]> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, isArray: (name) => ["url", "xhtml:link", "sitemap"].includes(name) });
  const fetchXml = async (pathname: string) => {
    const res = await get(pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/xml/);
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
    return parser.parse(xml) as { urlset?: { "@_xmlns": string; "@_xmlns:xhtml": string; url: XUrl[] }; sitemapindex?: { sitemap: { loc: string }[] } };
  };
  const doc = await fetchXml("/sitemap.xml");
  const parts = doc.sitemapindex ? doc.sitemapindex.sitemap.map((s) => new URL(s.loc).pathname + new URL(s.loc).search) : null;
  const docs = parts ? await Promise.all(parts.map(fetchXml)) : [doc];
  return docs.flatMap((d) => {
    expect(d.urlset?.["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(d.urlset?.["@_xmlns:xhtml"]).toBe("http://www.w3.org/1999/xhtml");
    return asArray(d.urlset?.url);
  });
}

describe("/sitemap.xml", () => {
  it("is well-formed XML listing every live store and listed product in all six languages, with hreflang alternates and x-default", async () => {
    // One product of a live store taken off sale: it must leave the sitemap.
    const [hidden] = await select<{ id: number; slug: string }>(
      sql`SELECT p.id, p.slug FROM products p JOIN stores s ON s.id = p.store_id WHERE s.status = 'live' AND p.status = 'active' ORDER BY p.id LIMIT 1`,
    );
    await writeRows(db, sql`UPDATE products SET status = 'draft' WHERE id = ${hidden.id}`);

    const urls = await sitemapUrls();
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length); // no duplicates

    const liveStores = await select<{ slug: string }>(sql`SELECT slug FROM stores WHERE status = 'live'`);
    const otherStores = await select<{ slug: string }>(sql`SELECT slug FROM stores WHERE status <> 'live'`);
    const listed = await select<{ slug: string }>(sql`SELECT p.slug FROM products p JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live'`);
    const unlisted = await select<{ slug: string }>(sql`SELECT p.slug FROM products p JOIN stores s ON s.id = p.store_id WHERE NOT (p.status = 'active' AND s.status = 'live')`);
    expect(liveStores.length).toBeGreaterThan(50);
    expect(listed.length).toBeGreaterThan(500);
    expect(otherStores.length).toBeGreaterThan(0); // the seed leaves some awaiting review
    expect(unlisted.map((p) => p.slug)).toContain(hidden.slug);

    const expected = [...liveStores.map((s) => `/stores/${s.slug}`), ...listed.map((p) => `/products/${p.slug}`), "/", "/products", "/stores"];
    const byLoc = new Map(urls.map((u) => [u.loc, u]));
    const missing: string[] = [];
    for (const pagePath of expected) {
      const localized = LANGS.map((lang) => `${ORIGIN}${localizePath(pagePath, lang)}`);
      const wantedAlternates = [...LANGS.map((lang, i) => `${LANG_TAGS[lang]} ${localized[i]}`), `x-default ${ORIGIN}${pagePath}`].sort();
      for (const loc of localized) {
        const url = byLoc.get(loc);
        if (!url) {
          missing.push(loc);
          continue;
        }
        const links = url["xhtml:link"];
        expect(links.every((l) => l["@_rel"] === "alternate")).toBe(true);
        expect(links.map((l) => `${l["@_hreflang"]} ${l["@_href"]}`).sort()).toEqual(wantedAlternates);
      }
    }
    expect(missing).toEqual([]);

    // Nothing that is not public: no pending store, no product off sale or of a pending store.
    const leaked = [...otherStores.map((s) => `/stores/${s.slug}`), ...unlisted.map((p) => `/products/${p.slug}`)].filter((p) =>
      LANGS.some((lang) => byLoc.has(`${ORIGIN}${localizePath(p, lang)}`)),
    );
    expect(leaked).toEqual([]);
    // Every entry is one of the site's pages in one of its languages.
    expect(locs.every((l) => l.startsWith(`${ORIGIN}/`))).toBe(true);
    expect(urls.every((u) => u["xhtml:link"].length === LANGS.length + 1)).toBe(true);
  });
});

/** Every JSON-LD node on a page: the scripts parsed, arrays and @graph flattened. */
/** The parts of a Product node these tests read. */
interface ProductLd {
  "@context": string;
  name: string;
  brand: unknown;
  offers: { "@type": string; price: string; priceCurrency: string; availability: string; seller: unknown };
}

function jsonLdNodes(html: string): { nodes: Record<string, unknown>[]; scripts: string[] } {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => /\btype="application\/ld\+json"/.test(m[1]));
  const nodes = scripts.flatMap((m) => {
    const data = JSON.parse(m[2]) as unknown;
    return asArray(data as Record<string, unknown> | Record<string, unknown>[]).flatMap((n) => (Array.isArray(n["@graph"]) ? (n["@graph"] as Record<string, unknown>[]) : [n]));
  });
  return { nodes, scripts: scripts.map((m) => m[1]) };
}

describe("product page JSON-LD", () => {
  const cases = [
    ["", "USD", "en"],
    ["/zh", "CNY", "zh"],
    ["/ar", "USD", "ar"],
  ] as const;
  for (const [prefix, currency, lang] of cases) {
    it(`${prefix || "/"}: Product with Offer (price, currency, availability), BreadcrumbList, the store as brand and seller`, async () => {
      const [row] = await select<{ slug: string; stock: number; store: string; storeSlug: string }>(
        sql`SELECT p.slug, p.stock, coalesce(t.name, e.name) AS store, s.slug AS "storeSlug" FROM products p JOIN stores s ON s.id = p.store_id
           LEFT JOIN store_translations t ON t.store_id = s.id AND t.lang = ${lang} JOIN store_translations e ON e.store_id = s.id AND e.lang = 'en'
         WHERE p.status = 'active' AND s.status = 'live' AND p.stock = 0 ORDER BY p.id LIMIT 1`,
      );
      expect(row).toBeDefined(); // an out-of-stock product, so availability is worth checking
      const res = await get(`${prefix}/products/${row.slug}`, { Cookie: "lang=visited" });
      expect(res.status).toBe(200);
      const html = await res.text();
      const { nodes, scripts } = jsonLdNodes(html);
      expect(scripts.length).toBeGreaterThan(0);
      // Data, not script: a non-executable type, and it carries the request's CSP nonce all the same.
      for (const attrs of scripts) expect(attrs).toContain(`nonce="${NONCE}"`);

      const product = nodes.find((n) => n["@type"] === "Product") as ProductLd | undefined;
      if (!product) throw new Error("no Product node");
      expect(product["@context"]).toBe("https://schema.org");
      expect(typeof product.name).toBe("string");
      expect(product.name.length).toBeGreaterThan(0);
      expect(product.offers["@type"]).toBe("Offer");
      expect(product.offers.price).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(product.offers.price)).toBeGreaterThan(0);
      expect(product.offers.priceCurrency).toBe(currency);
      expect(product.offers.availability).toBe(row.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");
      expect(product.brand).toMatchObject({ "@type": "Brand", name: row.store });
      expect(product.offers.seller).toMatchObject({ "@type": "Organization", name: row.store, url: `${ORIGIN}${localizePath(`/stores/${row.storeSlug}`, lang)}` });

      const crumbs = nodes.find((n) => n["@type"] === "BreadcrumbList");
      expect(crumbs).toBeDefined();
      const items = crumbs?.itemListElement as { "@type": string; position: number; name: string; item: string }[];
      expect(items.length).toBeGreaterThanOrEqual(3);
      expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
      expect(items.every((i) => i["@type"] === "ListItem" && i.name && i.item.startsWith(ORIGIN))).toBe(true);
      expect(items.at(-1)!.item).toBe(`${ORIGIN}${localizePath(`/products/${row.slug}`, lang)}`);
    });
  }

  it("an in-stock product says InStock", async () => {
    const [row] = await select<{ slug: string }>(sql`SELECT p.slug FROM products p JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live' AND p.stock > 0 ORDER BY p.id LIMIT 1`);
    const { nodes } = jsonLdNodes(await (await get(`/products/${row.slug}`)).text());
    expect((nodes.find((n) => n["@type"] === "Product") as ProductLd | undefined)?.offers.availability).toBe("https://schema.org/InStock");
  });
});

describe("the benchmark's bare route", () => {
  it("is a 404 unless the bench turned it on", async () => {
    expect(process.env.BENCH_BARE_ROUTE).toBeUndefined();
    for (const url of ["/bench-bare?view=products", "/bench-bare?view=search&q=coffee", "/bench-bare/products"]) {
      expect((await get(url)).status).toBe(404);
    }
  });
});
