/**
 * /products: filters, sorts, facet counts and pagination that stays fast deep
 * into the list (keyset cursors, so page 400 costs what page 1 costs).
 * With search words the matching set is small (≤ MAX_RESULTS), so it is
 * ranked and paged in memory.
 */
import type { Lang } from "../i18n/config";
import { PRODUCTS_WITH_LIVE_DEAL_SQL } from "../pricing/pricing";
import { parseQuery } from "../search/query";
import { searchIds } from "../search/search.server";
import { productCardsByIds, productCardsWhere, type ProductCard } from "./catalog.server";
import { encodeCursor, type ProductListParams, type ProductSort } from "./params";
import { idsIn, prepared, PRODUCT_FROM, VISIBLE_PRODUCT } from "./sql.server";

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

/** Products with a deal on offer now with units left: the deal rule's SQL form (pricing.ts). SQL over p (products). */
const LIVE_DEAL_CONDITION = `p.id IN (${PRODUCTS_WITH_LIVE_DEAL_SQL})`;

type Facet = "category" | "country" | "store";

/** The filter as SQL over p, s and c; its values are bound from `filterParams`. */
function filterWhere(f: ProductFilter, hitIds: number[] | null, skip?: Facet): string {
  const terms = [VISIBLE_PRODUCT];
  if (hitIds) terms.push(idsIn("p.id", "hitIds"));
  if (f.category && skip !== "category") terms.push("c.slug = @category");
  if (f.country && skip !== "country") terms.push("s.country_code = @country");
  if (f.store && skip !== "store") terms.push("s.slug = @store");
  if (f.minBase !== undefined) terms.push("p.price_minor >= @minBase");
  if (f.maxBase !== undefined) terms.push("p.price_minor <= @maxBase");
  if (f.deal) terms.push(LIVE_DEAL_CONDITION);
  return terms.join(" AND ");
}

function filterParams(f: ProductFilter, now: number, hitIds: number[] | null): Record<string, unknown> {
  return {
    hitIds: hitIds ? JSON.stringify(hitIds) : null,
    category: f.category ?? null,
    country: f.country ?? null,
    store: f.store ?? null,
    minBase: f.minBase ?? null,
    maxBase: f.maxBase ?? null,
    now,
  };
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
  const params = { ...filterParams(f, now, hitIds), lang };
  const total = (prepared(`SELECT count(*) AS n ${PRODUCT_FROM} WHERE ${filterWhere(f, hitIds)}`).get(params) as { n: number } | undefined)?.n ?? 0;
  const categoryRows = prepared(`SELECT c.slug AS slug, count(*) AS n ${PRODUCT_FROM} WHERE ${filterWhere(f, hitIds, "category")} GROUP BY c.slug`).all(
    params,
  ) as { slug: string; n: number }[];
  const countryRows = prepared(
    `SELECT s.country_code AS code, count(*) AS n ${PRODUCT_FROM} WHERE ${filterWhere(f, hitIds, "country")} GROUP BY s.country_code`,
  ).all(params) as { code: string; n: number }[];
  const storeRows = prepared(
    `SELECT s.slug AS slug, coalesce(st_lang.name, st_en.name) AS name, count(*) AS n ${PRODUCT_FROM}
     JOIN store_translations st_en ON st_en.store_id = s.id AND st_en.lang = 'en'
     LEFT JOIN store_translations st_lang ON st_lang.store_id = s.id AND st_lang.lang = @lang
     WHERE ${filterWhere(f, hitIds, "store")}
     GROUP BY s.id ORDER BY count(*) DESC, s.slug ASC LIMIT 40`,
  ).all(params) as { slug: string; name: string; n: number }[];
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
  newest: { column: "p.created_at", dir: "desc" },
  price_asc: { column: "p.price_minor", dir: "asc" },
  price_desc: { column: "p.price_minor", dir: "desc" },
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
  const where = filterWhere(f, hitIds);
  const bound = filterParams(f, now, hitIds);

  if (hitIds) {
    // Search: rank (or sort) the matching set, page by number.
    const rank = new Map(hitIds.map((id, i) => [id, i]));
    const rows = prepared(`SELECT p.id AS id, p.created_at AS created, p.price_minor AS price ${PRODUCT_FROM} WHERE ${where}`).all(bound) as {
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
    const items = productCardsByIds(lang, pageIds, now).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
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
      ? `(${column} < @edgeValue OR (${column} = @edgeValue AND p.id < @edgeId))`
      : `(${column} > @edgeValue OR (${column} = @edgeValue AND p.id > @edgeId))`
    : null;
  const order = descending ? `${column} DESC, p.id DESC` : `${column} ASC, p.id ASC`;
  const rows = productCardsWhere(
    lang,
    beyond ? `${where} AND ${beyond}` : where,
    { ...bound, edgeValue: edge?.value ?? null, edgeId: edge?.id ?? null },
    { limit: perPage + 1, offset: 0, order },
    now,
  );
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
