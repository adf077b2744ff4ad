/**
 * Search finds the same things on both engines (issues #15 and #16): this
 * file inserts its own small catalogue (two categories, a live and a
 * suspended store, coffee, teas and a leather wallet that mentions tea, in
 * English, French, Chinese and Arabic) and searches it through the search
 * module, as the pages do. It runs in both passes, beside the seeded
 * catalogue, so every assertion is about this file's own items:
 * café = cafe, 咖啡 and 茶 by characters and bigrams, Arabic with and without
 * diacritics and with the article, words in the name or category before
 * mentions, the phrase as typed first, prefixes, substrings of a word being
 * typed, a typo corrected from the catalogue's vocabulary, stores, and the
 * index following edits at once.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import type { Lang } from "~/modules/i18n/config";
import { parseQuery } from "~/modules/search/query";
import { browseProducts } from "~/modules/catalog/browse.server";
import { namesFor, resolveQuery, searchIds } from "~/modules/search/search.server";

const { users, categories, categoryTranslations, stores, storeTranslations, products, productTranslations } = schema;

type Texts = Partial<Record<Lang, [name: string, description: string]>>;
const ids: Record<string, number> = {};

const hits = async (q: string, kind: "product" | "store" = "product") => (await searchIds(kind, parseQuery(q))).ids;

beforeAll(async () => {
  const now = new Date();
  await transact(db, async (tx) => {
    const [owner] = await tx
      .insert(users)
      .values({ email: "engines@example.com", name: "Engines", role: "owner", createdAt: now })
      .returning({ id: users.id });
    const category = async (slug: string, names: Partial<Record<Lang, string>>) => {
      const [row] = await tx.insert(categories).values({ slug, sortOrder: 99 }).returning({ id: categories.id });
      await tx
        .insert(categoryTranslations)
        .values(Object.entries(names).map(([lang, name]) => ({ categoryId: row.id, lang, name, description: "" })));
      return row.id;
    };
    const coffee = await category("engines-coffee", { en: "Coffee", fr: "Café", zh: "咖啡", ar: "قهوة" });
    const tea = await category("engines-tea", { en: "Tea", fr: "Thé", zh: "茶", ar: "شاي" });
    const leather = await category("engines-leather", { en: "Leather", fr: "Cuir" });
    const store = async (slug: string, status: "live" | "suspended", name: string, primaryCategoryId: number) => {
      const [row] = await tx
        .insert(stores)
        .values({ slug, ownerId: owner.id, countryCode: "ET", primaryCategoryId, status, createdAt: now, updatedAt: now })
        .returning({ id: stores.id });
      await tx.insert(storeTranslations).values({
        storeId: row.id,
        lang: "en",
        name,
        city: "Hawassa",
        tagline: "From the highlands",
        story: "Roasting since 1990.",
      });
      return row.id;
    };
    ids.store = await store("engines-roasters", "live", "Sidama Highland Roasters", coffee);
    ids.suspended = await store("engines-closed", "suspended", "Closed Quillobar House", coffee);
    const product = async (
      key: string,
      storeId: number,
      categoryId: number,
      texts: Texts,
      status: "active" | "archived" = "active",
    ) => {
      const [row] = await tx
        .insert(products)
        .values({
          storeId,
          categoryId,
          slug: `engines-${key}`,
          priceMinor: 1000,
          currency: "USD",
          stock: 5,
          status,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: products.id });
      await tx.insert(productTranslations).values(
        Object.entries(texts).map(([lang, [name, description]]) => ({
          productId: row.id,
          lang,
          name,
          description,
          originNote: "",
        })),
      );
      ids[key] = row.id;
    };
    await product("coffee", ids.store, coffee, {
      en: ["Sidama Coffee Beans", "Washed beans from Sidama."],
      fr: ["Café de Sidama", "Grains lavés."],
      zh: ["西达摩咖啡豆", "水洗咖啡豆。"],
      ar: ["قَهْوَة سيدامو", "حبوب مغسولة."],
    });
    await product("mint", ids.store, tea, {
      en: ["Green Mint Tea", "Gunpowder leaves with mint."],
      fr: ["Thé vert à la menthe", "Feuilles et menthe."],
      zh: ["薄荷绿茶", "珠茶与薄荷。"],
      ar: ["شاي أخضر بالنعناع", "أوراق الشاي مع النعناع."],
    });
    await product("rooibos", ids.store, tea, { en: ["Rooibos Tea", "Red bush leaves, Quenzaline grade."] });
    await product("black", ids.store, tea, { en: ["Highland Black Tea", "Strong and malty, Quenzaline grade."] });
    await product("wallet", ids.store, leather, { en: ["Leather Wallet", "Dyed the shade of Zephyrkin tea."] });
    await product("mug", ids.store, coffee, { en: ["Quillobar Coffee Mug", "Archived."] }, "archived");
    await product("hidden", ids.suspended, coffee, { en: ["Quillobar Coffee Tin", "From a suspended store."] });
  });
});

describe("search on this engine", () => {
  it("café finds cafe and cafe finds café; French and English", async () => {
    for (const q of ["café", "cafe", "CAFÉ", "coffee"]) expect(await hits(q), q).toContain(ids.coffee);
  });

  it("Chinese by characters and bigrams: 咖啡, 咖啡豆, 茶, 绿茶", async () => {
    expect(await hits("咖啡")).toContain(ids.coffee);
    expect(await hits("咖啡豆")).toContain(ids.coffee);
    expect(await hits("茶")).toContain(ids.mint);
    expect(await hits("绿茶")).toContain(ids.mint);
    expect(await hits("绿茶")).not.toContain(ids.coffee);
    expect(await hits("啡茶")).not.toContain(ids.mint);
  });

  it("Arabic with and without diacritics, with and without the article", async () => {
    for (const q of ["قهوة", "قَهْوَة", "القهوة"]) expect(await hits(q), q).toContain(ids.coffee);
    for (const q of ["شاي", "الشاي", "شاى", "نعناع", "النعناع"]) expect(await hits(q), q).toContain(ids.mint);
  });

  it("a word in the name or category comes before a mention, and a mere mention is left out when enough items are about it", async () => {
    const tea = await hits("tea");
    expect(tea).toEqual(expect.arrayContaining([ids.mint, ids.rooibos, ids.black]));
    expect(tea).not.toContain(ids.wallet);
    expect(await hits("thé")).toContain(ids.mint);
    expect(await hits("zephyrkin")).toEqual([ids.wallet]);
  });

  it("the phrase as typed in the name first; plurals and prefixes; substrings of a word being typed", async () => {
    // Among this file's items: the seeded catalogue (both passes seed it now) has names with the same phrase.
    const own = new Set(Object.values(ids));
    const found = (await hits("black tea")).filter((id) => own.has(id));
    expect(found[0]).toBe(ids.black);
    expect(await hits("highland teas")).toContain(ids.black);
    expect(await hits("rooib")).toContain(ids.rooibos);
    expect(await hits("ooibo")).toContain(ids.rooibos);
  });

  it("never shows archived products or a suspended store's", async () => {
    expect(await hits("quillobar")).toEqual([]);
    expect(await hits("quillobar", "store")).toEqual([]);
  });

  it("finds stores by name and by their main category", async () => {
    expect(await hits("roasters", "store")).toContain(ids.store);
    expect(await hits("coffee", "store")).toContain(ids.store);
  });

  it("corrects a typo from the catalogue's vocabulary, and not a word it has", async () => {
    expect((await resolveQuery(parseQuery("cofee"), "en")).corrected).toBe("coffee");
    expect((await resolveQuery(parseQuery("rooibso"), "en")).corrected).toBe("rooibos");
    expect((await resolveQuery(parseQuery("rooibos"), "en")).corrected).toBeNull();
    expect((await resolveQuery(parseQuery("cofee"), "en", true)).corrected).toBeNull();
  });

  it("odd input finds nothing instead of failing", async () => {
    for (const q of ["'", "\\", "a:* & !", "tea'); drop", "'coffee' <-> ''", "!!!"])
      await expect(searchIds("product", parseQuery(q))).resolves.toBeDefined();
  });

  it("counts facets over the matches, each leaving out its own filter, as /products shows them", async () => {
    const browse = (category?: string) =>
      browseProducts(
        "en",
        { q: "quenzaline", category, deal: false, sort: "relevance", page: 1 },
        { q: "quenzaline", category },
        24,
        Date.now(),
      );
    const all = await browse();
    expect(all.items.map((i) => i.id).sort()).toEqual([ids.rooibos, ids.black].sort());
    expect(all.facets).toMatchObject({
      total: 2,
      categories: [{ slug: "engines-tea", count: 2 }],
      countries: [{ code: "ET", count: 2 }],
      stores: [{ slug: "engines-roasters", name: "Sidama Highland Roasters", count: 2 }],
    });
    const none = await browse("engines-leather");
    expect(none.items).toEqual([]);
    expect(none.facets).toMatchObject({ total: 0, categories: [{ slug: "engines-tea", count: 2 }], countries: [] });
  });

  it("names the hits in the page's language, English where a language is missing", async () => {
    expect((await namesFor("product", [ids.coffee, ids.rooibos], "zh")).map((p) => p.name)).toEqual([
      "西达摩咖啡豆",
      "Rooibos Tea",
    ]);
  });

  it("follows edits at once: a product renamed, a translation removed, a category renamed", async () => {
    await transact(db, (tx) =>
      tx
        .update(productTranslations)
        .set({ name: "Rooibos Vermilora Tea" })
        .where(and(eq(productTranslations.productId, ids.rooibos), eq(productTranslations.lang, "en"))),
    );
    expect(await hits("vermilora")).toEqual([ids.rooibos]);
    await transact(db, (tx) =>
      tx.delete(productTranslations).where(and(eq(productTranslations.productId, ids.mint), eq(productTranslations.lang, "ar"))),
    );
    expect(await hits("النعناع")).not.toContain(ids.mint);
    const [leather] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, "engines-leather"));
    await transact(db, (tx) =>
      tx
        .update(categoryTranslations)
        .set({ name: "Cuir Ambrelune" })
        .where(and(eq(categoryTranslations.categoryId, leather.id), eq(categoryTranslations.lang, "fr"))),
    );
    expect(await hits("ambrelune")).toEqual([]); // the wallet has no French text: its French row does not exist
    await transact(db, (tx) =>
      tx
        .update(categoryTranslations)
        .set({ name: "Leather Ambrelune" })
        .where(and(eq(categoryTranslations.categoryId, leather.id), eq(categoryTranslations.lang, "en"))),
    );
    expect(await hits("ambrelune")).toEqual([ids.wallet]);
  });
});
