import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PavilionList, ProductGrid, StoreGrid } from "~/components/catalog";
import { CampaignTrackerPanel, FestivalBanner } from "~/components/festival";
import { campaignTracker, featuredStores, listCategories, newestProducts } from "~/modules/catalog/catalog.server";
import { presenter, presentProduct, presentStore } from "~/modules/catalog/present.server";
import { now as appNow } from "~/modules/clock/now.server";
import { festivalTotals } from "~/modules/festivals/dashboard.server";
import { approvedDealCount, featuredFestival } from "~/modules/festivals/festivals.server";
import { forShoppers, presentFestivalBanner, presentShopperTracker } from "~/modules/festivals/present.server";
import { countryName, formatNumber } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";
import { BidiText } from "~/components/value";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.meta.title }, { name: "description", content: data.meta.description }] : [];

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.liveCounters);

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const now = appNow();
  const view = await presenter(lang, currency);
  const festival = await featuredFestival(lang, now);
  const [tracker, categories, stores, products] = await Promise.all([campaignTracker(), listCategories(lang), featuredStores(lang, 8), newestProducts(lang, 8, now)]);
  return {
    meta: { title: `${t("site.name")} · ${t("home.title")}`, description: t("site.description") },
    festival: festival ? forShoppers(presentFestivalBanner(festival, view, t, now, await approvedDealCount(festival.id), await festivalTotals(festival.id))) : null,
    tracker: presentShopperTracker(tracker, lang),
    categories: categories.map((c) => ({ slug: c.slug, name: c.name, description: c.description, count: formatNumber(c.productCount, lang) })),
    pavilions: tracker.byCountry.slice(0, 12).map((c) => ({
      code: c.countryCode,
      name: countryName(c.countryCode, lang),
      counts: [t("stores.count", { count: c.stores })],
    })),
    stores: stores.map((s) => presentStore(s, lang, t)),
    products: products.map((p) => presentProduct(p, view, t)),
  };
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <>
      <section className="hero">
        <div className="container hero__inner">
          <h1>{t("home.heroTitle")}</h1>
          <p>
            <BidiText text={t("home.heroText")} />
          </p>
          <p className="hero__actions">
            <Link className="button" to={localize("/products")}>
              {t("home.ctaProducts")}
            </Link>
            <Link className="button button--ghost" to={localize("/stores")}>
              {t("home.ctaStores")}
            </Link>
          </p>
        </div>
      </section>
      <div className="container stack">
        {data.festival ? <FestivalBanner festival={data.festival} /> : null}
        <CampaignTrackerPanel tracker={data.tracker} />

        <section aria-labelledby="categories-title">
          <h2 id="categories-title">{t("home.categories")}</h2>
          <ul className="category-grid">
            {data.categories.map((c) => (
              <li key={c.slug}>
                <Link to={localize(`/products?category=${c.slug}`)} className={`category-tile category-tile--${c.slug}`}>
                  <img src={`/art/categories/${c.slug}.svg`} width={600} height={600} alt="" loading="lazy" />
                  <span className="category-tile__name">{c.name}</span>
                  <span className="category-tile__count">
                    <bdi>{c.count}</bdi>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="stores-title">
          <div className="section-head">
            <h2 id="stores-title">{t("home.featuredStores")}</h2>
            <Link to={localize("/stores")}>{t("home.viewAll")}</Link>
          </div>
          <StoreGrid stores={data.stores} />
        </section>

        <section aria-labelledby="pavilions-title">
          <div className="section-head">
            <h2 id="pavilions-title">{t("home.pavilions")}</h2>
            <Link to={localize("/countries")}>{t("home.viewAll")}</Link>
          </div>
          <PavilionList pavilions={data.pavilions} />
        </section>

        <section aria-labelledby="new-title">
          <div className="section-head">
            <h2 id="new-title">{t("home.newProducts")}</h2>
            <Link to={localize("/products")}>{t("home.viewAll")}</Link>
          </div>
          <ProductGrid products={data.products} />
        </section>
      </div>
    </>
  );
}
