import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FallbackNote, ProductGrid } from "~/components/catalog";
import { getStore } from "~/modules/catalog/catalog.server";
import { presenter, presentProduct, presentStore } from "~/modules/catalog/present.server";
import { notFound, PUBLIC_PAGE_CACHE } from "~/modules/http/responses.server";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.meta.title },
        { name: "description", content: data.meta.description },
        { property: "og:title", content: data.store.name },
        { property: "og:type", content: "website" },
      ]
    : [];

export const headers = () => ({ "Cache-Control": PUBLIC_PAGE_CACHE });

export function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const store = getStore(params.slug ?? "", lang, Date.now());
  if (!store) throw notFound(t);
  const view = presenter(lang, currency);
  return {
    meta: { title: `${store.name} · ${t("site.name")}`, description: store.tagline },
    store: { ...presentStore(store, lang, t), story: store.story, storyFallback: store.storyFallback, categorySlug: store.categorySlug },
    products: store.products.map((p) => presentProduct(p, view, t)),
  };
}

export default function StorePage() {
  const { store, products } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <article className="store-page">
      <div className="store-page__banner">
        {store.bannerUrl ? <img src={store.bannerUrl} width={1200} height={500} alt="" /> : null}
      </div>
      <div className="container stack">
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link to={localize("/")}>{t("nav.home")}</Link> › <Link to={localize("/stores")}>{t("nav.stores")}</Link>
        </nav>
        <header className="page-head">
          <h1 lang={store.fallback ? "en" : undefined}>{store.name}</h1>
          <p className="store-page__tagline">{store.tagline}</p>
          <p className="store-page__meta">
            <Link to={localize(`/stores?country=${store.countryCode}`)}>{store.location}</Link>
            {store.since ? ` · ${store.since}` : ""} · {store.productsLabel}
          </p>
          {store.fallback ? <FallbackNote /> : null}
        </header>
        <section aria-labelledby="story-title" className="story">
          <h2 id="story-title">{t("store.story")}</h2>
          <p lang={store.storyFallback ? "en" : undefined}>{store.story}</p>
          {store.storyFallback && !store.fallback ? <FallbackNote /> : null}
        </section>
        <section aria-labelledby="products-title">
          <h2 id="products-title">{t("store.products")}</h2>
          <ProductGrid products={products} eager={2} />
        </section>
      </div>
    </article>
  );
}
