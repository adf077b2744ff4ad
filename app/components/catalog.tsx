import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import type { ProductCardView, StoreCardView } from "~/modules/catalog/present.server";
import type { Segment } from "~/modules/search/query";
import { Highlighted } from "./search";
import { BidiText, Value } from "./value";

type CardView = ProductCardView & { nameSegments?: Segment[] };

/** A price: isolated so digits and currency read left-to-right inside Arabic text. */
export function Price({ value, className }: { value: string; className?: string }) {
  return (
    <Value ltr className={className}>
      {value}
    </Value>
  );
}

/** Says, in the page's language, that the text beside it is shown in English (that text carries lang="en"). */
export function FallbackNote() {
  const { t } = useTranslation();
  return (
    <p className="fallback-note">
      {t("content.fallback")}
    </p>
  );
}

export function ProductGrid({ products, eager = 0 }: { products: CardView[]; eager?: number }) {
  return (
    <ul className="product-grid">
      {products.map((p, i) => (
        <li key={p.slug}>
          <ProductCardItem product={p} eager={i < eager} />
        </li>
      ))}
    </ul>
  );
}

function ProductCardItem({ product: p, eager }: { product: CardView; eager: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <article className="product-card">
      {/* The image sits outside the link so its alt (the name) is not read twice; the link stretches over the card (CSS). */}
      {p.image ? (
        <img
          src={p.image.url}
          width={p.image.width}
          height={p.image.height}
          alt={p.name}
          loading={eager ? "eager" : "lazy"}
          decoding="async"
          className="product-card__image"
        />
      ) : null}
      <Link to={localize(`/products/${p.slug}`)} className="product-card__link" prefetch="intent">
        {p.saveLabel ? <span className="badge badge--deal">{t("festival.deal")}</span> : null}
        <h3 className="product-card__name" lang={p.fallback ? "en" : undefined}>
          {p.nameSegments ? <Highlighted segments={p.nameSegments} /> : <BidiText text={p.name} />}
        </h3>
      </Link>
      <p className="product-card__store">
        {p.store.name} · {p.store.country}
      </p>
      <p className="product-card__price">
        <Price value={p.price} className={p.regularPrice ? "price price--deal" : "price"} />
        {p.regularPrice ? (
          <>
            {" "}
            <s className="price price--was">
              <Price value={p.regularPrice} />
            </s>
          </>
        ) : null}
      </p>
      <p className={`stock stock--${p.stock}`}>
        <BidiText text={p.stockLabel} />
      </p>
    </article>
  );
}

export function StoreGrid({ stores }: { stores: StoreCardView[] }) {
  const localize = useLocalizedPath();
  const { t } = useTranslation();
  return (
    <ul className="store-grid">
      {stores.map((s) => (
        <li key={s.slug}>
          <article className="store-card">
            <Link to={localize(`/stores/${s.slug}`)} className="store-card__link" prefetch="intent">
              {s.bannerUrl ? (
                <img
                  src={s.bannerUrl}
                  width={1200}
                  height={500}
                  alt={t("catalog.image.storeBanner", { store: s.name })}
                  loading="lazy"
                  decoding="async"
                  className="store-card__banner"
                />
              ) : null}
              <h3 className="store-card__name" lang={s.fallback ? "en" : undefined}>
                {s.name}
              </h3>
            </Link>
            <p className="store-card__location">{s.location}</p>
            <p className="store-card__tagline">{s.tagline}</p>
            <p className="store-card__meta">
              <BidiText text={s.productsLabel} />
              {s.since ? (
                <>
                  {" · "}
                  <BidiText text={s.since} />
                </>
              ) : null}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}

/** Numbered pages: `basePath` carries the list's other parameters; `fragment` ("#deals") lands the reader back on the list. */
/** Country pavilions: each country with a live store, its counts isolated (home page and /countries). */
export function PavilionList({ pavilions }: { pavilions: { code: string; name: string; counts: string[] }[] }) {
  const localize = useLocalizedPath();
  return (
    <ul className="pavilions">
      {pavilions.map((p) => (
        <li key={p.code}>
          <Link to={localize(`/countries/${p.code}`)}>
            <span className="pavilions__name">{p.name}</span>
            <span className="pavilions__count">
              <BidiText text={p.counts.join(" · ")} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function Pagination({ page, pages, basePath, fragment = "", status }: { page: number; pages: number; basePath: string; fragment?: string; status?: string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const joiner = basePath.includes("?") ? "&" : "?";
  const href = (n: number) => (n === 1 ? basePath : `${basePath}${joiner}page=${n}`) + fragment;
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className="button button--ghost">
          {t("pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">
        <BidiText text={status ?? t("pagination.page", { page, pages })} />
      </span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next" className="button button--ghost">
          {t("pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/**
 * `fetchpriority="high"` for a page's main image. Spelt in lower case and spread:
 * React 18 does not know the `fetchPriority` prop and warns about it, though
 * browsers read the attribute either way.
 */
export const HIGH_FETCH_PRIORITY = { fetchpriority: "high" } as Record<string, string>;
