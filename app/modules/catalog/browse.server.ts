/**
 * /products: filters, sorts, facet counts and pagination that stays fast deep
 * into the list (keyset cursors, so page 400 costs what page 1 costs).
 * With search words the matching set is small (≤ MAX_RESULTS), so it is
 * ranked and paged in memory.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import type { Lang } from "../i18n/config";
import { parseQuery } from "../search/query";
import { searchIds } from "../search/search.server";
import { productCards, visibleProduct, type ProductCard } from "./catalog.server";
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

/** Products with an approved deal whose festival's sale phase (and flash window, if any) is live at `now`; mirrors pricing.dealApplies. */
export function liveDealCondition(now: number): SQL {
  return sql`${products.id} IN (
    SELECT d.product_id FROM festival_deals d
    JOIN festival_enrolments e ON e.id = d.enrolment_id
    JOIN festivals f ON f.id = e.festival_id
    JOIN festival_phases ph ON ph.festival_id = f.id AND ph.kind = 'sale'
    WHERE d.status = 'approved' AND e.status = 'approved' AND f.status = 'published'
      AND d.units_taken < d.committed_stock
      AND ph.starts_at <= ${now} AND ph.ends_at > ${now}
      AND (d.flash_starts_at IS NULL OR d.flash_ends_at IS NULL OR (d.flash_starts_at <= ${now} AND d.flash_ends_at > ${now})))`;
}

type Facet = "category" | "country" | "store";

function filterWhere(f: ProductFilter, now: number, hitIds: number[] | null, skip?: Facet): SQL | undefined {
  return and(
    visibleProduct,
    hitIds ? inArray(products.id, hitIds.length ? hitIds : [-1]) : undefined,
    f.category && skip !== "category" ? eq(categories.slug, f.category) : undefined,
    f.country && skip !== "country" ? eq(stores.countryCode, f.country) : undefined,
    f.store && skip !== "store" ? eq(stores.slug, f.store) : undefined,
    f.minBase !== undefined ? sql`${products.priceMinor} >= ${f.minBase}` : undefined,
    f.maxBase !== undefined ? sql`${products.priceMinor} <= ${f.maxBase}` : undefined,
    f.deal ? liveDealCondition(now) : undefined,
  );
}

function baseQuery<T extends Record<string, unknown>>(fields: T) {
  // drizzle's select typing wants a concrete object; callers pass column maps.
  return db
    .select(fields as never)
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .innerJoin(categories, eq(categories.id, products.categoryId));
}

export interface Facets {
  total: number;
  categories: { slug: string; count: number }[];
  countries: { code: string; count: number }[];
  stores: { slug: string; name: string; count: number }[];
}

/** Facets are the heavy part at 100,000 products; they are cached briefly (pages are CDN-cached for as long). */
const FACET_TTL_MS = 60_000;
const facetCache = new Map<string, { at: number; value: Facets }>();

function facets(lang: Lang, f: ProductFilter, now: number, hitIds: number[] | null): Facets {
  const key = JSON.stringify([lang, f, hitIds === null ? null : hitIds.length + ":" + hitIds.slice(0, 50).join(","), f.deal ? Math.floor(now / FACET_TTL_MS) : 0]);
  const cached = facetCache.get(key);
  if (cached && now - cached.at < FACET_TTL_MS) return cached.value;
  const st = alias(schema.storeTranslations, "st_lang");
  const en = alias(schema.storeTranslations, "st_en");
  const total = (baseQuery({ n: count() }).where(filterWhere(f, now, hitIds)).get() as { n: number } | undefined)?.n ?? 0;
  const categoryRows = baseQuery({ slug: categories.slug, n: count() })
    .where(filterWhere(f, now, hitIds, "category"))
    .groupBy(categories.slug)
    .all() as { slug: string; n: number }[];
  const countryRows = baseQuery({ code: stores.countryCode, n: count() })
    .where(filterWhere(f, now, hitIds, "country"))
    .groupBy(stores.countryCode)
    .all() as { code: string; n: number }[];
  const storeRows = db
    .select({ slug: stores.slug, name: sql<string>`coalesce(${st.name}, ${en.name})`, n: count() })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .innerJoin(en, and(eq(en.storeId, stores.id), eq(en.lang, "en")))
    .leftJoin(st, and(eq(st.storeId, stores.id), eq(st.lang, lang)))
    .where(filterWhere(f, now, hitIds, "store"))
    .groupBy(stores.id)
    .orderBy(desc(count()), asc(stores.slug))
    .limit(40)
    .all();
  const value: Facets = {
    total,
    categories: categoryRows.map((r) => ({ slug: r.slug, count: r.n })),
    countries: countryRows.map((r) => ({ code: r.code, count: r.n })),
    stores: storeRows.map((r) => ({ slug: r.slug, name: r.name, count: r.n })),
  };
  if (facetCache.size > 2000) facetCache.clear();
  facetCache.set(key, { at: now, value });
  return value;
}

const SORT_COLUMN = {
  newest: { column: products.createdAt, dir: "desc" },
  price_asc: { column: products.priceMinor, dir: "asc" },
  price_desc: { column: products.priceMinor, dir: "desc" },
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

export function browseProducts(lang: Lang, params: ProductListParams, f: ProductFilter, perPage: number, now: number): ProductBrowse {
  const query = parseQuery(params.q);
  const hitIds = params.q ? searchIds("product", query).ids : null;
  const facetValues = facets(lang, f, now, hitIds);
  const where = filterWhere(f, now, hitIds);

  if (hitIds) {
    // Search: rank (or sort) the matching set, page by number.
    const rank = new Map(hitIds.map((id, i) => [id, i]));
    const rows = baseQuery({ id: products.id, created: sql<number>`${products.createdAt}`, price: products.priceMinor }).where(where).all() as {
      id: number;
      created: number;
      price: number;
    }[];
    const sorted = rows.sort((a, b) =>
      params.sort === "newest"
        ? b.created - a.created || b.id - a.id
        : params.sort === "price_asc"
          ? a.price - b.price || a.id - b.id
          : params.sort === "price_desc"
            ? b.price - a.price || b.id - a.id
            : rank.get(a.id)! - rank.get(b.id)!,
    );
    const start = (params.page - 1) * perPage;
    const pageIds = sorted.slice(start, start + perPage).map((r) => r.id);
    const order = new Map(pageIds.map((id, i) => [id, i]));
    const items = productCards(lang, inArray(products.id, pageIds.length ? pageIds : [-1]), { limit: perPage, offset: 0, order: "name" }, now).sort(
      (a, b) => order.get(a.id)! - order.get(b.id)!,
    );
    return { items, facets: facetValues, next: start + perPage < sorted.length ? "page" : null, prev: params.page > 1 ? "page" : null, offsetMode: true };
  }

  const sort = params.sort === "relevance" ? "newest" : params.sort;
  const { column, dir } = SORT_COLUMN[sort];
  const backwards = Boolean(params.before);
  const edge = params.before ?? params.after;
  // Going back reverses the comparison and the order, then the rows.
  const forwardDesc = dir === "desc";
  const descending = backwards ? !forwardDesc : forwardDesc;
  const beyond = edge
    ? descending
      ? sql`(${column} < ${edge.value} OR (${column} = ${edge.value} AND ${products.id} < ${edge.id}))`
      : sql`(${column} > ${edge.value} OR (${column} = ${edge.value} AND ${products.id} > ${edge.id}))`
    : undefined;
  const order = descending ? [desc(column), desc(products.id)] : [asc(column), asc(products.id)];
  const rows = productCards(lang, and(where, beyond), { limit: perPage + 1, offset: 0, order }, now);
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
