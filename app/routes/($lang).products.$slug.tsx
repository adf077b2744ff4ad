import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FallbackNote, HIGH_FETCH_PRIORITY, Price, ProductGrid } from "~/components/catalog";
import { Countdown } from "~/components/festival";
import { AddToCartForm } from "~/components/cart";
import { getProduct, moreFromStore } from "~/modules/catalog/catalog.server";
import { presenter, presentProduct } from "~/modules/catalog/present.server";
import { now as appNow } from "~/modules/clock/now.server";
import { notFound } from "~/modules/http/responses.server";
import { JsonLd } from "~/components/seo";
import { breadcrumbList, minorToDecimal, pageMeta, productJsonLd } from "~/modules/catalog/seo";
import { publicOrigin } from "~/env.server";
import { localizePath, LANG_TAGS } from "~/modules/i18n/config";
import { currencyExponent } from "~/modules/money/money";
import { presentMinor } from "~/modules/money/presentment";
import { shipmentsFor } from "~/modules/shipping/shipping.server";
import { DEFAULT_DESTINATION } from "~/modules/shipping/destination";
import { countryName, formatDuration, formatMoney, formatNumber } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { renderMarkdown } from "~/modules/markdown/markdown.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";
import { BidiText } from "~/components/value";
import { isolateMarkedValues, isolateNumbersInHtml } from "~/modules/i18n/isolate";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.catalogue);

export function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const now = appNow();
  const product = getProduct(params.slug ?? "", lang, now);
  if (!product) throw notFound(t, lang);
  const view = presenter(lang, currency);
  const card = presentProduct(product, view, t);
  const origin = publicOrigin(request.url);
  const url = `${origin}${localizePath(`/products/${product.slug}`, lang)}`;
  const image = `${origin}${product.images[0]?.url ?? "/favicon.svg"}`;
  const description = product.description.length > 160 ? `${product.description.slice(0, 157)}…` : product.description;
  // A shared page knows only its language: quote the language's likely destination; the cart and checkout are exact.
  const shippingLine = () => {
    const destination = DEFAULT_DESTINATION[lang];
    const [quote] = shipmentsFor([{ storeId: product.storeId, storeCountry: product.store.countryCode }], destination, view.currency, view.rate.rateMicros);
    // The sentence marks its values with <bdi>; they become isolates that <BidiText> renders (no <Trans> in the browser).
    return isolateMarkedValues(
      t("checkout.delivery.line", {
        country: countryName(destination, lang),
        cost: quote.costMinor === 0 ? t("checkout.delivery.free") : formatMoney(quote.costMinor, view.currency, lang),
        min: quote.minDays,
        max: quote.maxDays,
      }),
    );
  };
  const shownMinor = presentMinor(product.price.unitMinor, view.currency, view.rate.rateMicros);
  return {
    meta: { title: `${product.name} · ${t("site.name")}`, description, url, image, type: "product", locale: LANG_TAGS[lang].replace("-", "_"), siteName: t("site.name") },
    jsonLd: [
      productJsonLd({
        name: product.name,
        description: product.description,
        url,
        image,
        sku: product.slug,
        category: product.category.name,
        brand: product.store.name,
        storeUrl: `${origin}${localizePath(`/stores/${product.store.slug}`, lang)}`,
        price: minorToDecimal(shownMinor, currencyExponent(view.currency)),
        currency: view.currency,
        inStock: product.stock > 0,
        countryCode: product.store.countryCode,
        priceValidUntil: product.price.deal ? new Date(product.price.deal.endsAt).toISOString().slice(0, 10) : undefined,
      }),
      breadcrumbList([
        { name: t("nav.home"), url: `${origin}${localizePath("/", lang)}` },
        { name: t("nav.products"), url: `${origin}${localizePath("/products", lang)}` },
        { name: product.category.name, url: `${origin}${localizePath(`/categories/${product.category.slug}`, lang)}` },
        { name: product.name, url },
      ]),
    ],
    product: {
      ...card,
      description: product.description,
      // Owner-written Markdown, sanitised on the server (app/modules/markdown).
      descriptionHtml: isolateNumbersInHtml(renderMarkdown(product.description)),
      descriptionFallback: product.fallback || product.descriptionFallback,
      originNote: product.originNote,
      originFallback: product.fallback || product.originFallback,
      images: product.images,
      category: product.category,
      dealTimeLeft: card.dealEndsAt ? formatDuration(card.dealEndsAt - now, lang) : null,
      // While a deal is live: how many of its committed units are left at the festival price,
      // or that none are (the regular price then applies).
      dealUnitsLeft: product.price.deal ? t("catalog.deal.unitsLeft", { value: formatNumber(product.price.deal.unitsLeft, lang) }) : null,
      dealSoldOut: product.price.dealSoldOut,
      shipping: shippingLine(),
    },
    more: moreFromStore(lang, product.storeId, product.id, 4, now).map((p) => presentProduct(p, view, t)),
  };
}

export default function ProductPage() {
  const { product, more, jsonLd } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const cover = product.images[0];
  return (
    <div className="container stack">
      <JsonLd data={jsonLd} />
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={localize("/")}>{t("nav.home")}</Link> › <Link to={localize("/products")}>{t("nav.products")}</Link> ›{" "}
        <Link to={localize(`/categories/${product.category.slug}`)}>{product.category.name}</Link>
      </nav>
      <article className="product-page">
        <div className="product-page__media">
          {cover ? <img src={cover.url} width={cover.width} height={cover.height} alt={product.name} {...HIGH_FETCH_PRIORITY} /> : null}
        </div>
        <div className="product-page__info">
          <h1 lang={product.fallback ? "en" : undefined}>
            <BidiText text={product.name} />
          </h1>
          {product.fallback ? <FallbackNote /> : null}
          <p className="product-page__store">
            {t("product.soldBy")}{" "}
            <Link to={localize(`/stores/${product.store.slug}`)} data-testid="store-link">
              {product.store.name}
            </Link>{" "}
            · {product.store.country}
          </p>
          <div className="product-page__price">
            {product.regularPrice ? (
              <>
                <span className="badge badge--deal">{t("festival.deal")}</span>
                <p>
                  <span className="visually-hidden">{t("product.dealPrice")}: </span>
                  <Price value={product.price} className="price price--deal price--big" />{" "}
                  <s className="price price--was">
                    <span className="visually-hidden">{t("product.regularPrice")}: </span>
                    <Price value={product.regularPrice} />
                  </s>{" "}
                  <span className="save">
                    <BidiText text={product.saveLabel ?? ""} />
                  </span>
                </p>
                {product.dealEndsAt && product.dealTimeLeft ? (
                  <p className="deal-clock">
                    {t("product.dealEndsIn")} <Countdown target={product.dealEndsAt} initial={product.dealTimeLeft} />
                  </p>
                ) : null}
                {product.dealUnitsLeft ? (
                  <p className="deal-units" data-testid="deal-units">
                    <BidiText text={product.dealUnitsLeft} />
                  </p>
                ) : null}
              </>
            ) : (
              <>
                {product.dealSoldOut ? (
                  <p className="deal-units deal-units--out" data-testid="deal-units">
                    <span className="badge">{t("catalog.deal.soldOut")}</span> {t("catalog.deal.soldOutNote")}
                  </p>
                ) : null}
                <p>
                  <span className="visually-hidden">{t("product.price")}: </span>
                  <Price value={product.price} className="price price--big" />
                </p>
              </>
            )}
            <p className={`stock stock--${product.stock}`}>
              <BidiText text={product.stockLabel} />
            </p>
            <AddToCartForm slug={product.slug} soldOut={product.stock === "out"} />
            <p className="product-page__shipping" data-testid="product-shipping">
              <span>
                <BidiText text={product.shipping} />
              </span>
              <span className="hint">{t("checkout.delivery.exactLater")}</span>
            </p>
          </div>
          <section aria-labelledby="details-title">
            <h2 id="details-title">{t("product.details")}</h2>
            {product.descriptionFallback && !product.fallback ? <FallbackNote /> : null}
            {product.descriptionHtml ? (
              <div
                className="product-page__description"
                lang={product.descriptionFallback ? "en" : undefined}
                data-testid="product-description"
                dangerouslySetInnerHTML={{ __html: product.descriptionHtml }}
              />
            ) : null}
            <dl className="facts">
              {product.originNote ? (
                <>
                  <dt>{t("product.origin")}</dt>
                  <dd lang={product.originFallback ? "en" : undefined}>
                    <BidiText text={product.originNote} />
                  </dd>
                </>
              ) : null}
              <dt>{t("product.category")}</dt>
              <dd>{product.category.name}</dd>
            </dl>
          </section>
        </div>
      </article>
      {more.length ? (
        <section aria-labelledby="more-title">
          <h2 id="more-title">{t("product.moreFromStore", { store: product.store.name })}</h2>
          <ProductGrid products={more} />
        </section>
      ) : null}
    </div>
  );
}
