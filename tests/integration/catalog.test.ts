/**
 * The catalogue's read side against a real seeded database: every filter and
 * sort returns exactly the rows a direct query gives, keyset pages walk the
 * whole list once, and search finds the seeded products in every script.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { browseProducts, type ProductFilter } from "~/modules/catalog/browse.server";
import { productListParams, type ProductListParams } from "~/modules/catalog/params";
import { dealCandidates } from "~/modules/festivals/festivals.server";
import { dealApplies } from "~/modules/pricing/pricing";
import { parseQuery } from "~/modules/search/query";
import { namesFor, searchIds } from "~/modules/search/search.server";

const NOW = Date.now();
const { products, stores, categories } = schema;
const ALL = (
  await db
    .select({ id: products.id, price: products.priceMinor, createdAt: products.createdAt, category: categories.slug, country: stores.countryCode, store: stores.slug })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.status, "active"), eq(stores.status, "live")))
).map(({ createdAt, ...r }) => ({ ...r, created: createdAt.getTime() }));

const deals = await dealCandidates(ALL.map((r) => r.id));
const onDeal = new Set(ALL.filter((r) => (deals.get(r.id) ?? []).some((d) => dealApplies(d, NOW))).map((r) => r.id));

function expected(f: ProductFilter, sort: "newest" | "price_asc" | "price_desc"): number[] {
  return ALL.filter(
    (r) =>
      (!f.category || r.category === f.category) &&
      (!f.country || r.country === f.country) &&
      (!f.store || r.store === f.store) &&
      (f.minBase === undefined || r.price >= f.minBase) &&
      (f.maxBase === undefined || r.price <= f.maxBase) &&
      (!f.deal || onDeal.has(r.id)),
  )
    .sort((a, b) =>
      sort === "newest" ? b.created - a.created || b.id - a.id : sort === "price_asc" ? a.price - b.price || a.id - b.id : b.price - a.price || b.id - a.id,
    )
    .map((r) => r.id);
}

function params(sort: ProductListParams["sort"], extra: Partial<ProductListParams> = {}): ProductListParams {
  return { q: "", deal: false, sort, page: 1, ...extra };
}

/** Walks every keyset page forward, then back again, and returns the ids in order. */
async function walk(f: ProductFilter, sort: "newest" | "price_asc" | "price_desc", perPage = 7) {
  const forward: number[] = [];
  let p = params(sort, f);
  const cursors: string[] = [];
  for (let i = 0; i < 500; i++) {
    const r = await browseProducts("en", p, f, perPage, NOW);
    forward.push(...r.items.map((x) => x.id));
    if (r.prev) cursors.push(r.prev);
    if (!r.next) break;
    const [value, id] = r.next.split("_").map(Number);
    p = { ...p, after: { value, id }, before: undefined };
  }
  // One step back from the last page gives the page before it.
  let back: number[] = [];
  if (cursors.length) {
    const [value, id] = cursors[cursors.length - 1].split("_").map(Number);
    back = (await browseProducts("en", { ...params(sort, f), before: { value, id } }, f, perPage, NOW)).items.map((x) => x.id);
  }
  return { forward, back, total: (await browseProducts("en", params(sort, f), f, perPage, NOW)).facets.total };
}

describe("product filters and sorts", () => {
  const someStore = ALL[0].store;
  const cases: [string, ProductFilter][] = [
    ["no filter", {}],
    ["category", { category: "coffee" }],
    ["country", { country: "KE" }],
    ["store", { store: someStore }],
    ["price range", { minBase: 1000, maxBase: 3000 }],
    ["festival deal now", { deal: true }],
    ["everything at once", { category: "coffee", country: "ET", minBase: 500, maxBase: 10_000 }],
  ];
  for (const [name, f] of cases) {
    for (const sort of ["newest", "price_asc", "price_desc"] as const) {
      it(`${name}, ${sort}: keyset pages give exactly the matching rows, in order`, async () => {
        const want = expected(f, sort);
        const { forward, back, total } = await walk(f, sort, name === "no filter" ? 97 : 7);
        expect(forward).toEqual(want);
        expect(total).toBe(want.length);
        if (back.length) {
          const perPage = name === "no filter" ? 97 : 7;
          const lastPageStart = Math.floor((want.length - 1) / perPage) * perPage;
          expect(back).toEqual(want.slice(lastPageStart - perPage, lastPageStart));
        }
      });
    }
  }

  it("has deals on now in the seed, so the deal filter is tested on real rows", () => {
    expect(onDeal.size).toBeGreaterThan(0);
  });

  it("counts facets under the other filters", async () => {
    const f: ProductFilter = { country: "KE" };
    const r = await browseProducts("en", params("newest", f), f, 10, NOW);
    const want = new Map<string, number>();
    for (const row of ALL.filter((x) => x.country === "KE")) want.set(row.category, (want.get(row.category) ?? 0) + 1);
    expect(new Map(r.facets.categories.map((c) => [c.slug, c.count]))).toEqual(want);
    // The country facet ignores the country filter itself, so other countries stay choosable.
    expect(r.facets.countries.length).toBeGreaterThan(40);
  });

  it("parses URL parameters without ever throwing", () => {
    const p = productListParams(new URL("http://x/products?category=%3Cb%3E&country=ke&min=abc&max=20&sort=nope&after=1_2&deal=yes&page=-3"));
    expect(p).toMatchObject({ category: undefined, country: "KE", min: undefined, max: 20, sort: "newest", deal: false, page: 1, after: { value: 1, id: 2 } });
    expect(productListParams(new URL("http://x/products?min=50&max=10"))).toMatchObject({ min: 10, max: 50 });
  });
});

describe("search in every language", () => {
  const ids = async (kind: "product" | "store", q: string) => (await searchIds(kind, parseQuery(q))).ids;
  const names = async (q: string, lang = "en") => (await namesFor("product", await ids("product", q), lang)).map((p) => p.name);

  it("finds coffee with 咖啡 and tea with 茶 (one and two Chinese characters)", async () => {
    const coffee = await names("咖啡", "zh");
    expect(coffee.length).toBeGreaterThan(10);
    // Names first: products only mentioning coffee in their description rank below.
    expect(coffee.slice(0, 10).every((n) => n.includes("咖啡"))).toBe(true);
    const tea = await names("茶", "zh");
    expect(tea.length).toBeGreaterThan(10);
    expect(tea.slice(0, 10).every((n) => n.includes("茶"))).toBe(true);
    expect((await names("埃塞俄比亚", "zh")).length).toBeGreaterThan(0);
  });

  it("matches café and cafe alike", async () => {
    const withAccent = await ids("product", "café");
    const without = await ids("product", "cafe");
    expect(withAccent.length).toBeGreaterThan(0);
    expect(new Set(without)).toEqual(new Set(withAccent));
    expect((await names("cafe", "fr")).some((n) => /café/i.test(n))).toBe(true);
  });

  it("finds Arabic with and without diacritics", async () => {
    const plain = await ids("product", "قهوة");
    const voweled = await ids("product", "قَهْوَة");
    expect(plain.length).toBeGreaterThan(0);
    expect(voweled).toEqual(plain);
    expect((await names("قهوة", "ar")).some((n) => n.includes("قهوة"))).toBe(true);
  });

  it("finds Portuguese words, accents or not", async () => {
    const oleo = await names("óleo de argão", "pt");
    expect(oleo.length).toBeGreaterThan(0);
    expect(await names("oleo argao", "pt")).toEqual(oleo);
  });

  it("finds stores by name", async () => {
    expect((await searchIds("store", parseQuery("coffee"))).total).toBeGreaterThan(0);
  });

  it("handles empty, 500-character and malformed queries", async () => {
    expect(await ids("product", "")).toEqual([]);
    expect(await ids("product", "é".repeat(500))).toEqual([]);
    for (const q of ['"', "(", "*", "AND", "coffee OR", "NEAR(", "^x", "{a}: b", "\u0000", "'; DROP TABLE products; --"]) {
      await expect(searchIds("product", parseQuery(q))).resolves.toBeDefined();
    }
  });

  it("ranks products whose name matches above those that only mention it", async () => {
    const top = (await names("coffee")).slice(0, 5);
    expect(top.every((n) => /coffee/i.test(n))).toBe(true);
  });
});
