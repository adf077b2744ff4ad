import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination, ProductGrid } from "~/components/catalog";
import { listCategories, listProducts } from "~/modules/catalog/catalog.server";
import { catalogFilters } from "~/modules/catalog/params";
import { presenter, presentProduct } from "~/modules/catalog/present.server";
import { PUBLIC_PAGE_CACHE } from "~/modules/http/responses.server";
import { countryName, formatDate } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { pageParam, requestContext } from "~/modules/i18n/request.server";

const PER_PAGE = 24;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.meta.title }, { name: "description", content: data.meta.description }] : [];

export const headers = () => ({ "Cache-Control": PUBLIC_PAGE_CACHE });

export function loader({ request }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const url = new URL(request.url);
  const filters = catalogFilters(url);
  const category = filters.category ? listCategories(lang).find((c) => c.slug === filters.category) : undefined;
  const result = listProducts(lang, { category: category?.slug, country: filters.country }, pageParam(request), PER_PAGE, Date.now());
  const view = presenter(lang, currency);
  const heading = [t("products.title"), category?.name, filters.country ? countryName(filters.country, lang) : null]
    .filter(Boolean)
    .join(" · ");
  const query = new URLSearchParams();
  if (category) query.set("category", category.slug);
  if (filters.country) query.set("country", filters.country);
  return {
    meta: { title: `${heading} · ${t("site.name")}`, description: category?.description ?? t("products.description") },
    heading,
    intro: category?.description ?? t("products.description"),
    countLabel: t("products.count", { count: result.total }),
    products: result.items.map((p) => presentProduct(p, view, t)),
    page: result.page,
    pages: result.pages,
    query: query.toString(),
    note: view.rate.asOf ? t("product.convertedNote", { currency: view.currency, base: "USD", date: formatDate(Date.parse(view.rate.asOf), lang) }) : null,
  };
}

export default function Products() {
  const data = useLoaderData<typeof loader>();
  const localize = useLocalizedPath();
  const { t } = useTranslation();
  const base = localize("/products") + (data.query ? `?${data.query}` : "");
  return (
    <div className="container stack">
      <header className="page-head">
        <h1>{data.heading}</h1>
        <p>{data.intro}</p>
        <p className="page-head__count">{data.countLabel}</p>
      </header>
      <ProductGrid products={data.products} eager={4} />
      <Pagination page={data.page} pages={data.pages} basePath={base} />
      {data.note ? <p className="fine-print">{data.note}</p> : <p className="fine-print">{t("products.description")}</p>}
    </div>
  );
}
