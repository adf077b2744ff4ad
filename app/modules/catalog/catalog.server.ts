/**
 * Read side of the catalogue for shoppers: only live stores and active
 * products. Content comes in the page's language with an explicit English
 * fallback that callers can show (`fallback: true`).
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import { dealCandidatesSync } from "../festivals/festivals.server";
import type { Lang } from "../i18n/config";
import { unitPriceAt, type UnitPrice } from "../pricing/pricing";
import { untilContentChanges } from "./content-version.server";
import { cardSql, idsIn, OWNED_CARD_SQL, prepared, PRODUCT_FROM, storeCardSql, VISIBLE_PRODUCT, type CardRow, type StoreCardRow } from "./sql.server";

export const CAMPAIGN_TARGETS = { stores: 100, products: 1000 } as const;

const { products, stores, categories } = schema;
export const visibleProduct = and(eq(products.status, "active"), eq(stores.status, "live"));

function categoryTranslationsFor(lang: Lang) {
  const t = alias(schema.categoryTranslations, "ct_lang");
  const en = alias(schema.categoryTranslations, "ct_en");
  return {
    t,
    en,
    joinT: and(eq(t.categoryId, categories.id), eq(t.lang, lang)),
    joinEn: and(eq(en.categoryId, categories.id), eq(en.lang, "en")),
  };
}

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

/** Attaches the price in force at `now` (deal or regular) to product rows. */
function withPrices<T extends { id: number; priceMinor: number }>(rows: T[], now: number) {
  const deals = dealCandidatesSync(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, price: unitPriceAt(r.priceMinor, deals.get(r.id) ?? [], now) }));
}

function toCards(rows: CardRow[], now: number): ProductCard[] {
  return withPrices(rows, now).map(
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
      listedAt: Number(r.listedAt),
    }),
  );
}

/**
 * `productCards` on a prepared statement: `where` is SQL over p (products),
 * s (stores) and c (categories) with named parameters taken from `params`
 * (see sql.server.ts); `order` an ORDER BY list over the same aliases.
 */
export function productCardsWhere(
  lang: Lang,
  where: string,
  params: Record<string, unknown>,
  opts: { limit: number; offset: number; order: string },
  now: number,
): ProductCard[] {
  const rows = prepared(cardSql(where, opts.order)).all({ ...params, lang, limit: opts.limit, offset: opts.offset }) as CardRow[];
  return toCards(rows, now);
}

/** Cards for these product ids (visible ones only), in id order. */
export function productCardsByIds(lang: Lang, ids: readonly number[], now: number): ProductCard[] {
  if (!ids.length) return [];
  return productCardsWhere(lang, idsIn("p.id", "ids"), { ids: JSON.stringify(ids) }, { limit: ids.length, offset: 0, order: "p.id ASC" }, now);
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

export function newestProducts(lang: Lang, limit: number, now: number): ProductCard[] {
  return productCardsWhere(lang, "1 = 1", {}, { limit, offset: 0, order: "p.created_at DESC, p.id DESC" }, now);
}

export interface CategoryTile {
  id: number;
  slug: string;
  name: string;
  description: string;
  productCount: number;
}

/** Category tiles change only when listings do, and every catalogue page needs them: kept until the content moves. */
export function listCategories(lang: Lang): CategoryTile[] {
  return untilContentChanges(`categories:${lang}`, () => queryCategories(lang));
}

function queryCategories(lang: Lang): CategoryTile[] {
  const ct = categoryTranslationsFor(lang);
  const counts = new Map(
    db
      .select({ categoryId: products.categoryId, n: count() })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(visibleProduct)
      .groupBy(products.categoryId)
      .all()
      .map((r) => [r.categoryId, r.n]),
  );
  return db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: sql<string>`coalesce(${ct.t.name}, ${ct.en.name})`,
      description: sql<string>`coalesce(${ct.t.description}, ${ct.en.description})`,
    })
    .from(categories)
    .innerJoin(ct.en, ct.joinEn)
    .leftJoin(ct.t, ct.joinT)
    .orderBy(asc(categories.sortOrder))
    .all()
    .map((c) => ({ ...c, productCount: counts.get(c.id) ?? 0 }));
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

/** Live stores' cards matching `where` (SQL over s, stores, with named parameters from `params`), in id order. */
function storeCardsWhere(lang: Lang, where: string, params: Record<string, unknown>, limit: number, offset: number): StoreCard[] {
  const rows = prepared(storeCardSql(where)).all({ ...params, lang, limit, offset }) as StoreCardRow[];
  return rows.map(toStoreCard);
}

/** A store is "in" a category when it lists an active product there. */
const STORE_FILTERS = {
  country: "s.country_code = @country",
  category: "s.id IN (SELECT p.store_id FROM products p JOIN categories c ON c.id = p.category_id WHERE p.status = 'active' AND c.slug = @category)",
} as const;

export function listStores(lang: Lang, filters: { country?: string; category?: string }, page: number, perPage: number): Page<StoreCard> {
  const set = (Object.keys(STORE_FILTERS) as (keyof typeof STORE_FILTERS)[]).filter((k) => filters[k] !== undefined);
  const where = set.map((k) => STORE_FILTERS[k]).join(" AND ") || "1 = 1";
  const params = Object.fromEntries(set.map((k) => [k, filters[k]]));
  const total = prepared(`SELECT count(*) AS n FROM stores s WHERE s.status = 'live' AND (${where})`).get(params) as { n: number };
  return paged(storeCardsWhere(lang, where, params, perPage, (page - 1) * perPage), total.n, page, perPage);
}

/** The home page's featured stores: kept until the content moves (they depend on nothing else). */
export function featuredStores(lang: Lang, limit: number): StoreCard[] {
  return untilContentChanges(`featured-stores:${lang}:${limit}`, () => storeCardsWhere(lang, "s.featured = 1", {}, limit, 0));
}

export interface StoreDetail extends StoreCard {
  story: string;
  storyFallback: boolean;
  products: ProductCard[];
}

function toStoreCard(s: StoreCardRow): StoreCard {
  return { ...s, fallback: Boolean(s.fallback), productCount: Number(s.productCount) };
}

/** Live stores' cards for these ids (at most `limit`, in id order). */
export function storeCardsByIds(lang: Lang, ids: readonly number[], limit: number): StoreCard[] {
  if (!ids.length) return [];
  return storeCardsWhere(lang, idsIn("s.id", "ids"), { ids: JSON.stringify(ids) }, limit, 0);
}

// The store page's story: the page language's text unless empty, else the English one.
const STORE_STORY_COLUMNS = `, coalesce(nullif(st_lang.story, ''), st_en.story) AS story, coalesce(st_lang.story, '') = '' AS storyFallback`;

export function getStore(slug: string, lang: Lang, now: number): StoreDetail | null {
  const row = prepared(storeCardSql("s.slug = @slug", STORE_STORY_COLUMNS)).get({ lang, slug, limit: 1, offset: 0 }) as
    | (StoreCardRow & { story: string | null; storyFallback: number })
    | undefined;
  if (!row) return null;
  const { story, storyFallback, ...card } = row;
  const items = productCardsWhere(lang, "p.store_id = @storeId", { storeId: card.id }, { limit: 100, offset: 0, order: "p.id ASC" }, now);
  return { ...toStoreCard(card), story: story ?? "", storyFallback: Boolean(storyFallback), products: items };
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

// A product translated only in part (a name, no description or origin yet) shows the English
// text in their place, flagged so the page marks it (lang="en", "not yet translated").
const PRODUCT_DETAIL = `SELECT coalesce(nullif(pt_lang.description, ''), pt_en.description) AS description,
    coalesce(pt_lang.description, '') = '' AND pt_en.description <> '' AS descriptionFallback,
    coalesce(nullif(pt_lang.origin_note, ''), pt_en.origin_note) AS originNote,
    coalesce(pt_lang.origin_note, '') = '' AND pt_en.origin_note <> '' AS originFallback,
    coalesce(ct_lang.name, ct_en.name) AS categoryName,
    coalesce(st_lang.city, st_en.city) AS storeCity,
    s.founded_year AS storeFoundedYear, s.id AS storeId
  FROM products p
  JOIN stores s ON s.id = p.store_id
  JOIN categories c ON c.id = p.category_id
  JOIN product_translations pt_en ON pt_en.product_id = p.id AND pt_en.lang = 'en'
  LEFT JOIN product_translations pt_lang ON pt_lang.product_id = p.id AND pt_lang.lang = @lang
  JOIN store_translations st_en ON st_en.store_id = s.id AND st_en.lang = 'en'
  LEFT JOIN store_translations st_lang ON st_lang.store_id = s.id AND st_lang.lang = @lang
  JOIN category_translations ct_en ON ct_en.category_id = c.id AND ct_en.lang = 'en'
  LEFT JOIN category_translations ct_lang ON ct_lang.category_id = c.id AND ct_lang.lang = @lang
  WHERE p.id = @id`;

// The cover first, then the owner's order.
const PRODUCT_IMAGES = "SELECT url, width, height FROM product_images WHERE product_id = ? ORDER BY is_cover DESC, position ASC, id ASC";

export function getProduct(slug: string, lang: Lang, now: number): ProductDetail | null {
  const [card] = productCardsWhere(lang, "p.slug = @slug", { slug }, { limit: 1, offset: 0, order: "p.id ASC" }, now);
  return card ? productDetail(card, lang) : null;
}

/**
 * The owner's own product whatever its status (a draft, say), as the shop
 * would show it: for the private preview, never for a shared page.
 */
export function getOwnedProductPreview(ownerId: number, productId: number, lang: Lang, now: number): ProductDetail | null {
  const rows = prepared(OWNED_CARD_SQL).all({ id: productId, ownerId, lang }) as CardRow[];
  const [card] = toCards(rows, now);
  return card ? productDetail(card, lang) : null;
}

function productDetail(card: ProductCard, lang: Lang): ProductDetail {
  const row = prepared(PRODUCT_DETAIL).get({ lang, id: card.id }) as {
    description: string;
    descriptionFallback: number;
    originNote: string;
    originFallback: number;
    categoryName: string;
    storeCity: string;
    storeFoundedYear: number | null;
    storeId: number;
  };
  const images = prepared(PRODUCT_IMAGES).all(card.id) as { url: string; width: number; height: number }[];
  return {
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
  };
}

export function moreFromStore(lang: Lang, storeId: number, excludeId: number, limit: number, now: number): ProductCard[] {
  return productCardsWhere(
    lang,
    "p.store_id = @storeId AND p.id <> @excludeId",
    { storeId, excludeId },
    { limit, offset: 0, order: "p.created_at DESC, p.id DESC" },
    now,
  );
}

export interface CampaignTracker {
  storesLive: number;
  productsListed: number;
  countries: number;
  byCountry: { countryCode: string; stores: number; products: number }[];
}

const TRACKER_STORES = "SELECT s.country_code AS countryCode, count(*) AS n FROM stores s WHERE s.status = 'live' GROUP BY s.country_code";
const TRACKER_PRODUCTS = `SELECT s.country_code AS countryCode, count(*) AS n ${PRODUCT_FROM} WHERE ${VISIBLE_PRODUCT} GROUP BY s.country_code`;

/** Live stores and listed products against the campaign's 100 / 1,000 targets: kept until the content moves. */
export function campaignTracker(): CampaignTracker {
  return untilContentChanges("campaign-tracker", () => {
    const storeRows = prepared(TRACKER_STORES).all() as { countryCode: string; n: number }[];
    const productRows = prepared(TRACKER_PRODUCTS).all() as { countryCode: string; n: number }[];
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
