import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { RESOURCES } from "~/modules/i18n/i18n.server";

const BUILD = path.resolve(process.env.BUILD_DIR || "build", "server/index.js");
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  if (!fs.existsSync(BUILD)) throw new Error("No build: run `npm test` (it builds first) or `npm run build`.");
  const build = (await import(pathToFileURL(BUILD).href)) as ServerBuild;
  handle = createRequestHandler(build, "production");
});

function get(pathname: string, headers: Record<string, string> = {}) {
  return handle(new Request(`http://localhost${pathname}`, { headers }));
}

/** Every dotted UI key, to catch one reaching a page untranslated. */
function uiKeys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? uiKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`.replace(/_(zero|one|two|few|many|other)$/, "")],
  );
}
const KEYS = [...new Set(uiKeys(RESOURCES.en))];
const visibleText = (html: string) =>
  html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<style[\s\S]*?<\/style>/g, "").replace(/<[^>]+>/g, " ");

describe("language prefixes", () => {
  const cases = [
    ["/", "en", "ltr"],
    ["/zh", "zh-Hans", "ltr"],
    ["/fr", "fr", "ltr"],
    ["/ar", "ar", "rtl"],
    ["/pt", "pt", "ltr"],
    ["/sw", "sw", "ltr"],
  ] as const;
  for (const [pathname, lang, dir] of cases) {
    it(`${pathname} answers 200 with lang="${lang}" dir="${dir}" and no raw keys`, async () => {
      const res = await get(pathname, { Cookie: "lang=visited" });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}" dir="${dir}"`);
      expect(html).toMatch(/<link rel="canonical" href="http:\/\/localhost[^"]*"/);
      for (const tag of ["en", "zh-Hans", "fr", "ar", "pt", "sw", "x-default"]) expect(html).toContain(`hrefLang="${tag}"`);
      const text = visibleText(html);
      expect(KEYS.filter((k) => text.includes(k))).toEqual([]);
    });
  }

  it("answers 404 for an unknown prefix, and for /en (English has none)", async () => {
    expect((await get("/xx")).status).toBe(404);
    expect((await get("/xx/stores")).status).toBe(404);
    expect((await get("/en/stores")).status).toBe(404);
  });

  it("uses Accept-Language only on the first visit to /", async () => {
    const first = await get("/", { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5" });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/zh");
    expect(first.headers.get("Set-Cookie")).toMatch(/^lang=/);
    const again = await get("/", { "Accept-Language": "zh-CN", Cookie: "lang=visited" });
    expect(again.status).toBe(200);
    const elsewhere = await get("/stores", { "Accept-Language": "zh-CN" });
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.text()).toContain('<html lang="en"');
  });
});

describe("shopper pages", () => {
  it("lists stores and products, paginated", async () => {
    const stores = await get("/stores?page=2");
    expect(stores.status).toBe(200);
    expect(stores.headers.get("Cache-Control")).toContain("s-maxage");
    // Product lists page by keyset cursor: follow "next" to reach a page with "previous".
    const first = await (await get("/zh/products")).text();
    const next = /<a[^>]*href="([^"]+)"[^>]*rel="next"|rel="next"[^>]*href="([^"]+)"/.exec(first)!;
    const products = await get((next[1] ?? next[2]).replace(/&amp;/g, "&"));
    expect(products.status).toBe(200);
    const html = await products.text();
    expect(html).toContain('rel="prev"');
    expect(html).toMatch(/¥|CN¥|CNY/);
  });

  it("shows a store and a product in Arabic, prices isolated left-to-right", async () => {
    const list = await (await get("/stores")).text();
    const storeSlug = /href="\/stores\/([a-z0-9-]+)"/.exec(list)![1];
    const store = await get(`/ar/stores/${storeSlug}`);
    expect(store.status).toBe(200);
    const storeHtml = await store.text();
    const productSlug = /href="\/ar\/products\/([a-z0-9-]+)"/.exec(storeHtml)![1];
    const product = await get(`/ar/products/${productSlug}`);
    expect(product.status).toBe(200);
    const html = await product.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toMatch(/<bdi dir="ltr"[^>]*>[^<]*\d/);
  });

  it("answers a missing slug with a translated 404 page", async () => {
    const res = await get("/fr/products/no-such-thing");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain(String((RESOURCES.fr as { notFound: { title: string } }).notFound.title));
    expect((await get("/zh/stores/no-such-store")).status).toBe(404);
    expect((await get("/nothing/here/at/all")).status).toBe(404);
  });

  it("ignores malformed filters and page numbers instead of failing", async () => {
    expect((await get("/products?page=-4&category=%3Cscript%3E&country=zzz")).status).toBe(200);
    expect((await get("/stores?page=99999")).status).toBe(200);
  });

  it("serves generated art and a health check", async () => {
    const health = await get("/healthz");
    expect(health.status).toBe(200);
    const list = await (await get("/products")).text();
    const art = /src="(\/art\/products\/[a-z0-9-]+\.svg(?:\?kind=[a-z-]+)?)"/.exec(list)![1];
    const svg = await get(art);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("Content-Type")).toContain("image/svg+xml");
    expect((await svg.text()).startsWith("<svg")).toBe(true);
    expect((await get("/art/products/nope.svg")).status).toBe(404);
  });
});
