/**
 * /products: filters, sorts, facet counts and pagination that stays fast deep
 * into the list (keyset cursors, so page 400 costs what page 1 costs).
 * With search words, the best MAX_RESULTS matches are ranked by the search
 * module and paged in that order, then any further matches; facet counts and
 * the total cover every match (the search module's `matching` subquery), not
 * only the ranked ones.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import type { Lang } from "../i18n/config";
import { productsWithLiveDeal } from "../pricing/live-deals.server";
import { parseQuery } from "../search/query";
import { searchIds, type SearchHits } from "../search/search.server";
import { productCardsByIds, visibleProduct, visibleProductCards, type ProductCard } from "./catalog.server";
import { contentVersion } from "./content-version.server";
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

/** The shopper chose a filter beyond the search words: filterWhere narrows the visible products further. Keep beside filterWhere. */
function narrows(f: ProductFilter): boolean {
  return Boolean(f.category || f.country || f.store || f.minBase !== undefined || f.maxBase !== undefined || f.deal);
}

/** The filter as a condition over products, stores and categories (visible products only); `facets: false` leaves out the category, country and store. */
function filterWhere(f: ProductFilter, now: number, matching: SQL | null, facets = true): SQL | undefined {
  return and(
    visibleProduct,
    matching ? inArray(products.id, matching) : undefined,
    f.category && facets ? eq(categories.slug, f.category) : undefined,
    f.country && facets ? eq(stores.countryCode, f.country) : undefined,
    f.store && facets ? eq(stores.slug, f.store) : undefined,
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

/** Visible matching products per (category, country, store): what every facet and the total are summed from. */
interface Group {
  category: string;
  country: string;
  storeId: number;
  store: string;
  n: number;
}

/**
 * Groups are counted once per search, price range and deal filter, and kept
 * until the catalogue's content changes (site_state.content_version, moved by
 * triggers on every write a page shows): exact counts, and no recount per
 * request. The category, country and store filters are applied to the kept
 * groups, so choosing one costs no query. With the deal filter (which depends
 * on the clock) they are kept a minute at most.
 */
const DEAL_WINDOW_MS = 60_000;
const groupCache = new Map<string, { version: number; groups: Group[] }>();
const STORE_FACETS = 40;

async function facetGroups(f: ProductFilter, now: number, hits: SearchHits | null): Promise<Group[]> {
  // The request's version (read once per request): a number at once on SQLite, a promise on PostgreSQL.
  const version = await contentVersion();
  const key = JSON.stringify([f.q ?? "", f.minBase, f.maxBase, f.deal ? Math.floor(now / DEAL_WINDOW_MS) : 0]);
  const kept = groupCache.get(key);
  if (kept && kept.version === version) return kept.groups;
  const groups = await db
    .select({ category: categories.slug, country: stores.countryCode, storeId: stores.id, store: stores.slug, n: count() })
    .from(products)
    .innerJoin(stores, productStore)
    .innerJoin(categories, productCategory)
    .where(filterWhere(f, now, hits?.matching ?? null, false))
    .groupBy(categories.slug, stores.countryCode, stores.id, stores.slug);
  if (groupCache.size > 2000) groupCache.clear();
  groupCache.set(key, { version, groups });
  return groups;
}

const stLang = alias(schema.storeTranslations, "st_lang");
const stEn = alias(schema.storeTranslations, "st_en");

function sumBy<K>(groups: readonly Group[], keyOf: (g: Group) => K): Map<K, number> {
  const sums = new Map<K, number>();
  for (const g of groups) sums.set(keyOf(g), (sums.get(keyOf(g)) ?? 0) + g.n);
  return sums;
}

/**
 * Summed facets per set of kept groups, language and category/country/store filter: at scale 100 a
 * query's groups run to tens of thousands, and summing them is most of a /products request. Kept
 * as long as the groups are (a WeakMap on them: counted again, they and their sums go together).
 */
const summedFacets = new WeakMap<Group[], Map<string, Facets>>();
const SUMS_PER_GROUPS = 200;

/** Counts per category, country and store for the query and every filter but that facet's own, and the total with all of them. */
async function facets(lang: Lang, f: ProductFilter, now: number, hits: SearchHits | null): Promise<Facets> {
  const groups = await facetGroups(f, now, hits);
  const key = JSON.stringify([lang, f.category ?? "", f.country ?? "", f.store ?? ""]);
  let sums = summedFacets.get(groups);
  const kept = sums?.get(key);
  if (kept) return kept;
  const summed = await sumFacets(lang, f, groups);
  if (!sums || sums.size >= SUMS_PER_GROUPS) summedFacets.set(groups, (sums = new Map<string, Facets>()));
  sums.set(key, summed);
  return summed;
}

async function sumFacets(lang: Lang, f: ProductFilter, groups: Group[]): Promise<Facets> {
  const byCategory = (g: Group) => !f.category || g.category === f.category;
  const byCountry = (g: Group) => !f.country || g.country === f.country;
  const byStore = (g: Group) => !f.store || g.store === f.store;
  const categoryCounts = sumBy(
    groups.filter((g) => byCountry(g) && byStore(g)),
    (g) => g.category,
  );
  const countryCounts = sumBy(
    groups.filter((g) => byCategory(g) && byStore(g)),
    (g) => g.country,
  );
  const storeGroups = groups.filter((g) => byCategory(g) && byCountry(g));
  const storeSlugs = new Map(storeGroups.map((g) => [g.storeId, g.store]));
  const topStores = [...sumBy(storeGroups, (g) => g.storeId)]
    .sort(([a, m], [b, n]) => n - m || (storeSlugs.get(a)! < storeSlugs.get(b)! ? -1 : 1))
    .slice(0, STORE_FACETS);
  const names = topStores.length
    ? await db
        .select({ id: stores.id, name: sql<string>`coalesce(${stLang.name}, ${stEn.name})` })
        .from(stores)
        .innerJoin(stEn, and(eq(stEn.storeId, stores.id), eq(stEn.lang, "en")))
        .leftJoin(stLang, and(eq(stLang.storeId, stores.id), eq(stLang.lang, lang)))
        .where(
          inArray(
            stores.id,
            topStores.map(([id]) => id),
          ),
        )
    : [];
  const nameOf = new Map(names.map((r) => [r.id, r.name]));
  const byText = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    total: groups.filter((g) => byCategory(g) && byCountry(g) && byStore(g)).reduce((sum, g) => sum + g.n, 0),
    categories: byText(categoryCounts).map(([slug, n]) => ({ slug, count: n })),
    countries: byText(countryCounts).map(([code, n]) => ({ code, count: n })),
    stores: topStores.map(([id, n]) => ({ slug: storeSlugs.get(id)!, name: nameOf.get(id) ?? storeSlugs.get(id)!, count: n })),
  };
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
  /** The search matched more than it ranks: the list and its facets are its best matches (SearchHits.capped). */
  capped: boolean;
}

/** `known`: the products `params.q` finds, when the caller has searched already (the search page, through resolveQuery). */
export async function browseProducts(
  lang: Lang,
  params: ProductListParams,
  f: ProductFilter,
  perPage: number,
  now: number,
  known?: SearchHits,
): Promise<ProductBrowse> {
  const hits = params.q ? (known ?? (await searchIds("product", parseQuery(params.q)))) : null;
  const facetValues = await facets(lang, { ...f, q: params.q }, now, hits);

  if (hits) {
    // Search: the ranked matches that pass the filters in rank order, then any further matches by id;
    // or every match in the chosen order. Pages by number.
    const start = (params.page - 1) * perPage;
    const matched = () =>
      db.select({ id: products.id }).from(products).innerJoin(stores, productStore).innerJoin(categories, productCategory);
    let pageIds: number[];
    if (params.sort === "relevance") {
      const rank = new Map(hits.ids.map((id, i) => [id, i]));
      // The search ranks visible products only (the engines' `ranked`): with no filter chosen, its ids are the list.
      const ranked = !narrows(f)
        ? hits.ids
        : hits.ids.length
          ? (await matched().where(and(filterWhere(f, now, null), inArray(products.id, hits.ids))))
              .map((r) => r.id)
              .sort((a, b) => rank.get(a)! - rank.get(b)!)
          : [];
      pageIds = ranked.slice(start, start + perPage);
      if (pageIds.length < perPage && hits.total > hits.ids.length) {
        const rest = await matched()
          .where(and(filterWhere(f, now, hits.matching), notInArray(products.id, hits.ids)))
          .orderBy(asc(products.id))
          .limit(perPage - pageIds.length)
          .offset(Math.max(0, start - ranked.length));
        pageIds.push(...rest.map((r) => r.id));
      }
    } else {
      const { column, dir } = SORT_COLUMN[params.sort];
      const order = dir === "desc" ? [desc(column), desc(products.id)] : [asc(column), asc(products.id)];
      pageIds = (
        await matched()
          .where(filterWhere(f, now, hits.matching))
          .orderBy(...order)
          .limit(perPage)
          .offset(start)
      ).map((r) => r.id);
    }
    const order = new Map(pageIds.map((id, i) => [id, i]));
    const items = (await productCardsByIds(lang, pageIds, now)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return {
      items,
      facets: facetValues,
      next: start + perPage < facetValues.total ? "page" : null,
      prev: params.page > 1 ? "page" : null,
      offsetMode: true,
      capped: hits.capped,
    };
  }

  const where = filterWhere(f, now, null);
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
    capped: false,
  };
}
