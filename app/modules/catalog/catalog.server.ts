/**
 * Read side of the catalogue for shoppers: only live stores and active
 * products. Content comes in the page's language with an explicit English
 * fallback that callers can show (`fallback: true`).
 *
 * One product card query (`productCards`) and one store card query
 * (`storeCards`) serve every listing: home, categories, countries, stores,
 * search, the product and store pages and the festival page. A card's price
 * is the deal rule's (app/modules/pricing) at the given instant.
 *
 * The product and store pages and the home page's newest products run their
 * queries prepared once, with placeholders (`prepared`): building and
 * compiling these joins on every call cost several times running them
 * (measured: getProduct 412 µs of CPU with the former prepared SQL, 2,302 µs
 * built per call, on the same database and machine).
 */
import { and, asc, count, desc, eq, inArray, ne, sql, type Placeholder, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import { dealCandidates } from "../festivals/festivals.server";
import type { Lang } from "../i18n/config";
import { unitPriceAt, type UnitPrice } from "../pricing/pricing";
import { untilContentChanges } from "./content-version.server";

export const CAMPAIGN_TARGETS = { stores: 100, products: 1000 } as const;

const { products, stores, categories } = schema;
/** Live stores' active products: the rows shoppers may see (over `products` joined to `stores`). */
export const visibleProduct = and(eq(products.status, "active"), eq(stores.status, "live"));

// The translations in the page's language (left joins: may be missing) and in English (always there).
const ptLang = alias(schema.productTranslations, "pt_lang");
const ptEn = alias(schema.productTranslations, "pt_en");
const stLang = alias(schema.storeTranslations, "st_lang");
const stEn = alias(schema.storeTranslations, "st_en");
const ctLang = alias(schema.categoryTranslations, "ct_lang");
const ctEn = alias(schema.categoryTranslations, "ct_en");
const cover = alias(schema.productImages, "cover");

export interface ProductCard {
  id: number;
  slug: string;
  name: string;
  fallback: boolean;
  stock: number;
  currency: string;
  price: UnitPrice;
  image: { url: string; width: number; height: number } | null;
  store: { slug: string; name: string; countryCode: string };
  categorySlug: string;
  /** Listing instant (ms), the "newest" sort key. */
  listedAt: number;
}

/** A language, or the placeholder a prepared query binds it to. */
type LangValue = Lang | Placeholder;
/** A number, or a placeholder. */
type NumberValue = number | Placeholder;

/** `build()`, prepared on first use and kept (one database per process; each test file has its own module). */
function prepared<T>(build: () => T): () => T {
  let query: T | undefined;
  return () => (query ??= build());
}

/**
 * The product card query, the only one: the card's columns in `lang` (English
 * where a translation is missing), filtered by `where` over products, stores
 * and categories. Callers showing shoppers a list put `visibleProduct` in
 * `where`; the owner's private preview does not.
 *
 * It joins four relations and reads the names as scalar subqueries (one
 * primary-key lookup each): PostgreSQL searches join orders over every joined
 * relation, and with the four translations joined as well (eight relations)
 * planning the query cost ~21 ms a call for ~1.5 ms of running it. SQLite runs
 * both forms alike (docs/decisions/0042-card-query-planning.md).
 */
export function productCardQuery(lang: LangValue, where: SQL | undefined, order: SQL[], limit: NumberValue) {
  return db
    .select({
      id: products.id,
      slug: products.slug,
      priceMinor: products.priceMinor,
      currency: products.currency,
      stock: products.stock,
      name: sql<string | null>`${productName(lang)}`,
      nameEn: sql<string>`${productName("en")}`,
      storeSlug: stores.slug,
      storeName: sql<string | null>`${storeText("name", stores.id, lang)}`,
      storeNameEn: sql<string>`${storeText("name", stores.id, "en")}`,
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
    .leftJoin(cover, and(eq(cover.productId, products.id), eq(cover.isCover, true)))
    .where(where)
    .orderBy(...order)
    .limit(limit);
}

// Translated texts as scalar subqueries (one primary-key lookup each; null where there is no
// translation), so the queries that read them join few relations.
function productName(lang: LangValue) {
  const t = schema.productTranslations;
  return db.select({ name: t.name }).from(t).where(and(eq(t.productId, products.id), eq(t.lang, lang)));
}
function storeText(column: "name" | "city", store: typeof stores.id | typeof products.storeId, lang: LangValue) {
  const t = schema.storeTranslations;
  return db.select({ text: t[column] }).from(t).where(and(eq(t.storeId, store), eq(t.lang, lang)));
}
function categoryName(lang: LangValue) {
  const t = schema.categoryTranslations;
  return db.select({ name: t.name }).from(t).where(and(eq(t.categoryId, products.categoryId), eq(t.lang, lang)));
}

type ProductCardRow = Awaited<ReturnType<typeof productCardQuery>>[number];

/** Cards from card rows, priced at `now` by the deal rule (pricing.ts) over every deal offered on these products. */
async function toProductCards(rows: ProductCardRow[], now: number): Promise<ProductCard[]> {
  const deals = await dealCandidates(rows.map((r) => r.id));
  return rows.map(
    (r): ProductCard => ({
      id: r.id,
      slug: r.slug,
      name: r.name ?? r.nameEn,
      fallback: r.name === null,
      stock: r.stock,
      currency: r.currency,
      price: unitPriceAt(r.priceMinor, deals.get(r.id) ?? [], now),
      image: r.imageUrl ? { url: r.imageUrl, width: r.imageWidth!, height: r.imageHeight! } : null,
      store: { slug: r.storeSlug, name: r.storeName ?? r.storeNameEn, countryCode: r.countryCode },
      categorySlug: r.categorySlug,
      listedAt: r.listedAt.getTime(),
    }),
  );
}

/** Visible products' cards matching `where` (over products, stores, categories), for the catalogue's lists. */
export async function visibleProductCards(lang: Lang, where: SQL | undefined, order: SQL[], limit: number, now: number): Promise<ProductCard[]> {
  return toProductCards(await productCardQuery(lang, and(visibleProduct, where), order, limit), now);
}

const LANG = sql.placeholder("lang");
const NEWEST_FIRST = [desc(products.createdAt), desc(products.id)];

const cardsBy = {
  slug: prepared(() => productCardQuery(LANG, and(visibleProduct, eq(products.slug, sql.placeholder("slug"))), [asc(products.id)], 1).prepare()),
  store: prepared(() => productCardQuery(LANG, and(visibleProduct, eq(products.storeId, sql.placeholder("storeId"))), [asc(products.id)], 100).prepare()),
  newest: prepared(() => productCardQuery(LANG, visibleProduct, NEWEST_FIRST, sql.placeholder("limit")).prepare()),
  moreFromStore: prepared(() =>
    productCardQuery(
      LANG,
      and(visibleProduct, eq(products.storeId, sql.placeholder("storeId")), ne(products.id, sql.placeholder("excludeId"))),
      NEWEST_FIRST,
      sql.placeholder("limit"),
    ).prepare(),
  ),
};

/** Cards for these product ids (visible ones only), in id order. */
export async function productCardsByIds(lang: Lang, ids: readonly number[], now: number): Promise<ProductCard[]> {
  if (!ids.length) return [];
  return visibleProductCards(lang, inArray(products.id, [...ids]), [asc(products.id)], ids.length, now);
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

function paged<T>(items: T[], total: number, page: number, perPage: number): Page<T> {
  return { items, total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
}

export async function newestProducts(lang: Lang, limit: number, now: number): Promise<ProductCard[]> {
  return toProductCards(await cardsBy.newest().execute({ lang, limit }), now);
}

export interface CategoryTile {
  id: number;
  slug: string;
  name: string;
  description: string;
  productCount: number;
}

/** Category tiles change only when listings do, and every catalogue page needs them: kept until the content moves. */
export function listCategories(lang: Lang): Promise<CategoryTile[]> {
  return untilContentChanges(`categories:${lang}`, () => queryCategories(lang));
}

async function queryCategories(lang: Lang): Promise<CategoryTile[]> {
  const countRows = await db
    .select({ categoryId: products.categoryId, n: count() })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(visibleProduct)
    .groupBy(products.categoryId);
  const counts = new Map(countRows.map((r) => [r.categoryId, r.n]));
  const tiles = await db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: sql<string>`coalesce(${ctLang.name}, ${ctEn.name})`,
      description: sql<string>`coalesce(${ctLang.description}, ${ctEn.description})`,
    })
    .from(categories)
    .innerJoin(ctEn, and(eq(ctEn.categoryId, categories.id), eq(ctEn.lang, "en")))
    .leftJoin(ctLang, and(eq(ctLang.categoryId, categories.id), eq(ctLang.lang, lang)))
    .orderBy(asc(categories.sortOrder));
  return tiles.map((c) => ({ ...c, productCount: counts.get(c.id) ?? 0 }));
}

export interface StoreCard {
  id: number;
  slug: string;
  name: string;
  city: string;
  tagline: string;
  fallback: boolean;
  countryCode: string;
  foundedYear: number | null;
  bannerUrl: string | null;
  categorySlug: string | null;
  productCount: number;
}

/**
 * The store card query, the only one: live stores matching `where` (over
 * stores), in `lang` with the English text as the fallback, in id order.
 * The product count is of the store's active products.
 */
function storeCards(lang: LangValue, where: SQL | undefined, limit: NumberValue, offset: NumberValue) {
  return db
    .select({
      id: stores.id,
      slug: stores.slug,
      name: sql<string>`coalesce(${stLang.name}, ${stEn.name})`,
      city: sql<string>`coalesce(${stLang.city}, ${stEn.city})`,
      tagline: sql<string>`coalesce(${stLang.tagline}, ${stEn.tagline})`,
      fallback: sql<boolean>`${stLang.name} IS NULL`.mapWith(Boolean),
      countryCode: stores.countryCode,
      foundedYear: stores.foundedYear,
      bannerUrl: stores.bannerUrl,
      categorySlug: categories.slug,
      productCount: db.$count(products, and(eq(products.storeId, stores.id), eq(products.status, "active"))),
    })
    .from(stores)
    .innerJoin(stEn, and(eq(stEn.storeId, stores.id), eq(stEn.lang, "en")))
    .leftJoin(stLang, and(eq(stLang.storeId, stores.id), eq(stLang.lang, lang)))
    .leftJoin(categories, eq(categories.id, stores.primaryCategoryId))
    .where(and(eq(stores.status, "live"), where))
    .orderBy(asc(stores.id))
    .limit(limit)
    .offset(offset);
}

/** A store is "in" a category when it lists an active product there. */
function storesInCategory(slug: string): SQL {
  return inArray(
    stores.id,
    db
      .select({ storeId: products.storeId })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(eq(products.status, "active"), eq(categories.slug, slug))),
  );
}

export async function listStores(lang: Lang, filters: { country?: string; category?: string }, page: number, perPage: number): Promise<Page<StoreCard>> {
  const where = and(
    filters.country !== undefined ? eq(stores.countryCode, filters.country) : undefined,
    filters.category !== undefined ? storesInCategory(filters.category) : undefined,
  );
  const [items, total] = await Promise.all([
    storeCards(lang, where, perPage, (page - 1) * perPage),
    db.$count(stores, and(eq(stores.status, "live"), where)),
  ]);
  return paged(items, total, page, perPage);
}

/** The home page's featured stores: kept until the content moves (they depend on nothing else). */
export function featuredStores(lang: Lang, limit: number): Promise<StoreCard[]> {
  return untilContentChanges(`featured-stores:${lang}:${limit}`, async () => storeCards(lang, eq(stores.featured, true), limit, 0));
}

/** Live stores' cards for these ids (at most `limit`, in id order). */
export async function storeCardsByIds(lang: Lang, ids: readonly number[], limit: number): Promise<StoreCard[]> {
  if (!ids.length) return [];
  return storeCards(lang, inArray(stores.id, [...ids]), limit, 0);
}

export interface StoreDetail extends StoreCard {
  story: string;
  storyFallback: boolean;
  products: ProductCard[];
}

const storePage = {
  card: prepared(() => storeCards(LANG, eq(stores.slug, sql.placeholder("slug")), 1, 0).prepare()),
  // The story in the page's language unless empty, else the English one.
  story: prepared(() =>
    db
      .select({
        story: sql<string>`coalesce(nullif(${stLang.story}, ''), ${stEn.story})`,
        storyFallback: sql<boolean>`coalesce(${stLang.story}, '') = ''`.mapWith(Boolean),
      })
      .from(stEn)
      .leftJoin(stLang, and(eq(stLang.storeId, stEn.storeId), eq(stLang.lang, LANG)))
      .where(and(eq(stEn.storeId, sql.placeholder("storeId")), eq(stEn.lang, "en")))
      .prepare(),
  ),
};

export async function getStore(slug: string, lang: Lang, now: number): Promise<StoreDetail | null> {
  const [card] = await storePage.card().execute({ lang, slug });
  if (!card) return null;
  const [[story], items] = await Promise.all([storePage.story().execute({ lang, storeId: card.id }), cardsBy.store().execute({ lang, storeId: card.id })]);
  return { ...card, story: story?.story ?? "", storyFallback: story?.storyFallback ?? true, products: await toProductCards(items, now) };
}

export interface ProductDetail extends ProductCard {
  description: string;
  /** The description is the English one: none in the page's language yet. */
  descriptionFallback: boolean;
  originNote: string;
  originFallback: boolean;
  images: { url: string; width: number; height: number }[];
  category: { slug: string; name: string };
  storeCity: string;
  storeFoundedYear: number | null;
  storeId: number;
}

export async function getProduct(slug: string, lang: Lang, now: number): Promise<ProductDetail | null> {
  const [card] = await toProductCards(await cardsBy.slug().execute({ lang, slug }), now);
  return card ? productDetail(card, lang) : null;
}

/**
 * The owner's own product whatever its status (a draft, say), as the shop
 * would show it: for the private preview, never for a shared page.
 */
export async function getOwnedProductPreview(ownerId: number, productId: number, lang: Lang, now: number): Promise<ProductDetail | null> {
  const [card] = await toProductCards(await productCardQuery(lang, and(eq(products.id, productId), eq(stores.ownerId, ownerId)), [asc(products.id)], 1), now);
  return card ? productDetail(card, lang) : null;
}

// A product translated only in part (a name, no description or origin yet) shows the English
// text in their place, flagged so the page marks it (lang="en", "not yet translated"). Four joined
// relations, the category's and the store's texts as subqueries: see productCardQuery.
const productPage = {
  detail: prepared(() =>
    db
      .select({
        description: sql<string>`coalesce(nullif(${ptLang.description}, ''), ${ptEn.description})`,
        descriptionFallback: sql<boolean>`coalesce(${ptLang.description}, '') = '' AND ${ptEn.description} <> ''`.mapWith(Boolean),
        originNote: sql<string>`coalesce(nullif(${ptLang.originNote}, ''), ${ptEn.originNote})`,
        originFallback: sql<boolean>`coalesce(${ptLang.originNote}, '') = '' AND ${ptEn.originNote} <> ''`.mapWith(Boolean),
        categoryName: sql<string>`coalesce(${categoryName(LANG)}, ${categoryName("en")})`,
        storeCity: sql<string>`coalesce(${storeText("city", products.storeId, LANG)}, ${storeText("city", products.storeId, "en")})`,
        storeFoundedYear: stores.foundedYear,
        storeId: stores.id,
      })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .innerJoin(ptEn, and(eq(ptEn.productId, products.id), eq(ptEn.lang, "en")))
      .leftJoin(ptLang, and(eq(ptLang.productId, products.id), eq(ptLang.lang, LANG)))
      .where(eq(products.id, sql.placeholder("id")))
      .prepare(),
  ),
  // The cover first, then the owner's order.
  images: prepared(() => {
    const images = schema.productImages;
    return db
      .select({ url: images.url, width: images.width, height: images.height })
      .from(images)
      .where(eq(images.productId, sql.placeholder("id")))
      .orderBy(desc(images.isCover), asc(images.position), asc(images.id))
      .prepare();
  }),
};

async function productDetail(card: ProductCard, lang: Lang): Promise<ProductDetail> {
  const [[row], imageRows] = await Promise.all([productPage.detail().execute({ lang, id: card.id }), productPage.images().execute({ id: card.id })]);
  return {
    ...card,
    description: row.description,
    descriptionFallback: row.descriptionFallback,
    originNote: row.originNote,
    originFallback: row.originFallback,
    images: imageRows,
    category: { slug: card.categorySlug, name: row.categoryName },
    storeCity: row.storeCity,
    storeFoundedYear: row.storeFoundedYear,
    storeId: row.storeId,
  };
}

export async function moreFromStore(lang: Lang, storeId: number, excludeId: number, limit: number, now: number): Promise<ProductCard[]> {
  return toProductCards(await cardsBy.moreFromStore().execute({ lang, storeId, excludeId, limit }), now);
}

export interface CampaignTracker {
  storesLive: number;
  productsListed: number;
  countries: number;
  byCountry: { countryCode: string; stores: number; products: number }[];
}

/** Live stores and listed products against the campaign's 100 / 1,000 targets: kept until the content moves. */
export function campaignTracker(): Promise<CampaignTracker> {
  return untilContentChanges("campaign-tracker", async () => {
    const [storeRows, productRows] = await Promise.all([
      db.select({ countryCode: stores.countryCode, n: count() }).from(stores).where(eq(stores.status, "live")).groupBy(stores.countryCode),
      db
        .select({ countryCode: stores.countryCode, n: count() })
        .from(products)
        .innerJoin(stores, eq(stores.id, products.storeId))
        .where(visibleProduct)
        .groupBy(stores.countryCode),
    ]);
    const productsBy = new Map(productRows.map((r) => [r.countryCode, r.n]));
    const byCountry = storeRows
      .map((r) => ({ countryCode: r.countryCode, stores: r.n, products: productsBy.get(r.countryCode) ?? 0 }))
      .sort((a, b) => b.stores - a.stores || a.countryCode.localeCompare(b.countryCode));
    return {
      storesLive: storeRows.reduce((sum, r) => sum + r.n, 0),
      productsListed: productRows.reduce((sum, r) => sum + r.n, 0),
      countries: storeRows.length,
      byCountry,
    };
  });
}
