/**
 * The prepared read paths (sql.server.ts) return exactly what the Drizzle
 * queries they replaced return, on the seeded database, in every language.
 */
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { LANGS } from "../i18n/config";
import { getProduct, getStore, moreFromStore, productCards, productCardsByIds, storeCards, storeCardsByIds } from "./catalog.server";

const NOW = Date.now();
const { products, stores, categories } = schema;

// Missing and empty texts, so the English fallbacks are compared too (this file's database is its own copy).
db.$client.exec(`
  DELETE FROM product_translations WHERE lang = 'zh' AND product_id IN (SELECT id FROM products ORDER BY id LIMIT 40);
  DELETE FROM store_translations WHERE lang = 'sw' AND store_id IN (SELECT id FROM stores ORDER BY id LIMIT 10);
  UPDATE store_translations SET story = '' WHERE lang = 'fr' AND store_id IN (SELECT id FROM stores ORDER BY id LIMIT 20);
`);
const productRows = db.select({ id: products.id, slug: products.slug, storeId: products.storeId }).from(products).orderBy(asc(products.id)).all();
const storeRows = db.select({ id: stores.id, slug: stores.slug }).from(stores).orderBy(asc(stores.id)).all();

/** The product detail as the Drizzle version of getProduct read it. */
function referenceDetail(id: number, lang: (typeof LANGS)[number]) {
  const pt = { t: alias(schema.productTranslations, "pt_lang"), en: alias(schema.productTranslations, "pt_en") };
  const st = { t: alias(schema.storeTranslations, "st_lang"), en: alias(schema.storeTranslations, "st_en") };
  const ct = { t: alias(schema.categoryTranslations, "ct_lang"), en: alias(schema.categoryTranslations, "ct_en") };
  const row = db
    .select({
      description: sql<string>`coalesce(${pt.t.description}, ${pt.en.description})`,
      originNote: sql<string>`coalesce(${pt.t.originNote}, ${pt.en.originNote})`,
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
    .where(eq(products.id, id))
    .get()!;
  const images = db
    .select({ url: schema.productImages.url, width: schema.productImages.width, height: schema.productImages.height })
    .from(schema.productImages)
    .where(eq(schema.productImages.productId, id))
    .orderBy(desc(schema.productImages.isCover), asc(schema.productImages.position))
    .all();
  return { row, images };
}

function referenceStory(storeId: number, lang: (typeof LANGS)[number]) {
  const t = alias(schema.storeTranslations, "st_lang");
  const en = alias(schema.storeTranslations, "st_en");
  const story = db
    .select({ story: sql<string>`coalesce(nullif(${t.story}, ''), ${en.story})`, fallback: sql<number>`coalesce(${t.story}, '') = ''` })
    .from(stores)
    .innerJoin(en, and(eq(en.storeId, stores.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.storeId, stores.id), eq(t.lang, lang)))
    .where(eq(stores.id, storeId))
    .get();
  return { story: story?.story ?? "", storyFallback: Boolean(story?.fallback) };
}

describe("prepared catalogue reads", () => {
  it("has data to compare (live and hidden products and stores)", () => {
    expect(productRows.length).toBeGreaterThanOrEqual(1000);
    expect(storeRows.length).toBeGreaterThanOrEqual(100);
  });

  it.each(LANGS)("cards by id match the Drizzle cards, hidden products left out (%s)", (lang) => {
    const ids = productRows.map((p) => p.id);
    const reference = productCards(lang, inArray(products.id, ids), { limit: ids.length, offset: 0, order: "name" }, NOW);
    expect(productCardsByIds(lang, ids, NOW)).toEqual(reference);
    expect(productCardsByIds(lang, [], NOW)).toEqual([]);
  });

  it.each(LANGS)("product pages: card, detail, images and more from the store (%s)", (lang) => {
    for (const p of productRows.filter((_, i) => i % 9 === 0)) {
      const [card] = productCards(lang, eq(products.slug, p.slug), { limit: 1, offset: 0, order: "name" }, NOW);
      const detail = getProduct(p.slug, lang, NOW);
      if (!card) {
        expect(detail).toBeNull();
        continue;
      }
      const { row, images } = referenceDetail(card.id, lang);
      expect(detail).toEqual({
        ...card,
        description: row.description,
        originNote: row.originNote,
        images,
        category: { slug: card.categorySlug, name: row.categoryName },
        storeCity: row.storeCity,
        storeFoundedYear: row.storeFoundedYear,
        storeId: row.storeId,
      });
      const more = productCards(lang, and(eq(products.storeId, p.storeId), ne(products.id, p.id)), { limit: 4, offset: 0, order: "newest" }, NOW);
      expect(moreFromStore(lang, p.storeId, p.id, 4, NOW)).toEqual(more);
    }
    expect(getProduct("no-such-product", lang, NOW)).toBeNull();
  });

  it.each(LANGS)("store pages and store cards by id (%s)", (lang) => {
    for (const s of storeRows) {
      const [card] = storeCards(lang, eq(stores.slug, s.slug), 1, 0);
      const detail = getStore(s.slug, lang, NOW);
      if (!card) {
        expect(detail).toBeNull();
        continue;
      }
      const items = productCards(lang, eq(products.storeId, card.id), { limit: 100, offset: 0, order: "name" }, NOW);
      expect(detail).toEqual({ ...card, ...referenceStory(card.id, lang), products: items });
    }
    const ids = storeRows.map((s) => s.id);
    expect(storeCardsByIds(lang, ids, 4)).toEqual(storeCards(lang, inArray(stores.id, ids), 4, 0));
    expect(storeCardsByIds(lang, ids, 500)).toEqual(storeCards(lang, inArray(stores.id, ids), 500, 0));
    expect(getStore("no-such-store", lang, NOW)).toBeNull();
  });
});
