/**
 * /products: filters, sorts, facet counts and pagination that stays fast deep
 * into the list (keyset cursors, so page 400 costs what page 1 costs).
 * With search words the matching set is small (≤ MAX_RESULTS), so it is
 * ranked and paged in memory.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import type { Lang } from "../i18n/config";
import { productsWithLiveDeal } from "../pricing/live-deals.server";
import { parseQuery } from "../search/query";
import { searchIds } from "../search/search.server";
import { productCardsByIds, visibleProduct, visibleProductCards, type ProductCard } from "./catalog.server";
import { encodeCursor, type ProductListParams, type ProductSort } from "./params";

const { products, stores, categories } = schema;

export interface ProductFilter {
  q?: string;
  category?: string;
  country?: string;
  store?: string;
  /** Inclusive bounds on the base (USD) price, already converted from the shopper's currency. */
  minBase?: number;
  maxBase?: number;
  deal?: boolean;
}

type Facet = "category" | "country" | "store";

/** The filter as a condition over products, stores and categories (visible products only); `skip` leaves one facet out. */
function filterWhere(f: ProductFilter, now: number, hitIds: number[] | null, skip?: Facet): SQL | undefined {
  return and(
    visibleProduct,
    hitIds ? inArray(products.id, hitIds) : undefined,
    f.category && skip !== "category" ? eq(categories.slug, f.category) : undefined,
    f.country && skip !== "country" ? eq(stores.countryCode, f.country) : undefined,
    f.store && skip !== "store" ? eq(stores.slug, f.store) : undefined,
    f.minBase !== undefined ? gte(products.priceMinor, f.minBase) : undefined,
    f.maxBase !== undefined ? lte(products.priceMinor, f.maxBase) : undefined,
    f.deal ? inArray(products.id, productsWithLiveDeal(new Date(now))) : undefined,
  );
}

// Products with their store and category, for the filter's conditions.
const productStore = eq(stores.id, products.storeId);
const productCategory = eq(categories.id, products.categoryId);

export interface Facets {
  total: number;
  categories: { slug: string; count: number }[];
  countries: { code: string; count: number }[];
  stores: { slug: string; name: string; count: number }[];
}

/** Facets are the heavy part at 100,000 products; they are cached briefly (pages are CDN-cached for as long). */
const FACET_TTL_MS = 60_000;
const facetCache = new Map<string, { at: number; value: Facets }>();

const stLang = alias(schema.storeTranslations, "st_lang");
const stEn = alias(schema.storeTranslations, "st_en");

async function facets(lang: Lang, f: ProductFilter, now: number, hitIds: number[] | null): Promise<Facets> {
  const key = JSON.stringify([lang, f, hitIds === null ? null : hitIds.length + ":" + hitIds.slice(0, 50).join(","), f.deal ? Math.floor(now / FACET_TTL_MS) : 0]);
  const cached = facetCache.get(key);
  if (cached && now - cached.at < FACET_TTL_MS) return cached.value;
  const storeName = sql<string>`coalesce(${stLang.name}, ${stEn.name})`;
  const [[total], categoryRows, countryRows, storeRows] = await Promise.all([
    db.select({ n: count() }).from(products).innerJoin(stores, productStore).innerJoin(categories, productCategory).where(filterWhere(f, now, hitIds)),
    db
      .select({ slug: categories.slug, n: count() })
      .from(products)
      .innerJoin(stores, productStore)
      .innerJoin(categories, productCategory)
      .where(filterWhere(f, now, hitIds, "category"))
      .groupBy(categories.slug),
    db
      .select({ code: stores.countryCode, n: count() })
      .from(products)
      .innerJoin(stores, productStore)
      .innerJoin(categories, productCategory)
      .where(filterWhere(f, now, hitIds, "country"))
      .groupBy(stores.countryCode),
    db
      .select({ slug: stores.slug, name: storeName, n: count() })
      .from(products)
      .innerJoin(stores, productStore)
      .innerJoin(categories, productCategory)
      .innerJoin(stEn, and(eq(stEn.storeId, stores.id), eq(stEn.lang, "en")))
      .leftJoin(stLang, and(eq(stLang.storeId, stores.id), eq(stLang.lang, lang)))
      .where(filterWhere(f, now, hitIds, "store"))
      .groupBy(stores.id, stores.slug, stLang.name, stEn.name)
      .orderBy(desc(count()), asc(stores.slug))
      .limit(40),
  ]);
  const value: Facets = {
    total: total?.n ?? 0,
    categories: categoryRows.map((r) => ({ slug: r.slug, count: r.n })),
    countries: countryRows.map((r) => ({ code: r.code, count: r.n })),
    stores: storeRows.map((r) => ({ slug: r.slug, name: r.name, count: r.n })),
  };
  if (facetCache.size > 2000) facetCache.clear();
  facetCache.set(key, { at: now, value });
  return value;
}

const SORT_COLUMN = {
  newest: { column: products.createdAt, dir: "desc", edge: (value: number) => new Date(value) },
  price_asc: { column: products.priceMinor, dir: "asc", edge: (value: number) => value },
  price_desc: { column: products.priceMinor, dir: "desc", edge: (value: number) => value },
} as const;

function sortKey(p: ProductCard, sort: Exclude<ProductSort, "relevance">): number {
  return sort === "newest" ? p.listedAt : p.price.regularMinor;
}

export interface ProductBrowse {
  items: ProductCard[];
  facets: Facets;
  /** Cursor for the next page (`after=`), if there is one. */
  next: string | null;
  /** Cursor for the previous page (`before=`), if there is one. */
  prev: string | null;
  /** 1-based page number in offset mode (search), where pages are addressed by number. */
  offsetMode: boolean;
}

export async function browseProducts(lang: Lang, params: ProductListParams, f: ProductFilter, perPage: number, now: number): Promise<ProductBrowse> {
  const query = parseQuery(params.q);
  const hitIds = params.q ? (await searchIds("product", query)).ids : null;
  const facetValues = await facets(lang, f, now, hitIds);
  const where = filterWhere(f, now, hitIds);

  if (hitIds) {
    // Search: rank (or sort) the matching set, page by number.
    const rank = new Map(hitIds.map((id, i) => [id, i]));
    const rows = await db
      .select({ id: products.id, created: products.createdAt, price: products.priceMinor })
      .from(products)
      .innerJoin(stores, productStore)
      .innerJoin(categories, productCategory)
      .where(where);
    const sorted = rows.sort((a, b) =>
      params.sort === "newest"
        ? b.created.getTime() - a.created.getTime() || b.id - a.id
        : params.sort === "price_asc"
          ? a.price - b.price || a.id - b.id
          : params.sort === "price_desc"
            ? b.price - a.price || b.id - a.id
            : rank.get(a.id)! - rank.get(b.id)!,
    );
    const start = (params.page - 1) * perPage;
    const pageIds = sorted.slice(start, start + perPage).map((r) => r.id);
    const order = new Map(pageIds.map((id, i) => [id, i]));
    const items = (await productCardsByIds(lang, pageIds, now)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { items, facets: facetValues, next: start + perPage < sorted.length ? "page" : null, prev: params.page > 1 ? "page" : null, offsetMode: true };
  }

  const sort = params.sort === "relevance" ? "newest" : params.sort;
  const { column, dir, edge: edgeValue } = SORT_COLUMN[sort];
  const backwards = Boolean(params.before);
  const edge = params.before ?? params.after;
  // Going back reverses the comparison and the order, then the rows.
  const descending = backwards ? dir !== "desc" : dir === "desc";
  const past = descending ? lt : gt;
  const beyond = edge
    ? or(past(column, edgeValue(edge.value)), and(eq(column, edgeValue(edge.value)), past(products.id, edge.id)))
    : undefined;
  const order = descending ? [desc(column), desc(products.id)] : [asc(column), asc(products.id)];
  const rows = await visibleProductCards(lang, and(where, beyond), order, perPage + 1, now);
  const more = rows.length > perPage;
  const items = rows.slice(0, perPage);
  if (backwards) items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : Boolean(params.after);
  return {
    items,
    facets: facetValues,
    next: hasNext && last ? encodeCursor(sortKey(last, sort), last.id) : null,
    prev: hasPrev && first ? encodeCursor(sortKey(first, sort), first.id) : null,
    offsetMode: false,
  };
}
