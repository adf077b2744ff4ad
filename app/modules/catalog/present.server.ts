/**
 * Turns catalogue rows into what a page shows, formatted on the server in
 * the page's language and the shopper's currency (so server and browser
 * never disagree on a formatted string).
 */
import type { TFunction } from "i18next";
import { countryName, formatMoney } from "../i18n/format";
import type { Lang } from "../i18n/config";
import { BASE_CURRENCY, type Rate } from "../money/money";
import { presentMinor } from "../money/presentment";
import { latestRate } from "../money/rates.server";
import type { ProductCard, StoreCard } from "./catalog.server";

export const LOW_STOCK = 5;

export interface Presenter {
  lang: Lang;
  currency: string;
  rate: Rate;
  money(baseMinor: number): string;
}

export async function presenter(lang: Lang, currency: string): Promise<Presenter> {
  // Fall back to the base currency if no rate is stored for the wanted one.
  const rate = (await latestRate(currency)) ?? (await latestRate(BASE_CURRENCY))!;
  const shown = rate.quote;
  return {
    lang,
    currency: shown,
    rate,
    money: (baseMinor) => formatMoney(presentMinor(baseMinor, shown, rate.rateMicros), shown, lang),
  };
}

export type StockState = "in" | "low" | "out";

export function stockState(stock: number): StockState {
  return stock <= 0 ? "out" : stock <= LOW_STOCK ? "low" : "in";
}

/**
 * Card labels depend only on the language (one `t` per language) and a small
 * number (stock left ≤ LOW_STOCK, a percentage): every page repeats the same
 * few, so each is translated once.
 */
const cardLabels = new WeakMap<TFunction, Map<string, string>>();
function cardLabel(t: TFunction, key: "product.save" | "product.outOfStock" | "product.lowStock" | "product.inStock", value?: number): string {
  let labels = cardLabels.get(t);
  if (!labels) {
    labels = new Map();
    cardLabels.set(t, labels);
  }
  const id = value === undefined ? key : `${key}:${value}`;
  let label = labels.get(id);
  if (label === undefined) {
    label = key === "product.save" ? t(key, { percent: value }) : key === "product.lowStock" ? t(key, { count: value }) : t(key);
    if (labels.size > 1000) labels.clear();
    labels.set(id, label);
  }
  return label;
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
    saveLabel: onDeal ? cardLabel(t, "product.save", savePercent) : null,
    dealEndsAt: p.price.deal?.endsAt ?? null,
    stock: stockState(p.stock),
    stockLabel:
      p.stock <= 0 ? cardLabel(t, "product.outOfStock") : p.stock <= LOW_STOCK ? cardLabel(t, "product.lowStock", p.stock) : cardLabel(t, "product.inStock"),
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
