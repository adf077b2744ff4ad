import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductGrid } from "~/components/catalog";
import { CursorPagination, ProductFilters } from "~/components/filters";
import { EmptyState } from "~/components/empty-state";
import { productList } from "~/modules/catalog/list-view.server";
import { productListParams } from "~/modules/catalog/params";
import { presenter } from "~/modules/catalog/present.server";
import { pageMeta } from "~/modules/catalog/seo";
import { now as appNow } from "~/modules/clock/now.server";
import { countryName } from "~/modules/i18n/format";
import { requestContext } from "~/modules/i18n/request.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.catalogue);

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const url = new URL(request.url);
  const params = productListParams(url);
  const view = await presenter(lang, currency);
  const list = await productList({ lang, t, view, url, params, path: "/products", now: appNow() });
  const heading = [t("products.title"), list.categoryName, params.country ? countryName(params.country, lang) : null].filter(Boolean).join(" · ");
  const intro = list.categoryDescription ?? t("products.description");
  return {
    meta: {
      title: `${heading} · ${t("site.name")}`,
      description: intro,
      siteName: t("site.name"),
      // Price ranges, sorts and deal views are variations, not pages of their own.
      noindex: params.min !== undefined || params.max !== undefined || params.deal || url.searchParams.has("sort") || Boolean(params.q),
    },
    heading,
    intro,
    ...list,
  };
}

export default function Products() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container catalogue">
      <header className="page-head">
        <h1>{data.heading}</h1>
        <p>{data.intro}</p>
        <p className="page-head__count" role="status">
          {data.countLabel}
        </p>
      </header>
      <div className="catalogue__body">
        <ProductFilters view={data.filters} />
        <section aria-labelledby="results-title" className="catalogue__results">
          <h2 id="results-title" className="visually-hidden">
            {t("catalog.search.products")}
          </h2>
          {data.products.length ? (
            <ProductGrid products={data.products} eager={4} />
          ) : (
            <EmptyState title={t("catalog.results.emptyTitle")} text={t("catalog.results.emptyText")} clearHref={data.filters.active ? data.filters.clearHref : null} />
          )}
          <CursorPagination {...data.pagination} />
        </section>
      </div>
      {data.rateNote ? <p className="fine-print">{data.rateNote}</p> : null}
    </div>
  );
}
