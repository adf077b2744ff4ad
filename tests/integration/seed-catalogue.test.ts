/**
 * The seeded catalogue reads as real (issue 13, points 5 and 15): stories of their own,
 * ranges within each store's trade, art that shows the product, no two stores selling
 * a product of the same name, and texts in six languages unless deliberately partial.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ALL_STORES, PARTIAL_TRANSLATIONS, listingsFor, tradeCategories } from "../../db/seed/seed";
import { PRODUCT_ART, TRADE_CATEGORIES } from "../../db/seed/content/trades";
import { db, schema } from "~/db.server";
import { artFor } from "~/modules/art/art.server";
import { LANGS } from "~/modules/i18n/config";

const stores = await db.select().from(schema.stores).orderBy(schema.stores.id);
const storeTexts = await db.select().from(schema.storeTranslations).orderBy(schema.storeTranslations.storeId, schema.storeTranslations.lang);
const products = await db
  .select({ id: schema.products.id, slug: schema.products.slug, storeId: schema.products.storeId, category: schema.categories.slug })
  .from(schema.products)
  .innerJoin(schema.categories, eq(schema.categories.id, schema.products.categoryId))
  .orderBy(schema.products.id);
const productTexts = await db.select().from(schema.productTranslations).orderBy(schema.productTranslations.productId, schema.productTranslations.lang);
const images = await db.select().from(schema.productImages).orderBy(schema.productImages.id);
const contentBySlug = new Map(ALL_STORES.map((s) => [s.slug, s]));

/** The product type a seeded product slug was made from: `${store}-${type}` with an optional -pack/-gift. */
function typeKeyOf(productSlug: string, storeSlug: string): string {
  return productSlug.slice(storeSlug.length + 1).replace(/-(pack|gift)$/, "");
}

describe("the seeded catalogue", () => {
  it("gives no two stores the same story, in any language", () => {
    for (const lang of LANGS) {
      const stories = storeTexts.filter((t) => t.lang === lang).map((t) => t.story);
      expect(stories).toHaveLength(100);
      expect(stories.every((s) => s.trim().length > 80)).toBe(true);
      expect(new Set(stories).size).toBe(stories.length);
    }
    // Composed from varied parts: even with the store's name and town taken out, the English stories differ.
    const bare = storeTexts
      .filter((t) => t.lang === "en")
      .map((t) => t.story.replaceAll(t.name, "").replaceAll(t.city, "").replace(/\d+/g, ""));
    expect(new Set(bare).size).toBe(bare.length);
  });

  it("has every store sell only within its trade", () => {
    const offTrade: string[] = [];
    for (const store of stores) {
      const content = contentBySlug.get(store.slug)!;
      const allowed = tradeCategories(content);
      expect(allowed.every((c) => TRADE_CATEGORIES[content.range[0]].includes(c))).toBe(true);
      for (const p of products.filter((x) => x.storeId === store.id)) if (!allowed.includes(p.category as never)) offTrade.push(`${p.slug} (${p.category})`);
      expect(products.filter((x) => x.storeId === store.id)).toHaveLength(10);
    }
    expect(offTrade).toEqual([]);
  });

  it("draws every product as a kind of art that belongs to its product type, and serves that drawing", async () => {
    const wrong: string[] = [];
    for (const p of products) {
      const store = stores.find((s) => s.id === p.storeId)!;
      const key = typeKeyOf(p.slug, store.slug);
      const image = images.find((i) => i.productId === p.id && i.isCover)!;
      const kind = new URL(image.url, "http://x").searchParams.get("kind");
      if (!kind || !PRODUCT_ART[key]?.includes(kind as never)) wrong.push(`${p.slug}: ${kind}`);
    }
    expect(wrong).toEqual([]);
    // A store's banner shows one of the products it sells (no honey jar over a cashew cooperative).
    for (const store of stores) {
      const kinds = products
        .filter((p) => p.storeId === store.id)
        .map((p) => new URL(images.find((i) => i.productId === p.id && i.isCover)!.url, "http://x").searchParams.get("kind"));
      expect(kinds, store.slug).toContain(new URL(store.bannerUrl!, "http://x").searchParams.get("kind"));
    }
    expect(await artFor("stores", stores[0].slug, "nut-bowl")).toContain('data-kind="nut-bowl"');
    // The art route draws the kind the URL names (a jam as a jam jar, not a cocoa pod).
    const jam = products.find((p) => p.slug.endsWith("-foods-mango-passion-jam"))!;
    expect(await artFor("products", jam.slug, "jam-jar")).toContain('data-kind="jam-jar"');
    expect(await artFor("products", jam.slug, "no-such-kind")).not.toContain("data-kind");
  });

  it("has no two stores selling a product of the same name, in any language", () => {
    const storeOf = new Map(products.map((p) => [p.id, p.storeId]));
    for (const lang of LANGS) {
      const owners = new Map<string, Set<number>>();
      for (const t of productTexts.filter((x) => x.lang === lang)) {
        const set = owners.get(t.name) ?? new Set<number>();
        set.add(storeOf.get(t.productId)!);
        owners.set(t.name, set);
      }
      expect([...owners].filter(([, s]) => s.size > 1).map(([n]) => n)).toEqual([]);
      // ...and no store lists one name twice.
      expect(owners.size).toBe(products.length);
    }
  });

  it("names products after what they are: the same type of product keeps its words across stores", () => {
    const moringaTea = productTexts.filter((t) => t.lang === "en" && products.find((p) => p.id === t.productId)!.slug.includes("-tea-moringa-leaf"));
    expect(moringaTea.length).toBeGreaterThan(0);
    expect(moringaTea.every((t) => /moringa/i.test(t.name))).toBe(true);
  });

  it("has a name and description in all six languages for every product, except those explicitly marked partial", () => {
    const partial = Object.entries(PARTIAL_TRANSLATIONS);
    expect(partial.length).toBeGreaterThanOrEqual(3);
    const incomplete: string[] = [];
    for (const p of products) {
      for (const lang of LANGS) {
        const t = productTexts.find((x) => x.productId === p.id && x.lang === lang);
        expect(t?.name.trim(), `${p.slug} ${lang} name`).toBeTruthy();
        if (!t?.description.trim()) incomplete.push(`${p.slug}:${lang}`);
      }
    }
    expect(incomplete.sort()).toEqual(partial.flatMap(([slug, langs]) => langs.map((l) => `${slug}:${l}`)).sort());
    // A partial product is still whole in English.
    for (const [slug] of partial) {
      const id = products.find((p) => p.slug === slug)!.id;
      expect(productTexts.find((x) => x.productId === id && x.lang === "en")!.description.length).toBeGreaterThan(40);
    }
  });

  it("lists from the seed's own plan, deterministically", () => {
    const store = ALL_STORES[0];
    expect(listingsFor(store, store.slug)).toEqual(listingsFor(store, store.slug));
  });
});
