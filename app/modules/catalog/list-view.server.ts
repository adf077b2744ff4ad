/**
 * Everything /products, /countries/:code, /categories/:slug and /search
 * share: turn URL parameters into a filtered, paged list and the view of its
 * filter form, formatted for the page's language and currency.
 */
import type { TFunction } from "i18next";
import type { Lang } from "../i18n/config";
import { countryName, formatDate, formatNumber, textComparer } from "../i18n/format";
import { localizePath } from "../i18n/config";
import { BASE_CURRENCY, majorToMinor } from "../money/money";
import { maxBaseFor, minBaseFor } from "../money/presentment";
import type { SearchHits } from "../search/search.server";
import { browseProducts, type ProductFilter } from "./browse.server";
import { listCategories } from "./catalog.server";
import { PRODUCT_SORTS, type ProductListParams } from "./params";
import { presentProduct, type Presenter } from "./present.server";
import { isolate } from "../i18n/isolate";

export const PER_PAGE = 24;

export function filterFor(params: ProductListParams, view: Presenter): ProductFilter {
  const toBase = (major: number, edge: "min" | "max") => {
    const minor = majorToMinor(major, view.currency);
    return edge === "min"
      ? minBaseFor(minor, view.currency, view.rate.rateMicros)
      : maxBaseFor(minor, view.currency, view.rate.rateMicros);
  };
  return {
    category: params.category,
    country: params.country,
    store: params.store,
    minBase: params.min !== undefined ? toBase(params.min, "min") : undefined,
    maxBase: params.max !== undefined ? toBase(params.max, "max") : undefined,
    deal: params.deal,
  };
}

/** The URL of this list with some parameters changed (undefined removes one). */
export function hrefWith(path: string, url: URL, changes: Record<string, string | undefined>): string {
  const search = new URLSearchParams(url.searchParams);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") search.delete(k);
    else search.set(k, v);
  }
  // Empty fields from a submitted form are noise in a shared link.
  for (const [k, v] of [...search.entries()]) if (v === "") search.delete(k);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** Filter option labels ("Kenya (40)") repeat on every page view; format each once. */
const optionLabels = new Map<string, string>();
export function optionLabel(lang: Lang, t: TFunction, name: string, count: number): string {
  const key = `${lang}\u0000${name}\u0000${count}`;
  let label = optionLabels.get(key);
  if (label === undefined) {
    if (optionLabels.size > 20_000) optionLabels.clear();
    // An <option> holds only text: the count is isolated by Unicode marks (isolate.ts).
    label = t("catalog.filters.option", { name, count: isolate(formatNumber(count, lang), "ltr") as unknown as number });
    optionLabels.set(key, label);
  }
  return label;
}

/** "1,000+": a count that is a lower bound (a search past its cap), isolated left-to-right for Arabic. */
export const atLeast = (n: number, lang: Lang) => isolate(`${formatNumber(n, lang)}+`, "ltr");

export async function productList(opts: {
  lang: Lang;
  t: TFunction;
  view: Presenter;
  url: URL;
  params: ProductListParams;
  /** Unprefixed path of the list, e.g. "/products" or "/countries/KE". */
  path: string;
  now: number;
  /** Facets fixed by the page (a country pavilion fixes the country). */
  fixed?: { country?: string; category?: string };
  /** The products `params.q` finds, when the page has already searched for them (resolveQuery). */
  hits?: SearchHits;
}) {
  const { lang, t, view, url, now } = opts;
  const params = { ...opts.params, ...opts.fixed };
  const filter = filterFor(params, view);
  const result = await browseProducts(lang, params, filter, PER_PAGE, now, opts.hits);
  const categories = await listCategories(lang);
  const categoryName = new Map(categories.map((c) => [c.slug, c.name]));
  const { facets } = result;
  const total = facets.total;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(params.page, pages);
  const path = localizePath(opts.path, lang);
  const nextHref = result.next
    ? result.offsetMode
      ? hrefWith(path, url, { page: String(page + 1) })
      : hrefWith(path, url, { after: result.next, before: undefined, page: String(page + 1) })
    : null;
  const prevHref = result.prev
    ? result.offsetMode
      ? hrefWith(path, url, { page: page - 1 > 1 ? String(page - 1) : undefined })
      : page - 1 <= 1
        ? hrefWith(path, url, { after: undefined, before: undefined, page: undefined })
        : hrefWith(path, url, { before: result.prev, after: undefined, page: String(page - 1) })
    : null;
  const compare = textComparer(lang);
  const option = (name: string, count: number) => optionLabel(lang, t, name, count);
  const selectedCategory = params.category && categoryName.has(params.category) ? params.category : undefined;
  const active = Boolean(
    (!opts.fixed?.category && params.category) || (!opts.fixed?.country && params.country) || params.store || params.min !== undefined || params.max !== undefined || params.deal,
  );
  return {
    total,
    /** The search matched more than it ranks: `total` is its best matches, and there are more (browseProducts). */
    capped: result.capped,
    countLabel: result.capped ? t("catalog.results.countAtLeast", { number: atLeast(total, lang) }) : t("catalog.results.count", { count: total }),
    products: result.items.map((p) => presentProduct(p, view, t)),
    pagination: {
      prev: prevHref,
      next: nextHref,
      first: page > 2 ? hrefWith(path, url, { after: undefined, before: undefined, page: undefined }) : null,
      status: t("catalog.results.pageOf", { page: formatNumber(page, lang), pages: formatNumber(pages, lang) }),
    },
    filters: {
      action: path,
      q: params.q,
      category: selectedCategory,
      country: params.country,
      store: params.store,
      min: params.min,
      max: params.max,
      deal: params.deal,
      sort: params.sort,
      currency: view.currency,
      categories: opts.fixed?.category
        ? []
        : facets.categories
            .map((c) => ({ value: c.slug, label: option(categoryName.get(c.slug) ?? c.slug, c.count) }))
            .sort((a, b) => compare(a.label, b.label)),
      countries: opts.fixed?.country
        ? []
        : facets.countries.map((c) => ({ value: c.code, label: option(countryName(c.code, lang), c.count) })).sort((a, b) => compare(a.label, b.label)),
      stores: facets.stores.map((s) => ({ value: s.slug, label: option(s.name, s.count) })),
      sorts: PRODUCT_SORTS.filter((s) => s !== "relevance" || params.q).map((s) => ({ value: s, label: t(`catalog.sort.${s}`) })),
      active,
      clearHref: hrefWith(path, new URL(url.origin), { q: params.q || undefined }),
    },
    rateNote: view.rate.asOf ? t("product.convertedNote", { currency: view.currency, base: BASE_CURRENCY, date: formatDate(Date.parse(view.rate.asOf), lang) }) : null,
    categoryName: selectedCategory ? categoryName.get(selectedCategory) : undefined,
    categoryDescription: selectedCategory ? categories.find((c) => c.slug === selectedCategory)?.description : undefined,
  };
}
