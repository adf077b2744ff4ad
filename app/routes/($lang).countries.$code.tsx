import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductGrid, StoreGrid } from "~/components/catalog";
import { CursorPagination, ProductFilters } from "~/components/filters";
import { EmptyState } from "~/components/empty-state";
import { JsonLd } from "~/components/seo";
import { listStores } from "~/modules/catalog/catalog.server";
import { productList } from "~/modules/catalog/list-view.server";
import { productListParams } from "~/modules/catalog/params";
import { presenter, presentStore } from "~/modules/catalog/present.server";
import { breadcrumbList, pageMeta } from "~/modules/catalog/seo";
import { now as appNow } from "~/modules/clock/now.server";
import { shopperNotFound } from "~/modules/http/responses.server";
import { localizePath } from "~/modules/i18n/config";
import { countryName } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";
import { publicOrigin } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.catalogue);

/** A country pavilion: its name from Intl.DisplayNames, its live stores and products. */
export async function loader({ request, params: routeParams }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const code = (routeParams.code ?? "").toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw await shopperNotFound(t, lang);
  const stores = await listStores(lang, { country: code }, 1, 48);
  if (!stores.total) throw await shopperNotFound(t, lang);
  const url = new URL(request.url);
  const name = countryName(code, lang);
  const view = await presenter(lang, currency);
  const list = await productList({ lang, t, view, url, params: productListParams(url), path: `/countries/${code}`, now: appNow(), fixed: { country: code } });
  const origin = publicOrigin(request.url);
  const title = t("catalog.country.title", { country: name });
  return {
    meta: { title: `${title} · ${t("site.name")}`, description: t("catalog.country.intro", { country: name }), siteName: t("site.name") },
    code,
    title,
    intro: t("catalog.country.intro", { country: name }),
    storesTitle: t("catalog.country.stores", { country: name }),
    productsTitle: t("catalog.country.products", { country: name }),
    stores: stores.items.map((s) => presentStore(s, lang, t)),
    list,
    jsonLd: breadcrumbList([
      { name: t("nav.home"), url: `${origin}${localizePath("/", lang)}` },
      { name: t("countries.title"), url: `${origin}${localizePath("/countries", lang)}` },
      { name: title, url: `${origin}${localizePath(`/countries/${code}`, lang)}` },
    ]),
  };
}

export default function CountryPavilion() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack">
      <JsonLd data={data.jsonLd} />
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={localize("/")}>{t("nav.home")}</Link> › <Link to={localize("/countries")}>{t("countries.title")}</Link> ›{" "}
        <span aria-current="page">{data.title}</span>
      </nav>
      <header className="page-head">
        <h1>{data.title}</h1>
        <p>{data.intro}</p>
      </header>
      <section aria-labelledby="country-stores">
        <h2 id="country-stores">{data.storesTitle}</h2>
        <StoreGrid stores={data.stores} />
      </section>
      <section aria-labelledby="country-products" className="catalogue">
        <h2 id="country-products">{data.productsTitle}</h2>
        <p className="page-head__count">{data.list.countLabel}</p>
        <div className="catalogue__body">
          <ProductFilters view={data.list.filters} />
          <div className="catalogue__results">
            {data.list.products.length ? (
              <ProductGrid products={data.list.products} />
            ) : (
              <EmptyState title={t("catalog.results.emptyTitle")} text={t("catalog.results.emptyText")} clearHref={data.list.filters.clearHref} />
            )}
            <CursorPagination {...data.list.pagination} />
          </div>
        </div>
      </section>
    </div>
  );
}
