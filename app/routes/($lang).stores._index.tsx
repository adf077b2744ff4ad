import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination, StoreGrid } from "~/components/catalog";
import { EmptyState } from "~/components/empty-state";
import { campaignTracker, listCategories, listStores } from "~/modules/catalog/catalog.server";
import { storeListParams } from "~/modules/catalog/params";
import { presentStore } from "~/modules/catalog/present.server";
import { pageMeta } from "~/modules/catalog/seo";
import { countryName, textComparer } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { pageParam, requestContext } from "~/modules/i18n/request.server";
import { CurrencyField } from "~/components/currency";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";

const PER_PAGE = 24;

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.catalogue);

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const url = new URL(request.url);
  const categories = await listCategories(lang);
  const params = storeListParams(url);
  const category = categories.find((c) => c.slug === params.category);
  const country = params.country;
  const result = await listStores(lang, { country, category: category?.slug }, pageParam(request), PER_PAGE);
  const heading = [t("stores.title"), category?.name, country ? countryName(country, lang) : null].filter(Boolean).join(" · ");
  const query = new URLSearchParams();
  if (country) query.set("country", country);
  if (category) query.set("category", category.slug);
  return {
    meta: { title: `${heading} · ${t("site.name")}`, description: t("stores.description"), siteName: t("site.name") },
    heading,
    countLabel: t("stores.count", { count: result.total }),
    stores: result.items.map((s) => presentStore(s, lang, t)),
    page: result.page,
    pages: result.pages,
    query: query.toString(),
    country,
    category: category?.slug,
    countries: (await campaignTracker())
      .byCountry.map((c) => ({ value: c.countryCode, label: countryName(c.countryCode, lang) }))
      .sort((a, b) => textComparer(lang)(a.label, b.label)),
    categories: categories.map((c) => ({ value: c.slug, label: c.name })),
  };
}

export default function Stores() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const base = localize(data.query ? `/stores?${data.query}` : "/stores");
  return (
    <div className="container stack">
      <header className="page-head">
        <h1>{data.heading}</h1>
        <p>{t("stores.description")}</p>
        <p className="page-head__count" role="status">
          {data.countLabel}
        </p>
        {data.country ? (
          <p>
            <Link to={localize(`/countries/${data.country}`)}>{t("catalog.country.title", { country: data.heading.split(" · ").pop() })}</Link>
          </p>
        ) : null}
      </header>
      <Form method="get" action={localize("/stores")} className="filters__form filters__form--inline" aria-label={t("catalog.stores.filterTitle")}>
        <CurrencyField />
        <div className="field">
          <label htmlFor="stores-country">{t("catalog.filters.country")}</label>
          <select id="stores-country" name="country" defaultValue={data.country ?? ""} key={data.country ?? ""}>
            <option value="">{t("catalog.filters.any")}</option>
            {data.countries.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stores-category">{t("catalog.filters.category")}</label>
          <select id="stores-category" name="category" defaultValue={data.category ?? ""} key={data.category ?? ""}>
            <option value="">{t("catalog.filters.any")}</option>
            {data.categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("catalog.filters.apply")}
          </button>
          {data.query ? <Link to={localize("/stores")}>{t("catalog.filters.clear")}</Link> : null}
        </div>
      </Form>
      {data.stores.length ? (
        <section aria-labelledby="stores-list-heading">
          {/* The cards are h3s; this keeps the outline h1 → h2 → h3 without a visible second title. */}
          <h2 id="stores-list-heading" className="visually-hidden">
            {t("stores.listHeading")}
          </h2>
          <StoreGrid stores={data.stores} />
        </section>
      ) : <EmptyState title={t("catalog.results.emptyTitle")} text={t("catalog.results.emptyText")} clearHref={localize("/stores")} />}
      <Pagination page={data.page} pages={data.pages} basePath={base} />
    </div>
  );
}
