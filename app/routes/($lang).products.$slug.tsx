import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FallbackNote, Price, ProductGrid } from "~/components/catalog";
import { Countdown } from "~/components/festival";
import { getProduct, moreFromStore } from "~/modules/catalog/catalog.server";
import { presenter, presentProduct } from "~/modules/catalog/present.server";
import { notFound, PUBLIC_PAGE_CACHE } from "~/modules/http/responses.server";
import { formatDuration } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.meta.title },
        { name: "description", content: data.meta.description },
        { property: "og:title", content: data.product.name },
        { property: "og:type", content: "product" },
        { property: "og:image", content: data.meta.image },
      ]
    : [];

export const headers = () => ({ "Cache-Control": PUBLIC_PAGE_CACHE });

export function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const now = Date.now();
  const product = getProduct(params.slug ?? "", lang, now);
  if (!product) throw notFound(t);
  const view = presenter(lang, currency);
  const card = presentProduct(product, view, t);
  return {
    meta: {
      title: `${product.name} · ${t("site.name")}`,
      description: product.description.slice(0, 160),
      image: new URL(product.images[0]?.url ?? "/favicon.svg", request.url).toString(),
    },
    product: {
      ...card,
      description: product.description,
      originNote: product.originNote,
      images: product.images,
      category: product.category,
      dealTimeLeft: card.dealEndsAt ? formatDuration(card.dealEndsAt - now, lang) : null,
    },
    more: moreFromStore(lang, product.storeId, product.id, 4, now).map((p) => presentProduct(p, view, t)),
  };
}

export default function ProductPage() {
  const { product, more } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const cover = product.images[0];
  return (
    <div className="container stack">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={localize("/")}>{t("nav.home")}</Link> › <Link to={localize("/products")}>{t("nav.products")}</Link> ›{" "}
        <Link to={localize(`/products?category=${product.category.slug}`)}>{product.category.name}</Link>
      </nav>
      <article className="product-page">
        <div className="product-page__media">
          {cover ? <img src={cover.url} width={cover.width} height={cover.height} alt={product.name} /> : null}
        </div>
        <div className="product-page__info">
          <h1 lang={product.fallback ? "en" : undefined}>{product.name}</h1>
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
                  <span className="save">{product.saveLabel}</span>
                </p>
                {product.dealEndsAt && product.dealTimeLeft ? (
                  <p className="deal-clock">
                    {t("product.dealEndsIn")} <Countdown target={product.dealEndsAt} initial={product.dealTimeLeft} />
                  </p>
                ) : null}
              </>
            ) : (
              <p>
                <span className="visually-hidden">{t("product.price")}: </span>
                <Price value={product.price} className="price price--big" />
              </p>
            )}
            <p className={`stock stock--${product.stock}`}>{product.stockLabel}</p>
          </div>
          <section aria-labelledby="details-title">
            <h2 id="details-title">{t("product.details")}</h2>
            <p className="product-page__description">{product.description}</p>
            <dl className="facts">
              <dt>{t("product.origin")}</dt>
              <dd>{product.originNote}</dd>
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
