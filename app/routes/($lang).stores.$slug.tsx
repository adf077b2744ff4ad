import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FallbackNote, HIGH_FETCH_PRIORITY, ProductGrid } from "~/components/catalog";
import { getStore } from "~/modules/catalog/catalog.server";
import { presenter, presentProduct, presentStore } from "~/modules/catalog/present.server";
import { now as appNow } from "~/modules/clock/now.server";
import { shopperNotFound } from "~/modules/http/responses.server";
import { JsonLd } from "~/components/seo";
import { breadcrumbList, pageMeta, storeJsonLd } from "~/modules/catalog/seo";
import { publicOrigin } from "~/env.server";
import { localizePath, LANG_TAGS } from "~/modules/i18n/config";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.catalogue);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const store = await getStore(params.slug ?? "", lang, appNow());
  if (!store) throw await shopperNotFound(t, lang);
  const view = await presenter(lang, currency);
  const origin = publicOrigin(request.url);
  const url = `${origin}${localizePath(`/stores/${store.slug}`, lang)}`;
  const image = `${origin}${store.bannerUrl ?? "/favicon.svg"}`;
  return {
    meta: { title: `${store.name} · ${t("site.name")}`, description: store.tagline, url, image, locale: LANG_TAGS[lang].replace("-", "_"), siteName: t("site.name") },
    jsonLd: [
      storeJsonLd({ name: store.name, description: store.tagline, url, image, city: store.city, countryCode: store.countryCode, foundedYear: store.foundedYear }),
      breadcrumbList([
        { name: t("nav.home"), url: `${origin}${localizePath("/", lang)}` },
        { name: t("nav.stores"), url: `${origin}${localizePath("/stores", lang)}` },
        { name: store.name, url },
      ]),
    ],
    bannerAlt: t("catalog.image.storeBanner", { store: store.name }),
    store: { ...presentStore(store, lang, t), story: store.story, storyFallback: store.storyFallback, categorySlug: store.categorySlug },
    products: store.products.map((p) => presentProduct(p, view, t)),
  };
}

export default function StorePage() {
  const { store, products, jsonLd, bannerAlt } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <article className="store-page">
      <div className="store-page__banner">
        {store.bannerUrl ? <img src={store.bannerUrl} width={1200} height={500} alt={bannerAlt} {...HIGH_FETCH_PRIORITY} /> : null}
      </div>
      <JsonLd data={jsonLd} />
      <div className="container stack">
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link to={localize("/")}>{t("nav.home")}</Link> › <Link to={localize("/stores")}>{t("nav.stores")}</Link>
        </nav>
        <header className="page-head">
          <h1 lang={store.fallback ? "en" : undefined}>{store.name}</h1>
          <p className="store-page__tagline">{store.tagline}</p>
          <p className="store-page__meta">
            <Link to={localize(`/countries/${store.countryCode}`)}>{store.location}</Link>
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
