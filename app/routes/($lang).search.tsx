import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductGrid } from "~/components/catalog";
import { EmptyState } from "~/components/empty-state";
import { CursorPagination, ProductFilters } from "~/components/filters";
import { Highlighted } from "~/components/search";
import { storeCardsByIds } from "~/modules/catalog/catalog.server";
import { atLeast, hrefWith, productList } from "~/modules/catalog/list-view.server";
import { productListParams } from "~/modules/catalog/params";
import { presenter, presentStore } from "~/modules/catalog/present.server";
import { pageMeta } from "~/modules/catalog/seo";
import { now as appNow } from "~/modules/clock/now.server";
import { localizePath } from "~/modules/i18n/config";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { hasTerms, highlight, parseQuery } from "~/modules/search/query";
import { resolveQuery, searchIds } from "~/modules/search/search.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.catalogue);

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const url = new URL(request.url);
  const params = productListParams(url);
  const typed = parseQuery(params.q);
  const base = {
    meta: {
      title: `${params.q ? t("catalog.search.resultsFor", { query: params.q }) : t("catalog.search.title")} · ${t("site.name")}`,
      description: t("catalog.search.description"),
      noindex: true,
    },
    q: params.q,
    corrected: null as null | { text: string; exactHref: string },
  };
  if (!params.q || !hasTerms(typed)) {
    return { ...base, state: params.q ? ("tooShort" as const) : ("prompt" as const), stores: [], list: null, countLabel: "" };
  }
  // A query that finds little is retried with the catalogue's nearest words; `exact=1` searches what was typed.
  // Its product hits come back with it: the product search runs once per request.
  const { query, corrected, hits } = await resolveQuery(typed, lang, url.searchParams.get("exact") === "1");
  const terms = [...query.trigram, ...query.cjk];
  const view = await presenter(lang, currency);
  const storeHits = (await searchIds("store", query, 4)).ids;
  const order = new Map(storeHits.map((id, i) => [id, i]));
  const stores = storeHits.length
    ? (await storeCardsByIds(lang, storeHits, 4))
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
        .map((s) => ({ ...presentStore(s, lang, t), nameSegments: highlight(s.name, terms) }))
    : [];
  const list = await productList({
    lang,
    t,
    view,
    url,
    params: corrected ? { ...params, q: corrected } : params,
    path: "/search",
    now: appNow(),
    hits,
  });
  const products = list.products.map((p) => ({ ...p, nameSegments: highlight(p.name, terms) }));
  return {
    ...base,
    corrected: corrected
      ? { text: corrected, exactHref: hrefWith(localizePath("/search", lang), url, { exact: "1", page: undefined }) }
      : null,
    state: list.total + stores.length ? ("results" as const) : ("empty" as const),
    stores,
    list: { ...list, products },
    // Past the search's cap the list is its best matches: "1,000+ results" (the number isolated, for Arabic).
    countLabel: list.capped
      ? t("catalog.search.countAtLeast", { number: atLeast(list.total, lang) })
      : t("catalog.search.count", { count: list.total }),
  };
}

export default function Search() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container catalogue">
      <header className="page-head">
        <h1>
          {data.corrected
            ? t("catalog.search.showingFor", { query: data.corrected.text })
            : data.q
              ? t("catalog.search.resultsFor", { query: data.q })
              : t("catalog.search.title")}
        </h1>
        {data.corrected ? (
          <p className="search-corrected">
            {t("catalog.search.insteadOf")}{" "}
            <Link to={data.corrected.exactHref}>
              <bdi>{data.q}</bdi>
            </Link>
          </p>
        ) : null}
        {data.state === "prompt" ? <p>{t("catalog.search.prompt")}</p> : null}
        {data.state === "tooShort" ? <p role="status">{t("catalog.search.tooShort")}</p> : null}
        {data.list ? (
          <p className="page-head__count" role="status">
            {data.countLabel}
          </p>
        ) : null}
      </header>
      {data.state === "empty" ? (
        <EmptyState title={t("catalog.search.empty", { query: data.q })} text={t("catalog.search.emptyHint")} />
      ) : null}
      {data.stores.length ? (
        <section aria-labelledby="search-stores" className="search-stores">
          <h2 id="search-stores">{t("catalog.search.stores")}</h2>
          <ul className="search-stores__list">
            {data.stores.map((s) => (
              <li key={s.slug}>
                <Link to={localize(`/stores/${s.slug}`)}>
                  <Highlighted segments={s.nameSegments} />
                </Link>{" "}
                <span className="search-stores__where">{s.location}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.list && data.list.total ? (
        <div className="catalogue__body">
          <ProductFilters view={data.list.filters} />
          <section aria-labelledby="search-products" className="catalogue__results">
            <h2 id="search-products">{t("catalog.search.products")}</h2>
            <ProductGrid products={data.list.products} eager={4} />
            <CursorPagination {...data.list.pagination} />
          </section>
        </div>
      ) : null}
    </div>
  );
}
