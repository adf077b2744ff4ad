/**
 * Facets that are honest past the search's cap (issue #16): a query matching
 * more products than the search ranks (MAX_RESULTS = 1,000) gets counts per
 * category, country and store, and a total, that are the real counts of every
 * match under the shopper's filters (each facet leaving out its own filter),
 * pages that reach every match, and no recount of the catalogue per request:
 * the counts are kept until the catalogue's content changes. Proven by
 * counting rows and the grouped counting queries the database is asked.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, schema, transact } from "~/db.server";
import { browseProducts, type ProductFilter } from "~/modules/catalog/browse.server";
import type { ProductListParams } from "~/modules/catalog/params";
import { MAX_RESULTS } from "~/modules/search/search.server";
import { watchStatements } from "./fixtures";

const { products, productTranslations, stores, categories } = schema;
const WORD = "zumbarika";
const MATCHES = 1_260;
const PER_PAGE = 24;

const params = (over: Partial<ProductListParams> = {}): ProductListParams => ({
  q: WORD,
  deal: false,
  sort: "relevance",
  page: 1,
  ...over,
});
const filter = (p: ProductListParams): ProductFilter => ({ q: p.q, category: p.category, country: p.country, store: p.store });
const browse = (over: Partial<ProductListParams> = {}) => {
  const p = params(over);
  return browseProducts("en", p, filter(p), PER_PAGE, Date.now());
};

/** The truth, counted directly: visible products with the word in their English name, under these conditions. */
async function truth(where?: ReturnType<typeof and>) {
  return db
    .select({ category: categories.slug, country: stores.countryCode, store: stores.slug, n: sql<number>`count(*)` })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .innerJoin(productTranslations, and(eq(productTranslations.productId, products.id), eq(productTranslations.lang, "en")))
    .where(
      and(eq(products.status, "active"), eq(stores.status, "live"), sql`${productTranslations.name} like ${`%${WORD}%`}`, where),
    )
    .groupBy(categories.slug, stores.countryCode, stores.slug);
}
const sumBy = (rows: { n: number }[], key: (r: never) => string) => {
  const sums: Record<string, number> = {};
  for (const r of rows) sums[key(r as never)] = (sums[key(r as never)] ?? 0) + Number(r.n);
  return sums;
};

const chosen: { id: number; slug: string; country: string }[] = [];

beforeAll(async () => {
  // Three live stores in three countries; the matches spread over them and over three categories,
  // plus a few archived ones (never counted).
  const live = await db
    .select({ id: stores.id, slug: stores.slug, country: stores.countryCode })
    .from(stores)
    .where(eq(stores.status, "live"))
    .orderBy(stores.id);
  for (const s of live) if (!chosen.some((c) => c.country === s.country) && chosen.length < 3) chosen.push(s);
  const cats = await db
    .select({ id: categories.id, slug: categories.slug })
    .from(categories)
    .where(inArray(categories.slug, ["crafts", "textiles", "home"]));
  const now = new Date();
  await transact(db, async (tx) => {
    for (let i = 0; i < MATCHES + 30; i++) {
      const [p] = await tx
        .insert(products)
        .values({
          storeId: chosen[i % 3].id,
          categoryId: cats[i % 7 < 4 ? 0 : i % 7 < 6 ? 1 : 2].id,
          slug: `${WORD}-${i}`,
          priceMinor: 1000 + ((i * 37) % 5000),
          currency: "USD",
          stock: 5,
          status: i < MATCHES ? "active" : "archived",
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: products.id });
      await tx
        .insert(productTranslations)
        .values({
          productId: p.id,
          lang: "en",
          name: `${i % 2 ? "Woven" : "Carved"} ${WORD} piece ${i}`,
          description: "Made by hand.",
          originNote: "",
        });
    }
  });
});

afterEach(() => vi.restoreAllMocks());

describe("facets past the search's cap", () => {
  it("count every match, not the first 1,000: total and per category, country and store equal the rows counted directly", async () => {
    expect(MATCHES).toBeGreaterThan(MAX_RESULTS);
    const rows = await truth();
    const { facets } = await browse();
    expect(facets.total).toBe(MATCHES);
    expect(Object.fromEntries(facets.categories.map((c) => [c.slug, c.count]))).toEqual(
      sumBy(rows, (r: { category: string }) => r.category),
    );
    expect(Object.fromEntries(facets.countries.map((c) => [c.code, c.count]))).toEqual(
      sumBy(rows, (r: { country: string }) => r.country),
    );
    expect(Object.fromEntries(facets.stores.map((s) => [s.slug, s.count]))).toEqual(
      sumBy(rows, (r: { store: string }) => r.store),
    );
    console.log(
      `Facets for "${WORD}": total ${facets.total}; ${facets.categories.map((c) => `${c.slug} ${c.count}`).join(", ")}`,
    );
  });

  it("with a category and a country chosen: the total counts both, each facet every choice but its own", async () => {
    const country = chosen[1].country;
    const { facets } = await browse({ category: "crafts", country });
    const inCategory = await truth(eq(categories.slug, "crafts"));
    const inCountry = await truth(eq(stores.countryCode, country));
    const both = await truth(and(eq(categories.slug, "crafts"), eq(stores.countryCode, country)));
    expect(facets.total).toBe(both.reduce((s, r) => s + Number(r.n), 0));
    expect(facets.total).toBeGreaterThan(0);
    expect(Object.fromEntries(facets.categories.map((c) => [c.slug, c.count]))).toEqual(
      sumBy(inCountry, (r: { category: string }) => r.category),
    );
    expect(Object.fromEntries(facets.countries.map((c) => [c.code, c.count]))).toEqual(
      sumBy(inCategory, (r: { country: string }) => r.country),
    );
  });

  it("pages reach every match once, past the ranked 1,000, in relevance and in price order", async () => {
    for (const sort of ["relevance", "price_asc"] as const) {
      const seen: number[] = [];
      let prices: number[] = [];
      for (let page = 1; ; page++) {
        const result = await browse({ sort, page });
        seen.push(...result.items.map((i) => i.id));
        prices = prices.concat(result.items.map((i) => i.price.regularMinor));
        if (!result.next) break;
      }
      expect(seen.length, sort).toBe(MATCHES);
      expect(new Set(seen).size, sort).toBe(MATCHES);
      if (sort === "price_asc") expect(prices).toEqual([...prices].sort((a, b) => a - b));
    }
  });

  it("are counted once, kept until the catalogue changes, then counted again with the change", async () => {
    await browse();
    const statements = watchStatements();
    // The facets' one counting query: matching products grouped by category, country and store.
    const grouped = () =>
      statements().filter((text) => /from "products".*group by "categories"\."slug", "stores"\."country_code"/is.test(text)).length;
    const first = await browse({ category: "home" });
    await browse({ country: chosen[0].country });
    await browse({ store: chosen[2].slug, page: 2 });
    expect(grouped()).toBe(0);

    // A new matching product: the next request counts again, and counts it.
    await transact(db, async (tx) => {
      const [p] = await tx
        .insert(products)
        .values({
          storeId: chosen[0].id,
          categoryId: (await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, "home")))[0].id,
          slug: `${WORD}-new`,
          priceMinor: 999,
          currency: "USD",
          stock: 5,
          status: "active",
          createdAt: new Date(),
          updatedAt: new Date(),
        })
        .returning({ id: products.id });
      await tx
        .insert(productTranslations)
        .values({ productId: p.id, lang: "en", name: `New ${WORD} stool`, description: "", originNote: "" });
    });
    const after = await browse({ category: "home" });
    expect(grouped()).toBe(1);
    expect(after.facets.total).toBe(first.facets.total + 1);
  });
});
