/**
 * Where a shopper's parcel goes before they say so: a default per language
 * (product pages are shared, so they cannot know more), or `?ship=KE` from
 * the cart's and checkout's country choice.
 */
import type { Lang } from "../i18n/config";
import { isShippingCountry, type ShippingCountry } from "../geo/countries";

export const SHIP_PARAM = "ship";

/** The most likely destination for readers of each language (Kiswahili: Kenya, Arabic: Egypt, …). */
export const DEFAULT_DESTINATION: Record<Lang, ShippingCountry> = { en: "NG", zh: "CN", fr: "SN", ar: "EG", pt: "AO", sw: "KE" };

export function destinationFrom(search: URLSearchParams, lang: Lang): ShippingCountry {
  const code = search.get(SHIP_PARAM)?.toUpperCase();
  return isShippingCountry(code) ? code : DEFAULT_DESTINATION[lang];
}
