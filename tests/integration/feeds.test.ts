/**
 * Product feeds for other platforms (issue 17, point 2), read as the
 * platforms read them: the Google feed with an XML parser, the CSV files with
 * a CSV parser, the JSON as JSON. Checked against the fields Google and Meta
 * publish as required, the price format per currency (minor-unit digits,
 * presentment rounding), festival prices only while the deal is live (moving
 * the app's test clock), escaping of names in every script, the owner's
 * opt-out, and the cache headers.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import { dealCandidates } from "~/modules/festivals/festivals.server";
import { presentMinor } from "~/modules/money/presentment";
import { unitPriceAt } from "~/modules/pricing/pricing";
import { latestRate } from "~/modules/money/rates.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { buyableProducts, dealProduct, regularProduct } from "./fixtures";
import { appHandler, Shopper } from "./http-client";

process.env.TEST_CLOCK = "1";
let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

type GoogleItem = Record<string, unknown> & { "g:shipping": Record<string, unknown> };

const get = (path: string, headers: Record<string, string> = {}) => handle(new Request(`http://localhost${path}`, { headers }));

// Text kept as text: ids like "srs-12" and prices like "12.00 USD" must not become numbers.
const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false });

async function googleFeed(lang: string, currency: string): Promise<{ rss: Record<string, unknown>; items: GoogleItem[] }> {
  const res = await get(`/feeds/google/${lang}/${currency}.xml`);
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
  const doc = xmlParser.parse(await res.text()) as { rss: Record<string, unknown> & { channel: { item: GoogleItem | GoogleItem[] } } };
  const items = doc.rss.channel.item;
  return { rss: doc.rss, items: Array.isArray(items) ? items : [items] };
}

async function csvFeed(kind: "meta" | "csv", lang: string, currency: string): Promise<Record<string, string>[]> {
  const res = await get(`/feeds/${kind}/${lang}/${currency}.csv`);
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  return parseCsv<Record<string, string>>(await res.text(), { columns: true, bom: true, skip_empty_lines: true });
}

async function jsonFeed(lang: string, currency: string) {
  const res = await get(`/feeds/json/${lang}/${currency}.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as { lang: string; currency: string; items: Record<string, string | number | null>[] };
}

async function liveProductIds(): Promise<string[]> {
  const rows = await db
    .select({ id: schema.products.id })
    .from(schema.products)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
    .where(and(eq(schema.products.status, "active"), eq(schema.stores.status, "live"), eq(schema.products.feedOptOut, false)))
    .orderBy(schema.products.id);
  return rows.map((r) => `srs-${r.id}`);
}

async function moveClock(form: Record<string, string>) {
  expect((await new Shopper().post("/test-clock", form, handle)).status).toBe(200);
}

const byId = <T extends Record<string, unknown>>(items: T[], key: string, id: string) => items.find((i) => i[key] === id);

describe("Google Merchant Center feed", () => {
  it("is RSS 2.0 in the g: namespace with Google's required fields for every live product", async () => {
    const { rss, items } = await googleFeed("en", "USD");
    expect(rss["@version"]).toBe("2.0");
    expect(rss["@xmlns:g"]).toBe("http://base.google.com/ns/1.0");
    expect(items.map((i) => i["g:id"])).toEqual(await liveProductIds());
    for (const item of items) {
      for (const field of ["g:id", "g:title", "g:description", "g:link", "g:image_link", "g:availability", "g:condition", "g:price", "g:brand"]) {
        expect(typeof item[field] === "string" && item[field] !== "", `${String(item["g:id"])} ${field}`).toBe(true);
      }
      expect(["in_stock", "out_of_stock", "preorder", "backorder"]).toContain(item["g:availability"]);
      expect(item["g:price"]).toMatch(/^\d+\.\d{2} USD$/);
      expect(String(item["g:title"]).length).toBeLessThanOrEqual(150);
      expect(String(item["g:description"]).length).toBeLessThanOrEqual(5000);
      const link = new URL(String(item["g:link"]));
      expect(link.pathname).toMatch(/^\/products\/[a-z0-9-]+$/);
      expect(link.searchParams.get("utm_source")).toBe("google");
      expect(link.searchParams.get("utm_medium")).toBe("product_feed");
      // Platforms take photos: seeded art is linked as PNG.
      expect(String(item["g:image_link"])).toMatch(/^http:\/\/localhost\/(art\/[^?]+\.png|uploads\/[^?]+\.webp)(\?|$)/);
      expect(item["g:shipping"]["g:country"]).toBe("NG");
      expect(item["g:shipping"]["g:price"]).toMatch(/^\d+\.\d{2} USD$/);
    }
    // Categories map to Google's taxonomy where one fits (coffee: 1868).
    expect(items.some((i) => i["g:google_product_category"] === "1868")).toBe(true);
    // Ids from Google's taxonomy (taxonomy-with-ids.en-US.txt, 2021-09-21) by our category, none where nothing fits.
    const byCategory = new Map(items.map((i) => [i["g:product_type"], i["g:google_product_category"]]));
    expect(Object.fromEntries([...byCategory].sort())).toEqual({
      art: "9",
      beauty: "2915",
      coffee: "1868",
      crafts: "696",
      foods: "422",
      home: "536",
      jewellery: "188",
      leather: undefined,
      skincare: "567",
      spices: "4608",
      tea: "2073",
      textiles: undefined,
    });
  });

  it("prices in each currency's own format and presentment rounding", async () => {
    const product = await regularProduct(1);
    const cases: [lang: string, currency: string, format: RegExp][] = [
      ["zh", "CNY", /^\d+\.00 CNY$/], // whole yuan, two minor digits
      ["sw", "KES", /^\d+\.00 KES$/], // whole shillings
      ["fr", "XOF", /^\d+ XOF$/], // no minor unit, steps of 5 francs
      ["fr", "EUR", /^\d+\.\d{2} EUR$/],
      ["ar", "NGN", /^\d+0\.00 NGN$/], // steps of 10 naira
    ];
    for (const [lang, currency, format] of cases) {
      const rate = (await latestRate(currency))!;
      const { items } = await googleFeed(lang, currency);
      for (const item of items) expect(item["g:price"], `${currency} ${String(item["g:id"])}`).toMatch(format);
      const item = byId(items, "g:id", `srs-${product.id}`)!;
      const minor = presentMinor(product.priceMinor, currency, rate.rateMicros);
      const expected = currency === "XOF" ? `${minor} XOF` : `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")} ${currency}`;
      expect(item["g:price"]).toBe(expected);
      if (currency === "XOF") expect(minor % 5).toBe(0);
      // The link lands on the product page in that language and currency.
      const link = new URL(String(item["g:link"]));
      expect(link.pathname).toBe(`/${lang}/products/${product.slug}`);
    }
  });

  it("shows the festival price and its window only while the deal is live", async () => {
    const deal = await dealProduct(1);
    const id = `srs-${deal.id}`;
    let item = byId((await googleFeed("en", "USD")).items, "g:id", id)!;
    expect(item["g:sale_price"]).toBe(`${Math.floor(deal.deal!.unitMinor / 100)}.${String(deal.deal!.unitMinor % 100).padStart(2, "0")} USD`);
    expect(item["g:price"]).toBe(`${Math.floor(deal.priceMinor / 100)}.${String(deal.priceMinor % 100).padStart(2, "0")} USD`);
    const range = String(item["g:sale_price_effective_date"]);
    expect(range).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    expect(range.length).toBeLessThanOrEqual(51);
    const [from, to] = range.split("/").map((s) => Date.parse(s));
    expect(from).toBeLessThanOrEqual(Date.now());
    expect(to).toBeGreaterThan(Date.now() - 60_000);
    // A regular product has no sale price.
    expect(byId((await googleFeed("en", "USD")).items, "g:id", `srs-${(await regularProduct(1)).id}`)!["g:sale_price"]).toBeUndefined();
    expect(byId(await csvFeed("meta", "en", "USD"), "id", id)!.sale_price).toBe(item["g:sale_price"]);

    await moveClock({ at: new Date(Date.now() + 400 * 24 * 3_600_000).toISOString() });
    try {
      item = byId((await googleFeed("en", "USD")).items, "g:id", id)!;
      expect(item["g:sale_price"]).toBeUndefined();
      expect(item["g:sale_price_effective_date"]).toBeUndefined();
      const meta = byId(await csvFeed("meta", "en", "USD"), "id", id)!;
      expect(meta.sale_price).toBe("");
      expect(meta.sale_price_effective_date).toBe("");
      expect(byId((await jsonFeed("en", "USD")).items, "id", id)!.sale_price).toBeNull();
    } finally {
      await moveClock({ reset: "1" });
    }
    expect(byId((await googleFeed("en", "USD")).items, "g:id", id)!["g:sale_price"]).toBeDefined();
  });
});

describe("Meta catalogue, plain CSV and JSON", () => {
  it("carry the same products with Meta's required columns", async () => {
    const ids = await liveProductIds();
    const meta = await csvFeed("meta", "ar", "USD");
    expect(meta.map((r) => r.id)).toEqual(ids);
    for (const row of meta) {
      for (const column of ["id", "title", "description", "availability", "condition", "price", "link", "image_link", "brand"]) {
        expect(row[column], `${row.id} ${column}`).not.toBe("");
      }
      expect(["in stock", "out of stock"]).toContain(row.availability);
      expect(row.condition).toBe("new");
      expect(row.price).toMatch(/^\d+\.\d{2} USD$/);
      expect(new URL(row.link).searchParams.get("utm_source")).toBe("meta");
      expect(row.shipping).toMatch(/^EG::Standard:\d+\.\d{2} USD$/);
    }
    const plain = await csvFeed("csv", "ar", "USD");
    expect(plain.map((r) => r.id)).toEqual(ids);
    expect(plain[0]).toMatchObject({ currency: "USD", availability: expect.stringMatching(/^(in|out_of)_stock$/) as unknown });
    expect(plain.every((r) => /^\d+\.\d{2}$/.test(r.price))).toBe(true);
    const json = await jsonFeed("ar", "USD");
    expect(json).toMatchObject({ lang: "ar", currency: "USD" });
    expect(json.items.map((i) => i.id)).toEqual(ids);
    // The same titles in every format (Arabic text, read back by each parser).
    const titles = (await googleFeed("ar", "USD")).items.map((i) => String(i["g:title"]));
    expect(meta.map((r) => r.title)).toEqual(titles);
    expect(plain.map((r) => r.title)).toEqual(titles);
    expect(json.items.map((i) => i.title)).toEqual(titles);
    expect(titles.some((t) => /[\u0600-\u06FF]/.test(t))).toBe(true);
  });

  it("escapes quotes, commas, newlines and markup in names and descriptions, in every format", async () => {
    const product = await regularProduct(1, 3);
    const name = `茶 "Chai", <b>&amp; 'شاي'</b>`;
    const description = `Line one, with "quotes"\nLine two: <script>x</script> & more\r\n=SUM(A1)`;
    await transact(db, async (tx) => {
      await tx
        .update(schema.productTranslations)
        .set({ name, description })
        .where(and(eq(schema.productTranslations.productId, product.id), eq(schema.productTranslations.lang, "zh")));
    });
    const id = `srs-${product.id}`;
    const google = byId((await googleFeed("zh", "CNY")).items, "g:id", id)!;
    expect(google["g:title"]).toBe(name);
    expect(String(google["g:description"]).replace(/\r\n/g, "\n")).toBe(description.replace(/\r\n/g, "\n"));
    const meta = byId(await csvFeed("meta", "zh", "CNY"), "id", id)!;
    expect(meta.title).toBe(name);
    expect(meta.description).toBe(description);
    const plain = byId(await csvFeed("csv", "zh", "CNY"), "id", id)!;
    expect(plain.title).toBe(name);
    const json = byId((await jsonFeed("zh", "CNY")).items, "id", id)!;
    expect(json.description).toBe(description);
  });

  it("leaves out a product its owner keeps out of the feeds", async () => {
    const product = await regularProduct(1, 4);
    const id = `srs-${product.id}`;
    expect(byId((await googleFeed("pt", "USD")).items, "g:id", id)).toBeDefined();
    await transact(db, async (tx) => {
      await tx.update(schema.products).set({ feedOptOut: true }).where(eq(schema.products.id, product.id));
    });
    expect(byId((await googleFeed("pt", "USD")).items, "g:id", id)).toBeUndefined();
    expect(byId(await csvFeed("meta", "pt", "USD"), "id", id)).toBeUndefined();
    expect(byId(await csvFeed("csv", "pt", "USD"), "id", id)).toBeUndefined();
    expect(byId((await jsonFeed("pt", "USD")).items, "id", id)).toBeUndefined();
    // Still on sale in the shop itself.
    expect((await get(`/pt/products/${product.slug}`)).status).toBe(200);
  });
});

describe("the owner's product form", () => {
  it("keeps a product out of the feeds with a checkbox, and puts it back when unticked", async () => {
    const [product] = await db
      .select({ id: schema.products.id, store: schema.stores.slug })
      .from(schema.products)
      .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
      .innerJoin(schema.users, eq(schema.users.id, schema.stores.ownerId))
      .where(and(eq(schema.users.email, "kwame@silkroad.example"), eq(schema.products.status, "active"), eq(schema.stores.status, "live")))
      .limit(1);
    const id = `srs-${product.id}`;
    const owner = new Shopper();
    expect((await owner.post("/login", { email: "kwame@silkroad.example", password: DEMO_PASSWORDS.owner }, handle)).status).toBe(302);
    const editPath = `/fr/dashboard/stores/${product.store}/products/${product.id}`;
    const page = await (await owner.get(editPath, handle)).text();
    expect(page).toContain("Ne pas inclure ce produit dans les flux produits");
    // The form as it stands, as a browser sends it (every filled field), with the box ticked or not.
    const fields: Record<string, string> = {};
    const form = /<form[^>]*class="form-card owner-form"[\s\S]*?<\/form>/.exec(page)![0];
    for (const m of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[m[1]] = m[2];
    for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[m[1]] = m[2];
    for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<option[^>]*value="([^"]+)"[^>]*selected/g)) fields[m[1]] = m[2];
    const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, decode(v)]));
    delete values.feedOptOut;
    expect((await owner.post(editPath, { ...values, feedOptOut: "on" }, handle)).status).toBe(302);
    expect((await db.select({ out: schema.products.feedOptOut }).from(schema.products).where(eq(schema.products.id, product.id)))[0].out).toBe(true);
    expect(byId((await googleFeed("fr", "EUR")).items, "g:id", id)).toBeUndefined();
    expect(await (await owner.get(editPath, handle)).text()).toMatch(/<input[^>]*name="feedOptOut"[^>]*checked/);
    expect((await owner.post(editPath, values, handle)).status).toBe(302);
    expect(byId((await googleFeed("fr", "EUR")).items, "g:id", id)).toBeDefined();
  });
});

describe("kept between requests", () => {
  const built = async (path: string) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { generated_at: string; items: Record<string, string | number | null>[] };
    return { etag: res.headers.get("ETag")!, generatedAt: body.generated_at, items: body.items, lastModified: res.headers.get("Last-Modified") };
  };

  it("serves the same build until a price changes, per platform, language and currency", async () => {
    const first = await built("/feeds/json/fr/USD.json");
    // Built once: the same generation instant and bytes however often it is asked for, with a 304 on its ETag.
    const again = await built("/feeds/json/fr/USD.json");
    expect(again).toEqual(first);
    expect(new Date(first.lastModified!).getTime()).toBe(Math.floor(Date.parse(first.generatedAt) / 1000) * 1000);
    expect((await get("/feeds/json/fr/USD.json", { "If-None-Match": first.etag })).status).toBe(304);
    // Another currency or language is a feed of its own.
    expect((await built("/feeds/json/fr/KES.json")).items[0].currency).toBe("KES");
    expect((await built("/feeds/json/fr/USD.json")).generatedAt).toBe(first.generatedAt);

    // An owner's new price (any write a feed shows moves the content version): built again, with it.
    const product = await regularProduct(1, 3);
    await transact(db, (tx) => tx.update(schema.products).set({ priceMinor: product.priceMinor + 700 }).where(eq(schema.products.id, product.id)));
    const changed = await built("/feeds/json/fr/USD.json");
    expect(changed.generatedAt).not.toBe(first.generatedAt);
    expect(changed.etag).not.toBe(first.etag);
    expect(changed.items.find((i) => i.id === `srs-${product.id}`)!.price).toBe(((product.priceMinor + 700) / 100).toFixed(2));
    expect((await get("/feeds/json/fr/USD.json", { "If-None-Match": first.etag })).status).toBe(200);
  });

  it("is built again when a deal starts, with nothing written: the next price change bounds it", async () => {
    // A product whose deal is not live now but will be once its sale phase (or flash window) starts.
    const now = Date.now();
    const products = await buyableProducts(now);
    const candidates = await dealCandidates(products.map((p) => p.id));
    const starts = products.flatMap((p) => {
      const deals = candidates.get(p.id) ?? [];
      if (unitPriceAt(p.priceMinor, deals, now).deal) return [];
      return deals
        .flatMap((d) => [d.flashStartsAt, ...d.phases.filter((ph) => ph.kind === "sale").map((ph) => ph.startsAt)])
        .filter((t): t is number => t !== null && t > now && unitPriceAt(p.priceMinor, deals, t + 1).deal !== null)
        .map((startsAt) => ({ product: p, startsAt }));
    });
    expect(starts.length).toBeGreaterThan(0);
    const { product, startsAt } = starts.sort((a, b) => a.startsAt - b.startsAt)[0];
    const item = async () => {
      const feed = await built("/feeds/json/en/USD.json");
      return { generatedAt: Date.parse(feed.generatedAt), salePrice: feed.items.find((i) => i.id === `srs-${product.id}`)!.sale_price };
    };
    try {
      // Moving the test clock moves the content version (its own rule), so the clock is set a few seconds before
      // the deal starts and then left to run into it: across the start, only the price window can end the entry.
      let before = { generatedAt: Infinity, salePrice: null as unknown };
      // The app's clock minus this process's, at least (the server set its offset before this process read its own clock).
      let offset = 0;
      for (let attempt = 0; attempt < 3 && !(before.generatedAt < startsAt); attempt++) {
        await moveClock({ at: new Date(startsAt - 4_000).toISOString() });
        offset = startsAt - 4_000 - Date.now();
        before = await item();
      }
      expect(before.generatedAt).toBeLessThan(startsAt);
      expect(before.salePrice).toBeNull();
      const stillBefore = await item();
      if (stillBefore.generatedAt < startsAt) expect(stillBefore).toEqual(before);
      // Wait for the app's clock to pass the start (no write in between).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt - (Date.now() + offset)) + 50));
      const after = await item();
      expect(after.generatedAt).toBeGreaterThanOrEqual(startsAt);
      expect(after.salePrice).not.toBeNull();
    } finally {
      await moveClock({ reset: "1" });
    }
  });
});

describe("serving", () => {
  it("sends public cache headers and an ETag, and answers If-None-Match with 304", async () => {
    const first = await get("/feeds/meta/sw/KES.csv");
    expect(first.status).toBe(200);
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.get("Cache-Control")).toMatch(/^public, max-age=0, s-maxage=\d+/);
    expect(first.headers.get("Set-Cookie")).toBeNull();
    const again = await get("/feeds/meta/sw/KES.csv", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(await again.text()).toBe("");
    expect((await get("/feeds/meta/sw/KES.csv", { "If-None-Match": '"something-else"' })).status).toBe(200);
  });

  it("answers 404 for an unknown platform, language, currency or extension", async () => {
    for (const path of ["/feeds/amazon/en/USD.xml", "/feeds/google/de/USD.xml", "/feeds/google/en/JPY.xml", "/feeds/google/en/USD.csv", "/feeds/json/en/usd.json"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it("serves seeded art as PNG for the platforms", async () => {
    const { items } = await googleFeed("en", "USD");
    const image = new URL(String(items[0]["g:image_link"]));
    const res = await get(image.pathname + image.search);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
