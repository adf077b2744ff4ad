/**
 * Turns catalogue rows into what a page shows, formatted on the server in
 * the page's language and the shopper's currency (so server and browser
 * never disagree on a formatted string).
 */
import type { TFunction } from "i18next";
import { countryName, formatMoney } from "../i18n/format";
import type { Lang } from "../i18n/config";
import { BASE_CURRENCY, convertMinor, type Rate } from "../money/money";
import { latestRate } from "../money/rates.server";
import type { ProductCard, StoreCard } from "./catalog.server";

export const LOW_STOCK = 5;

export interface Presenter {
  lang: Lang;
  currency: string;
  rate: Rate;
  money(baseMinor: number): string;
}

export function presenter(lang: Lang, currency: string): Presenter {
  // Fall back to the base currency if no rate is stored for the wanted one.
  const rate = latestRate(currency) ?? latestRate(BASE_CURRENCY)!;
  const shown = rate.quote;
  return {
    lang,
    currency: shown,
    rate,
    money: (baseMinor) => formatMoney(convertMinor(baseMinor, BASE_CURRENCY, shown, rate.rateMicros), shown, lang),
  };
}

export type StockState = "in" | "low" | "out";

export function stockState(stock: number): StockState {
  return stock <= 0 ? "out" : stock <= LOW_STOCK ? "low" : "in";
}

export function presentProduct(p: ProductCard, view: Presenter, t: TFunction) {
  const onDeal = p.price.deal !== null;
  const savePercent = onDeal ? Math.round(((p.price.regularMinor - p.price.unitMinor) * 100) / p.price.regularMinor) : 0;
  return {
    slug: p.slug,
    name: p.name,
    fallback: p.fallback,
    price: view.money(p.price.unitMinor),
    regularPrice: onDeal ? view.money(p.price.regularMinor) : null,
    saveLabel: onDeal ? t("product.save", { percent: savePercent }) : null,
    dealEndsAt: p.price.deal?.endsAt ?? null,
    stock: stockState(p.stock),
    stockLabel:
      p.stock <= 0 ? t("product.outOfStock") : p.stock <= LOW_STOCK ? t("product.lowStock", { count: p.stock }) : t("product.inStock"),
    image: p.image,
    store: { slug: p.store.slug, name: p.store.name, country: countryName(p.store.countryCode, view.lang) },
  };
}
export type ProductCardView = ReturnType<typeof presentProduct>;

export function presentStore(s: StoreCard, lang: Lang, t: TFunction) {
  return {
    slug: s.slug,
    name: s.name,
    fallback: s.fallback,
    tagline: s.tagline,
    location: t("store.location", { city: s.city, country: countryName(s.countryCode, lang) }),
    countryCode: s.countryCode,
    since: s.foundedYear ? t("store.founded", { year: s.foundedYear }) : null,
    bannerUrl: s.bannerUrl,
    productsLabel: t("store.productsCount", { count: s.productCount }),
  };
}
export type StoreCardView = ReturnType<typeof presentStore>;
