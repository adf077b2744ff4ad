/**
 * The catalogue's read paths (one card query per kind, in catalog.server.ts)
 * return exactly what an independent Drizzle reference written here reads,
 * on the seeded database, in every language, English fallbacks included.
 */
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { db, execute, schema, transact } from "~/db.server";
import { dealCandidates } from "../festivals/festivals.server";
import { LANGS, type Lang } from "../i18n/config";
import { unitPriceAt } from "../pricing/pricing";
import {
  campaignTracker,
  featuredStores,
  getProduct,
  getStore,
  listStores,
  moreFromStore,
  newestProducts,
  productCardQuery,
  productCardsByIds,
  storeCardsByIds,
  visibleProduct,
  type ProductCard,
  type StoreCard,
} from "./catalog.server";

const NOW = Date.now();
const { products, stores, categories } = schema;

// The reference: the Drizzle queries the card queries replaced, written apart from them.
function productTranslationsFor(lang: Lang) {
  const t = alias(schema.productTranslations, "pt_lang");
  const en = alias(schema.productTranslations, "pt_en");
  return {
    t,
    en,
    joinT: and(eq(t.productId, products.id), eq(t.lang, lang)),
    joinEn: and(eq(en.productId, products.id), eq(en.lang, "en")),
  };
}

function storeTranslationsFor(lang: Lang) {
  const t = alias(schema.storeTranslations, "st_lang");
  const en = alias(schema.storeTranslations, "st_en");
  return {
    t,
    en,
    joinT: and(eq(t.storeId, stores.id), eq(t.lang, lang)),
    joinEn: and(eq(en.storeId, stores.id), eq(en.lang, "en")),
  };
}

async function productCards(
  lang: Lang,
  where: SQL | undefined,
  opts: { limit: number; offset: number; order: "newest" | "name" | SQL[] },
  now: number,
): Promise<ProductCard[]> {
  const pt = productTranslationsFor(lang);
  const st = storeTranslationsFor(lang);
  const cover = alias(schema.productImages, "cover");
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      priceMinor: products.priceMinor,
      currency: products.currency,
      stock: products.stock,
      name: sql<string>`coalesce(${pt.t.name}, ${pt.en.name})`,
      fallback: sql<number>`${pt.t.name} is null`,
      storeSlug: stores.slug,
      storeName: sql<string>`coalesce(${st.t.name}, ${st.en.name})`,
      countryCode: stores.countryCode,
      categorySlug: categories.slug,
      listedAt: products.createdAt,
      imageUrl: cover.url,
      imageWidth: cover.width,
      imageHeight: cover.height,
    })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .innerJoin(pt.en, pt.joinEn)
    .leftJoin(pt.t, pt.joinT)
    .innerJoin(st.en, st.joinEn)
    .leftJoin(st.t, st.joinT)
    .leftJoin(cover, and(eq(cover.productId, products.id), eq(cover.isCover, true)))
    .where(and(visibleProduct, where))
    .orderBy(...(Array.isArray(opts.order) ? opts.order : opts.order === "newest" ? [desc(products.createdAt), desc(products.id)] : [asc(products.id)]))
    .limit(opts.limit)
    .offset(opts.offset);
  return toCards(rows, now);
}

async function toCards(rows: (Omit<ProductCard, "price" | "image" | "store" | "fallback" | "listedAt"> & { listedAt: Date; priceMinor: number; fallback: number; storeSlug: string; storeName: string; countryCode: string; imageUrl: string | null; imageWidth: number | null; imageHeight: number | null })[], now: number): Promise<ProductCard[]> {
  const deals = await dealCandidates(rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, price: unitPriceAt(row.priceMinor, deals.get(row.id) ?? [], now) })).map(
    (r): ProductCard => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      fallback: Boolean(r.fallback),
      stock: r.stock,
      currency: r.currency,
      price: r.price,
      image: r.imageUrl ? { url: r.imageUrl, width: r.imageWidth!, height: r.imageHeight! } : null,
      store: { slug: r.storeSlug, name: r.storeName, countryCode: r.countryCode },
      categorySlug: r.categorySlug,
      listedAt: r.listedAt.getTime(),
    }),
  );
}

async function storeCards(lang: Lang, where: SQL | undefined, limit: number, offset: number, order?: SQL[]): Promise<StoreCard[]> {
  const st = storeTranslationsFor(lang);
  const productCount = db
    .select({ storeId: products.storeId, n: count().as("n") })
    .from(products)
    .where(eq(products.status, "active"))
    .groupBy(products.storeId)
    .as("pc");
  const rows = await db
    .select({
      id: stores.id,
      slug: stores.slug,
      name: sql<string>`coalesce(${st.t.name}, ${st.en.name})`,
      city: sql<string>`coalesce(${st.t.city}, ${st.en.city})`,
      tagline: sql<string>`coalesce(${st.t.tagline}, ${st.en.tagline})`,
      fallback: sql<number>`${st.t.name} is null`,
      countryCode: stores.countryCode,
      foundedYear: stores.foundedYear,
      bannerUrl: stores.bannerUrl,
      categorySlug: categories.slug,
      productCount: sql<number>`coalesce(${productCount.n}, 0)`,
    })
    .from(stores)
    .innerJoin(st.en, st.joinEn)
    .leftJoin(st.t, st.joinT)
    .leftJoin(categories, eq(categories.id, stores.primaryCategoryId))
    .leftJoin(productCount, eq(productCount.storeId, stores.id))
    .where(and(eq(stores.status, "live"), where))
    .orderBy(...(order ?? [asc(stores.id)]))
    .limit(limit)
    .offset(offset);
  return rows.map((s) => ({ ...s, fallback: Boolean(s.fallback), productCount: Number(s.productCount) }));
}



// Missing and empty texts, so the English fallbacks are compared too (this file's database is its own copy).
await transact(db, async (tx) => {
  await execute(tx, sql`DELETE FROM product_translations WHERE lang = 'zh' AND product_id IN (SELECT id FROM products ORDER BY id LIMIT 40)`);
  await execute(tx, sql`DELETE FROM store_translations WHERE lang = 'sw' AND store_id IN (SELECT id FROM stores ORDER BY id LIMIT 10)`);
  await execute(tx, sql`UPDATE store_translations SET story = '' WHERE lang = 'fr' AND store_id IN (SELECT id FROM stores ORDER BY id LIMIT 20)`);
});
const productRows = await db.select({ id: products.id, slug: products.slug, storeId: products.storeId }).from(products).orderBy(asc(products.id));
const storeRows = await db.select({ id: stores.id, slug: stores.slug }).from(stores).orderBy(asc(stores.id));

/** The product detail as the Drizzle version of getProduct read it. */
async function referenceDetail(id: number, lang: (typeof LANGS)[number]) {
  const pt = { t: alias(schema.productTranslations, "pt_lang"), en: alias(schema.productTranslations, "pt_en") };
  const st = { t: alias(schema.storeTranslations, "st_lang"), en: alias(schema.storeTranslations, "st_en") };
  const ct = { t: alias(schema.categoryTranslations, "ct_lang"), en: alias(schema.categoryTranslations, "ct_en") };
  const [row] = await db
    .select({
      description: sql<string>`coalesce(nullif(${pt.t.description}, ''), ${pt.en.description})`,
      descriptionFallback: sql<number>`coalesce(${pt.t.description}, '') = '' AND ${pt.en.description} <> ''`,
      originNote: sql<string>`coalesce(nullif(${pt.t.originNote}, ''), ${pt.en.originNote})`,
      originFallback: sql<number>`coalesce(${pt.t.originNote}, '') = '' AND ${pt.en.originNote} <> ''`,
      categoryName: sql<string>`coalesce(${ct.t.name}, ${ct.en.name})`,
      storeCity: sql<string>`coalesce(${st.t.city}, ${st.en.city})`,
      storeFoundedYear: stores.foundedYear,
      storeId: stores.id,
    })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .innerJoin(pt.en, and(eq(pt.en.productId, products.id), eq(pt.en.lang, "en")))
    .leftJoin(pt.t, and(eq(pt.t.productId, products.id), eq(pt.t.lang, lang)))
    .innerJoin(st.en, and(eq(st.en.storeId, stores.id), eq(st.en.lang, "en")))
    .leftJoin(st.t, and(eq(st.t.storeId, stores.id), eq(st.t.lang, lang)))
    .innerJoin(ct.en, and(eq(ct.en.categoryId, categories.id), eq(ct.en.lang, "en")))
    .leftJoin(ct.t, and(eq(ct.t.categoryId, categories.id), eq(ct.t.lang, lang)))
    .where(eq(products.id, id));
  const images = await db
    .select({ url: schema.productImages.url, width: schema.productImages.width, height: schema.productImages.height })
    .from(schema.productImages)
    .where(eq(schema.productImages.productId, id))
    .orderBy(desc(schema.productImages.isCover), asc(schema.productImages.position));
  return { row, images };
}

async function referenceStory(storeId: number, lang: (typeof LANGS)[number]) {
  const t = alias(schema.storeTranslations, "st_lang");
  const en = alias(schema.storeTranslations, "st_en");
  const [story] = await db
    .select({ story: sql<string>`coalesce(nullif(${t.story}, ''), ${en.story})`, fallback: sql<number>`coalesce(${t.story}, '') = ''` })
    .from(stores)
    .innerJoin(en, and(eq(en.storeId, stores.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.storeId, stores.id), eq(t.lang, lang)))
    .where(eq(stores.id, storeId));
  return { story: story?.story ?? "", storyFallback: Boolean(story?.fallback) };
}

describe("catalogue card reads", () => {
  it("the card query joins four relations and reads the translated names as subqueries (PostgreSQL plans it without a long join-order search)", () => {
    const { sql: text } = productCardQuery("zh", and(visibleProduct, eq(categories.slug, "tea")), [desc(products.createdAt)], 24).toSQL();
    const from = text.slice(text.lastIndexOf(" from \"products\""));
    expect(from.match(/\bjoin\b/gi)).toHaveLength(3);
    expect(from).not.toMatch(/_translations/);
    expect(text.match(/\(select "name" from "(product|store)_translations"/g)).toHaveLength(4);
  });

  it("has data to compare (live and hidden products and stores)", () => {
    expect(productRows.length).toBeGreaterThanOrEqual(1000);
    expect(storeRows.length).toBeGreaterThanOrEqual(100);
  });

  it.each(LANGS)("cards by id match the Drizzle cards, hidden products left out (%s)", async (lang) => {
    const ids = productRows.map((p) => p.id);
    const reference = await productCards(lang, inArray(products.id, ids), { limit: ids.length, offset: 0, order: "name" }, NOW);
    expect(await productCardsByIds(lang, ids, NOW)).toEqual(reference);
    expect(await productCardsByIds(lang, [], NOW)).toEqual([]);
  });

  it.each(LANGS)("product pages: card, detail, images and more from the store (%s)", async (lang) => {
    for (const p of productRows.filter((_, i) => i % 9 === 0)) {
      const [card] = await productCards(lang, eq(products.slug, p.slug), { limit: 1, offset: 0, order: "name" }, NOW);
      const detail = await getProduct(p.slug, lang, NOW);
      if (!card) {
        expect(detail).toBeNull();
        continue;
      }
      const { row, images } = await referenceDetail(card.id, lang);
      expect(detail).toEqual({
        ...card,
        description: row.description,
        descriptionFallback: Boolean(row.descriptionFallback),
        originNote: row.originNote,
        originFallback: Boolean(row.originFallback),
        images,
        category: { slug: card.categorySlug, name: row.categoryName },
        storeCity: row.storeCity,
        storeFoundedYear: row.storeFoundedYear,
        storeId: row.storeId,
      });
      const more = await productCards(lang, and(eq(products.storeId, p.storeId), ne(products.id, p.id)), { limit: 4, offset: 0, order: "newest" }, NOW);
      expect(await moreFromStore(lang, p.storeId, p.id, 4, NOW)).toEqual(more);
    }
    expect(await getProduct("no-such-product", lang, NOW)).toBeNull();
    // About 1,200 queries for 112 products: past the default 30 s on PostgreSQL on a busy machine.
  }, 180_000);

  it.each(LANGS)("store pages and store cards by id (%s)", async (lang) => {
    for (const s of storeRows) {
      const [card] = await storeCards(lang, eq(stores.slug, s.slug), 1, 0);
      const detail = await getStore(s.slug, lang, NOW);
      if (!card) {
        expect(detail).toBeNull();
        continue;
      }
      const items = await productCards(lang, eq(products.storeId, card.id), { limit: 100, offset: 0, order: "name" }, NOW);
      expect(detail).toEqual({ ...card, ...(await referenceStory(card.id, lang)), products: items });
    }
    const ids = storeRows.map((s) => s.id);
    expect(await storeCardsByIds(lang, ids, 4)).toEqual(await storeCards(lang, inArray(stores.id, ids), 4, 0));
    expect(await storeCardsByIds(lang, ids, 500)).toEqual(await storeCards(lang, inArray(stores.id, ids), 500, 0));
    expect(await getStore("no-such-store", lang, NOW)).toBeNull();
  });

  it.each(LANGS)("the home page's newest products and featured stores, and store lists with their filters (%s)", async (lang) => {
    expect(await newestProducts(lang, 8, NOW)).toEqual(await productCards(lang, undefined, { limit: 8, offset: 0, order: "newest" }, NOW));
    expect(await featuredStores(lang, 8)).toEqual(await storeCards(lang, eq(stores.featured, true), 8, 0));
    const inCategory = (slug: string): SQL =>
      sql`${stores.id} IN (SELECT p.store_id FROM products p JOIN categories c ON c.id = p.category_id WHERE p.status = 'active' AND c.slug = ${slug})`;
    // A country and a category that a live store's active product has (the first such product by id), so every case below lists stores on either engine.
    const [{ country, category }] = await db
      .select({ country: stores.countryCode, category: categories.slug })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(eq(products.status, "active"), eq(stores.status, "live")))
      .orderBy(asc(products.id))
      .limit(1);
    const cases: { filters: { country?: string; category?: string }; where: SQL | undefined }[] = [
      { filters: {}, where: undefined },
      { filters: { country }, where: eq(stores.countryCode, country) },
      { filters: { category }, where: inCategory(category) },
      { filters: { country, category }, where: and(eq(stores.countryCode, country), inCategory(category)) },
    ];
    for (const { filters, where } of cases) {
      const all = await storeCards(lang, where, 1000, 0);
      expect(all.length).toBeGreaterThan(0);
      const first = await listStores(lang, filters, 1, 12);
      expect(first).toEqual({ items: all.slice(0, 12), total: all.length, page: 1, pages: Math.max(1, Math.ceil(all.length / 12)) });
      expect((await listStores(lang, filters, 2, 12)).items).toEqual(all.slice(12, 24));
    }
  }, 120_000);
});

describe("aggregates kept until the content moves", () => {
  const referenceTracker = async () => {
    const storeRows = await db.select({ countryCode: stores.countryCode, n: count() }).from(stores).where(eq(stores.status, "live")).groupBy(stores.countryCode);
    const productRows = await db
      .select({ countryCode: stores.countryCode, n: count() })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(visibleProduct)
      .groupBy(stores.countryCode);
    return { stores: storeRows.reduce((s, r) => s + r.n, 0), products: productRows.reduce((s, r) => s + r.n, 0), countries: storeRows.length };
  };

  it("the campaign tracker and featured stores follow a store going offline and coming back", async () => {
    const read = async () => {
      const t = await campaignTracker();
      return { stores: t.storesLive, products: t.productsListed, countries: t.countries };
    };
    expect(await read()).toEqual(await referenceTracker());
    const featured = await featuredStores("en", 8);
    expect(featured.length).toBeGreaterThan(0);
    const store = featured[0];
    const before = await read();
    await transact(db, (tx) => tx.update(stores).set({ status: "suspended" }).where(eq(stores.id, store.id)));
    try {
      // The trigger moved the content version: the next read is a fresh one.
      expect(await read()).toEqual(await referenceTracker());
      expect((await read()).stores).toBe(before.stores - 1);
      expect((await featuredStores("en", 8)).map((s) => s.id)).not.toContain(store.id);
    } finally {
      await transact(db, (tx) => tx.update(stores).set({ status: "live" }).where(eq(stores.id, store.id)));
    }
    expect(await read()).toEqual(before);
    expect(await featuredStores("en", 8)).toEqual(featured);
  });
});
