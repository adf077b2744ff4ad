/**
 * The shopper's presentment currency: a default per language
 * (docs/decisions/0004-currencies.md), or the one they picked in the
 * switcher, carried in the URL as `?currency=KES` by every link and form,
 * so that a shared page in KES is a different URL from the one in USD
 * (docs/decisions/0014-shared-pages-and-page-cache.md).
 */
import { DEFAULT_CURRENCY, type Lang } from "../i18n/config";

export const CURRENCY_PARAM = "currency";

/** Currencies a shopper can choose; the seed stores a rate for each (USD is the base). */
export const PRESENTMENT_CURRENCIES = ["USD", "CNY", "EUR", "KES", "EGP", "NGN", "ZAR", "GHS", "XOF", "MAD", "AOA", "ETB", "TZS"] as const;

export function isPresentmentCurrency(value: unknown): value is (typeof PRESENTMENT_CURRENCIES)[number] {
  return typeof value === "string" && (PRESENTMENT_CURRENCIES as readonly string[]).includes(value);
}

/** The page's currency: a listed `?currency=` wins over the language's default. */
export function currencyFromSearch(search: URLSearchParams, lang: Lang): string {
  const code = search.get(CURRENCY_PARAM)?.toUpperCase();
  return isPresentmentCurrency(code) ? code : DEFAULT_CURRENCY[lang];
}

/** `href` with the page's currency kept, unless it is the language's default (the canonical URL). */
export function withCurrency(href: string, currency: string, lang: Lang): string {
  if (currency === DEFAULT_CURRENCY[lang] && !href.includes(`${CURRENCY_PARAM}=`)) return href;
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const base = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = base.indexOf("?");
  const path = queryAt >= 0 ? base.slice(0, queryAt) : base;
  const search = new URLSearchParams(queryAt >= 0 ? base.slice(queryAt + 1) : "");
  if (currency === DEFAULT_CURRENCY[lang]) search.delete(CURRENCY_PARAM);
  else search.set(CURRENCY_PARAM, currency);
  const query = search.toString();
  return `${path}${query ? `?${query}` : ""}${hash}`;
}
