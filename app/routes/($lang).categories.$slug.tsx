import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProductGrid } from "~/components/catalog";
import { CursorPagination, ProductFilters } from "~/components/filters";
import { EmptyState } from "~/components/empty-state";
import { JsonLd } from "~/components/seo";
import { listCategories } from "~/modules/catalog/catalog.server";
import { productList } from "~/modules/catalog/list-view.server";
import { productListParams } from "~/modules/catalog/params";
import { presenter } from "~/modules/catalog/present.server";
import { breadcrumbList, pageMeta } from "~/modules/catalog/seo";
import { now as appNow } from "~/modules/clock/now.server";
import { shopperNotFound } from "~/modules/http/responses.server";
import { localizePath } from "~/modules/i18n/config";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";
import { publicOrigin } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.catalogue);

export async function loader({ request, params: routeParams }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const category = (await listCategories(lang)).find((c) => c.slug === routeParams.slug);
  if (!category) throw await shopperNotFound(t, lang);
  const url = new URL(request.url);
  const view = await presenter(lang, currency);
  const list = await productList({ lang, t, view, url, params: productListParams(url), path: `/categories/${category.slug}`, now: appNow(), fixed: { category: category.slug } });
  const origin = publicOrigin(request.url);
  return {
    meta: { title: `${category.name} · ${t("site.name")}`, description: category.description, siteName: t("site.name"), image: `${origin}/art/categories/${category.slug}.svg` },
    slug: category.slug,
    name: category.name,
    description: category.description,
    storesLink: t("catalog.category.stores", { category: category.name }),
    list,
    jsonLd: breadcrumbList([
      { name: t("nav.home"), url: `${origin}${localizePath("/", lang)}` },
      { name: t("nav.products"), url: `${origin}${localizePath("/products", lang)}` },
      { name: category.name, url: `${origin}${localizePath(`/categories/${category.slug}`, lang)}` },
    ]),
  };
}

export default function CategoryPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container catalogue">
      <JsonLd data={data.jsonLd} />
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={localize("/")}>{t("nav.home")}</Link> › <Link to={localize("/products")}>{t("nav.products")}</Link>
      </nav>
      <header className="page-head">
        <h1>{data.name}</h1>
        <p>{data.description}</p>
        <p>
          <Link to={localize(`/stores?category=${data.slug}`)}>{data.storesLink}</Link>
        </p>
        <p className="page-head__count" role="status">
          {data.list.countLabel}
        </p>
      </header>
      <div className="catalogue__body">
        <ProductFilters view={data.list.filters} />
        <section aria-labelledby="results-title" className="catalogue__results">
          <h2 id="results-title" className="visually-hidden">
            {t("catalog.search.products")}
          </h2>
          {data.list.products.length ? (
            <ProductGrid products={data.list.products} eager={4} />
          ) : (
            <EmptyState title={t("catalog.results.emptyTitle")} text={t("catalog.results.emptyText")} clearHref={data.list.filters.clearHref} />
          )}
          <CursorPagination {...data.list.pagination} />
        </section>
      </div>
    </div>
  );
}
