import { useState, type ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AddToCartForm } from "~/components/cart";
import { FallbackNote, HIGH_FETCH_PRIORITY, Price, ProductGrid } from "~/components/catalog";
import { Countdown } from "~/components/festival";
import { BidiSegments, BidiText } from "~/components/value";
import type { ProductPageView } from "~/modules/catalog/product-page.server";
import { useLocalizedPath } from "~/modules/i18n/hooks";

type GalleryImage = ProductPageView["product"]["images"][number];

/**
 * The product's photos: one large at a time in a row that snaps, with
 * thumbnails that are links to each (#photo-n), so it works without
 * JavaScript; with it, a thumbnail scrolls only the row, not the page.
 * Photos keep their shape (object-fit: contain), and the row follows the
 * page's direction.
 */
function Gallery({ images, name }: { images: GalleryImage[]; name: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(0);
  if (!images.length) return null;
  const [cover] = images;
  if (images.length === 1) {
    return <img src={cover.url} srcSet={cover.srcSet ?? undefined} sizes="(min-width: 60rem) 32rem, 100vw" width={cover.width} height={cover.height} alt={name} {...HIGH_FETCH_PRIORITY} />;
  }
  const count = images.length;
  return (
    <div className="gallery">
      <ul className="gallery__slides" aria-label={t("product.gallery.label", { count })}>
        {images.map((img, i) => (
          <li key={img.url} id={`photo-${i + 1}`} className="gallery__slide">
            <img
              src={img.url}
              srcSet={img.srcSet ?? undefined}
              sizes="(min-width: 60rem) 32rem, 100vw"
              width={img.width}
              height={img.height}
              alt={i === 0 ? name : t("product.gallery.photo", { n: i + 1, count, name })}
              {...(i === 0 ? HIGH_FETCH_PRIORITY : { loading: "lazy" as const })}
            />
          </li>
        ))}
      </ul>
      <ul className="gallery__thumbs">
        {images.map((img, i) => (
          <li key={img.url}>
            <a
              href={`#photo-${i + 1}`}
              aria-label={t("product.gallery.show", { n: i + 1, count })}
              aria-current={i === shown ? "true" : undefined}
              onClick={(event) => {
                const slide = document.getElementById(`photo-${i + 1}`);
                if (!slide) return;
                event.preventDefault();
                slide.scrollIntoView({ behavior: "smooth", block: "nearest", inline: "start" });
                setShown(i);
              }}
            >
              <img src={img.url} srcSet={img.srcSet ?? undefined} sizes="4rem" width={img.width} height={img.height} alt="" loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The product page's body: the shoppers' page and the owner's preview. A
 * preview (`preview` set) shows the banner its route gives instead of the cart
 * form, since a draft cannot be bought.
 */
export function ProductView({
  product,
  more,
  children,
  preview,
  sessions,
}: {
  product: ProductPageView["product"];
  more: ProductPageView["more"];
  children?: ReactNode;
  preview?: ReactNode;
  /** The festival sessions that feature the product (shopper page only). */
  sessions?: ReactNode;
}) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack">
      {children}
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={localize("/")}>{t("nav.home")}</Link> › <Link to={localize("/products")}>{t("nav.products")}</Link> ›{" "}
        <Link to={localize(`/categories/${product.category.slug}`)}>{product.category.name}</Link>
      </nav>
      <article className="product-page">
        <div className="product-page__media">
          <Gallery images={product.images} name={product.name} />
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
            {preview ?? <AddToCartForm slug={product.slug} soldOut={product.stock === "out"} />}
            <p className="product-page__shipping" data-testid="product-shipping">
              <span>
                <BidiSegments segments={product.shipping} />
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
      {sessions}
      {more.length ? (
        <section aria-labelledby="more-title">
          <h2 id="more-title">{t("product.moreFromStore", { store: product.store.name })}</h2>
          <ProductGrid products={more} />
        </section>
      ) : null}
    </div>
  );
}
