/**
 * Search scores a bounded number of index rows however many match (issue #16), on both engines:
 * this file's own category "Quorvane wares" holds RANK_ALL + 300 products (one English row
 * each), so the set "about" quorvane is past the cap. The oldest few have the word in their name,
 * the rest only their category. Counted, never timed: the rows the engine's score ran on (its
 * `scored`: the rows of the set the ranking read), the statements sent, and the totals, which
 * past the cap count the ranked items only (the page says "at least"), so nothing reads every match.
 */
import { desc, inArray, like } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, isPostgres, schema, transact } from "~/db.server";
import { LANGS } from "~/modules/i18n/config";
import { CANDIDATES, RANK_ALL, RANK_ALL_STORES, type SearchEngine } from "~/modules/search/engine";
import { postgresEngine } from "~/modules/search/postgres.server";
import { parseQuery } from "~/modules/search/query";
import { MAX_RESULTS, searchIds } from "~/modules/search/search.server";
import { sqliteEngine } from "~/modules/search/sqlite.server";
import { watchStatements } from "./fixtures";

const { users, categories, categoryTranslations, stores, storeTranslations, products, productTranslations } = schema;
const engine: SearchEngine = isPostgres(db) ? postgresEngine : sqliteEngine;

const MATCHES = RANK_ALL + 300;
/** The oldest products, with the word in their name as well as their category. */
const NAMED = 12;
/** Products of the category that are archived: matched by the index, never counted or shown. */
const ARCHIVED = 7;

/** Stores with the word "velquarin" in their name: past the stores' own cap, far below the products'. */
const NAMED_STORES = RANK_ALL_STORES + 50;

const named: number[] = [];
let storeId = 0;

beforeAll(async () => {
  const now = new Date();
  await transact(db, async (tx) => {
    const [owner] = await tx
      .insert(users)
      .values({ email: "bounded@example.com", name: "Bounded", role: "owner", createdAt: now })
      .returning({ id: users.id });
    const [category] = await tx
      .insert(categories)
      .values({ slug: "quorvane-wares", sortOrder: 99 })
      .returning({ id: categories.id });
    await tx
      .insert(categoryTranslations)
      .values({ categoryId: category.id, lang: "en", name: "Quorvane wares", description: "" });
    const [store] = await tx
      .insert(stores)
      .values({
        slug: "quorvane-traders",
        ownerId: owner.id,
        countryCode: "KE",
        primaryCategoryId: category.id,
        status: "live",
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: stores.id });
    storeId = store.id;
    await tx
      .insert(storeTranslations)
      .values({ storeId, lang: "en", name: "Mombasa Lamp House", city: "Mombasa", tagline: "Lamps", story: "Since 2001." });
    for (let from = 0; from < MATCHES; from += 250) {
      const batch = Array.from({ length: Math.min(250, MATCHES - from) }, (_, k) => from + k);
      const made = await tx
        .insert(products)
        .values(
          batch.map((i) => ({
            storeId,
            categoryId: category.id,
            slug: `quorvane-${i}`,
            priceMinor: 1000 + i,
            currency: "USD",
            stock: 5,
            status: i >= NAMED && i < NAMED + ARCHIVED ? ("archived" as const) : ("active" as const),
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: products.id, slug: products.slug });
      const idOf = new Map(made.map((p) => [p.slug, p.id]));
      await tx.insert(productTranslations).values(
        batch.map((i) => ({
          productId: idOf.get(`quorvane-${i}`)!,
          lang: "en",
          name: i < NAMED ? `Quorvane zintelmoor ${i}` : `Brass lamp ${i}`,
          description: "Made by hand.",
          originNote: "",
        })),
      );
      if (from === 0) named.push(...batch.slice(0, NAMED).map((i) => idOf.get(`quorvane-${i}`)!));
    }
    const [storeCategory] = await tx
      .insert(categories)
      .values({ slug: "zorbel-goods", sortOrder: 98 })
      .returning({ id: categories.id });
    await tx
      .insert(categoryTranslations)
      .values({ categoryId: storeCategory.id, lang: "en", name: "Zorbel goods", description: "" });
    for (let from = 0; from < NAMED_STORES; from += 250) {
      const batch = Array.from({ length: Math.min(250, NAMED_STORES - from) }, (_, k) => from + k);
      const made = await tx
        .insert(stores)
        .values(
          batch.map((i) => ({
            slug: `velquarin-${i}`,
            ownerId: owner.id,
            countryCode: "GH",
            primaryCategoryId: storeCategory.id,
            status: "live" as const,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: stores.id });
      await tx
        .insert(storeTranslations)
        .values(
          made.map((s, k) => ({
            storeId: s.id,
            lang: "en",
            name: `Velquarin House ${from + k}`,
            city: "Accra",
            tagline: "",
            story: "",
          })),
        );
    }
  });
});

afterEach(() => vi.restoreAllMocks());

/** Statements that read a search index (SQLite's FTS5 tables, PostgreSQL's search.documents). */
const indexReads = (texts: string[]) =>
  texts.filter((t) => /search_words|search_cjk|search_fts|search\.documents/.test(t)).length;

describe("scoring past the cap", () => {
  it("a set of more than RANK_ALL rows is read on at most CANDIDATES of them, and counted on those only", async () => {
    const ranked = await engine.ranked("product", "about", parseQuery("quorvane"), MAX_RESULTS);
    expect(ranked).toHaveLength(Math.min(MAX_RESULTS, CANDIDATES - 2 * NAMED));
    expect(ranked[0].capped).toBe(true);
    expect(Number(ranked[0].scored)).toBe(CANDIDATES);
    expect(Number(ranked[0].scored)).toBeLessThan(MATCHES);
    // The visible items among the candidates: the NAMED ones, read three times (the name and the category
    // hold the word; the name holds it as typed; a word in the name), then the newest rows of the set;
    // the archived ones are among the oldest, not read.
    expect(Number(ranked[0].total)).toBe(CANDIDATES - 2 * NAMED);
    console.log(`"quorvane": ${MATCHES} rows match, ${ranked[0].scored} rows read, at least ${ranked[0].total} visible products`);
  });

  it("a few results past the cap read only the rows they need: ten products, 120 rows (one per language, twice), the same ten as a full read gives first", async () => {
    const ten = await engine.ranked("product", "about", parseQuery("quorvane"), 10);
    expect(ten).toHaveLength(10);
    expect(ten[0].capped).toBe(true);
    expect(Number(ten[0].scored)).toBe(10 * LANGS.length * 2);
    const full = await engine.ranked("product", "about", parseQuery("quorvane"), MAX_RESULTS);
    expect(ten.map((r) => r.id)).toEqual(full.slice(0, 10).map((r) => r.id));
  });

  it("the oldest products with the word in the name still come first (the name's candidates), then the newest of the set; the list is what was ranked", async () => {
    const hits = await searchIds("product", parseQuery("quorvane"), 20);
    expect(hits.capped).toBe(true);
    expect(hits.total).toBe(20);
    expect(hits.ids).toHaveLength(20);
    expect(hits.ids.slice(0, NAMED).sort((a, b) => a - b)).toEqual(named);
    const newest = Math.max(...hits.ids);
    expect(hits.ids.slice(NAMED)).toEqual(Array.from({ length: 20 - NAMED }, (_, k) => newest - k));
    const matching = await db.select({ id: products.id }).from(products).where(inArray(products.id, hits.matching));
    expect(matching.map((r) => r.id).sort((a, b) => a - b)).toEqual([...hits.ids].sort((a, b) => a - b));
  });

  it("a search past the cap sends two statements to the index: a count stopped at RANK_ALL + 1, the ranking of the candidates", async () => {
    await searchIds("product", parseQuery("quorvane"), 20);
    const statements = watchStatements();
    await searchIds("product", parseQuery("quorvane"), 20);
    expect(indexReads(statements())).toBe(2);
  });

  it("a set under the cap is scored in full, every row once", async () => {
    const ranked = await engine.ranked("product", "about", parseQuery("zintelmoor"), 10);
    expect(ranked).toHaveLength(10);
    expect(named).toEqual(expect.arrayContaining(ranked.map((r) => r.id)));
    expect(Number(ranked[0].total)).toBe(NAMED);
    expect(Number(ranked[0].scored)).toBe(NAMED);
    expect(ranked[0].capped).toBe(false);
  });

  it("stores have a cap of their own, far below the products': a page shows four, so a set past RANK_ALL_STORES rows is answered from its candidates", async () => {
    const ranked = await engine.ranked("store", "about", parseQuery("velquarin"), 4);
    expect(ranked).toHaveLength(4);
    expect(ranked[0].capped).toBe(true);
    expect(Number(ranked[0].scored)).toBeLessThanOrEqual(CANDIDATES);
    const hits = await searchIds("store", parseQuery("velquarin"), 4);
    expect(hits.capped).toBe(true);
    expect(hits.ids).toHaveLength(4);
    // The newest first: the highest store ids, the last rows below the stores' rowid bound (SQLite).
    const newest = await db.select({ id: stores.id }).from(stores).where(like(stores.slug, "velquarin-%")).orderBy(desc(stores.id)).limit(4);
    expect(hits.ids).toEqual(newest.map((s) => s.id));
  });

  it("stores are ranked among store rows only: a store about the word (its main category) is found though many newer product rows match", async () => {
    const { ids, total, capped } = await searchIds("store", parseQuery("quorvane"), 4);
    expect(ids).toEqual([storeId]);
    expect(total).toBe(1);
    expect(capped).toBe(false);
  });
});
