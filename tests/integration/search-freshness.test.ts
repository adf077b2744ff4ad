/**
 * The search index follows every write that changes indexed text, in the
 * same transaction (issue #16): a product's name, description or origin in
 * any of the six languages (owner's form, a language emptied), its category;
 * a store's text, a language removed, its main category; and a category's
 * own name (renamed, a translation removed or added), which every product in
 * that category and every store whose main category it is carries in the
 * word index. Each change is searched for at once: the new text finds the
 * item, the old text no longer does.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import type { Lang } from "~/modules/i18n/config";
import { productFormValues, updateProduct } from "~/modules/owner/products.server";
import { productSchema } from "~/modules/owner/schemas";
import { removeStoreTranslation, saveStoreTranslation, updateStoreDetails } from "~/modules/owner/stores.server";
import { parseQuery } from "~/modules/search/query";
import { resolveQuery, searchIds } from "~/modules/search/search.server";

const { products, stores, categories, categoryTranslations, storeTranslations } = schema;

const hits = async (kind: "product" | "store", q: string) => (await searchIds(kind, parseQuery(q))).ids;

async function category(slug: string) {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  return row.id;
}

/** A live store's live products in one category, and its owner. */
async function aLiveProduct(categorySlug: string) {
  const [row] = await db
    .select({ id: products.id, storeId: products.storeId, ownerId: stores.ownerId, categoryId: products.categoryId })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.status, "active"), eq(stores.status, "live"), eq(categories.slug, categorySlug)))
    .orderBy(products.id)
    .limit(1);
  return { ...row, ownerId: row.ownerId! };
}

async function visibleIn(categoryId: number) {
  const found = await db
    .select({ id: products.id })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(and(eq(products.categoryId, categoryId), eq(products.status, "active"), eq(stores.status, "live")));
  return found.map((r) => r.id).sort((a, b) => a - b);
}

async function liveStoresOf(categoryId: number) {
  const found = await db
    .select({ id: stores.id })
    .from(stores)
    .where(and(eq(stores.primaryCategoryId, categoryId), eq(stores.status, "live")));
  return found.map((r) => r.id).sort((a, b) => a - b);
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

async function editProduct(
  p: { id: number; storeId: number; ownerId: number },
  change: Record<string, string>,
  categorySlug?: string,
) {
  const form = await productFormValues(p.ownerId, p.storeId, p.id);
  const values: Record<string, string> = { ...form!.values, ...change, ...(categorySlug ? { category: categorySlug } : {}) };
  const input = productSchema.parse({ ...values, stock: Number(values.stock) });
  const categoryId = await category(input.category);
  expect(await updateProduct(p.ownerId, p.storeId, p.id, categoryId, input)).toBe(true);
}

describe("a category's name", () => {
  it("renamed in one language: every product in it and every store whose main category it is is found by the new name at once, and no longer by the old", async () => {
    const spices = await category("spices");
    const inCategory = await visibleIn(spices);
    const mainCategoryOf = await liveStoresOf(spices);
    expect(inCategory.length).toBeGreaterThan(10);
    expect(mainCategoryOf.length).toBeGreaterThan(0);
    expect(await hits("product", "zorvantique")).toEqual([]);

    const rename = (name: string) =>
      transact(db, (tx) =>
        tx
          .update(categoryTranslations)
          .set({ name })
          .where(and(eq(categoryTranslations.categoryId, spices), eq(categoryTranslations.lang, "fr"))),
      );
    await rename("Épices Zorvantique");
    expect(sorted(await hits("product", "zorvantique"))).toEqual(inCategory);
    expect(sorted(await hits("store", "zorvantique"))).toEqual(mainCategoryOf);

    await rename("Épices Quillambre");
    expect(await hits("product", "zorvantique")).toEqual([]);
    expect(await hits("store", "zorvantique")).toEqual([]);
    expect(sorted(await hits("product", "quillambre"))).toEqual(inCategory);
  });

  it("a translation removed and added again: its products lose and regain the name", async () => {
    const tea = await category("tea");
    const inCategory = await visibleIn(tea);
    const [fr] = await db
      .select()
      .from(categoryTranslations)
      .where(and(eq(categoryTranslations.categoryId, tea), eq(categoryTranslations.lang, "fr")));
    await transact(db, (tx) =>
      tx
        .update(categoryTranslations)
        .set({ name: "Thé Marvolindre" })
        .where(and(eq(categoryTranslations.categoryId, tea), eq(categoryTranslations.lang, "fr"))),
    );
    expect(sorted(await hits("product", "marvolindre"))).toEqual(inCategory);

    await transact(db, (tx) =>
      tx.delete(categoryTranslations).where(and(eq(categoryTranslations.categoryId, tea), eq(categoryTranslations.lang, "fr"))),
    );
    expect(await hits("product", "marvolindre")).toEqual([]);

    await transact(db, (tx) => tx.insert(categoryTranslations).values({ ...fr, name: "Thé Pellucide" }));
    expect(sorted(await hits("product", "pellucide"))).toEqual(inCategory);
    expect(await hits("product", "marvolindre")).toEqual([]);
  });
});

describe("a product's text", () => {
  // One new word per language, in that language's script; then a second one replacing it.
  const words: Record<Lang, [string, string]> = {
    en: ["Brindlewick", "Copperfathom"],
    zh: ["琥珀驼铃", "青瓷鹤影"],
    fr: ["Vermillonade", "Ombrelinette"],
    ar: ["زعفرانية", "قرنفلية"],
    pt: ["Caramujolo", "Jacarandela"],
    sw: ["Kitambazuri", "Mwangazuri"],
  };

  it("edited in each of the six languages (name, description, origin): found by the new words at once, no longer by the old", async () => {
    const p = await aLiveProduct("coffee");
    for (const [lang, [first, second]] of Object.entries(words) as [Lang, [string, string]][]) {
      expect(await hits("product", first)).not.toContain(p.id);
      await editProduct(p, { [`name_${lang}`]: `${first} ${lang}` });
      expect(await hits("product", first), `${lang} name`).toContain(p.id);
      await editProduct(p, { [`name_${lang}`]: `${second} ${lang}` });
      expect(await hits("product", first), `${lang} old name`).not.toContain(p.id);
      expect(await hits("product", second), `${lang} new name`).toContain(p.id);
    }
    await editProduct(p, { description_pt: "Torrado em Caramelindo.", originNote_sw: "Kutoka Shambazuri." });
    expect(await hits("product", "caramelindo")).toContain(p.id);
    expect(await hits("product", "shambazuri")).toContain(p.id);
  });

  it("a word it brings is searched as typed at once, not corrected to an older word the typo vocabulary knew", async () => {
    expect((await resolveQuery(parseQuery("cofee"), "en")).corrected).toBe("coffee"); // the vocabulary is read and kept
    const p = await aLiveProduct("crafts");
    await editProduct(p, { name_en: "Cofee Table Book Stand" });
    const { query, corrected } = await resolveQuery(parseQuery("cofee"), "en");
    expect(corrected).toBeNull();
    expect((await searchIds("product", query)).ids).toEqual([p.id]);
  });

  it("a language emptied: its words are no longer found", async () => {
    const p = await aLiveProduct("tea");
    await editProduct(p, { name_sw: "Chai Zumaridi", description_sw: "Majani ya Zumaridi." });
    expect(await hits("product", "zumaridi")).toContain(p.id);
    await editProduct(p, { name_sw: "", description_sw: "", originNote_sw: "" });
    expect(await hits("product", "zumaridi")).not.toContain(p.id);
  });

  it("moved to another category: found by the new category's name, no longer by the old one's", async () => {
    const p = await aLiveProduct("crafts");
    const jewellery = await category("jewellery");
    await transact(db, (tx) =>
      tx
        .update(categoryTranslations)
        .set({ name: "Bijoux Opalescine" })
        .where(and(eq(categoryTranslations.categoryId, jewellery), eq(categoryTranslations.lang, "fr"))),
    );
    expect(await hits("product", "opalescine")).not.toContain(p.id);
    await editProduct(p, {}, "jewellery");
    expect(await hits("product", "opalescine")).toContain(p.id);
    await editProduct(p, {}, "crafts");
    expect(await hits("product", "opalescine")).not.toContain(p.id);
  });
});

describe("a store's text", () => {
  async function aLiveStore() {
    const [s] = await db
      .select({ id: stores.id, ownerId: stores.ownerId, categoryId: stores.primaryCategoryId })
      .from(stores)
      .where(eq(stores.status, "live"))
      .orderBy(stores.id)
      .limit(1);
    return { ...s, ownerId: s.ownerId! };
  }
  const textOf = async (storeId: number, lang: Lang) =>
    (
      await db
        .select()
        .from(storeTranslations)
        .where(and(eq(storeTranslations.storeId, storeId), eq(storeTranslations.lang, lang)))
    )[0];

  it("renamed: found by the new name at once, no longer by the old; a language removed takes its words away", async () => {
    const s = await aLiveStore();
    const pt = await textOf(s.id, "pt");
    const save = (name: string) =>
      saveStoreTranslation(s.ownerId, s.id, {
        intent: "translation",
        language: "pt",
        name,
        city: pt.city,
        tagline: pt.tagline,
        story: pt.story || undefined,
      });
    expect(await save("Casa Lumivento")).toBe("saved");
    expect(await hits("store", "lumivento")).toEqual([s.id]);
    expect(await save("Casa Ventobrisa")).toBe("saved");
    expect(await hits("store", "lumivento")).toEqual([]);
    expect(await hits("store", "ventobrisa")).toEqual([s.id]);
    expect(await removeStoreTranslation(s.ownerId, s.id, "pt")).toBe("removed");
    expect(await hits("store", "ventobrisa")).toEqual([]);
  });

  it("its main category changed: found by the new category's name", async () => {
    const s = await aLiveStore();
    const art = await category("art");
    expect(s.categoryId).not.toBe(art);
    await transact(db, (tx) =>
      tx
        .update(categoryTranslations)
        .set({ name: "Art Cintilorama" })
        .where(and(eq(categoryTranslations.categoryId, art), eq(categoryTranslations.lang, "fr"))),
    );
    expect(await hits("store", "cintilorama")).not.toContain(s.id);
    expect(await updateStoreDetails(s.ownerId, s.id, art, { intent: "details", category: "art" })).toBe("saved");
    expect(await hits("store", "cintilorama")).toContain(s.id);
  });
});
