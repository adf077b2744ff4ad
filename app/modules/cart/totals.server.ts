/**
 * The cart's totals with shipping to a destination, as the cart and checkout
 * pages show them: computed on the server by the same functions that price
 * the order (shipmentsFor, presentMinor), so the page and the charge agree.
 */
import type { TFunction } from "i18next";
import { LANG_TAGS, type Lang } from "../i18n/config";
import { SHIPPING_COUNTRIES } from "../geo/countries";
import { countryName, formatMoney } from "../i18n/format";
import { shipmentsFor } from "../shipping/shipping.server";
import type { CartView } from "./cart.server";

export async function cartTotals(cart: CartView, destination: string, lang: Lang, t: TFunction) {
  const money = (minor: number) => formatMoney(minor, cart.currency, lang);
  const shipments = await shipmentsFor(
    cart.orderable.map((l) => ({ storeId: l.storeId, storeCountry: l.storeCountry })),
    destination,
    cart.currency,
    cart.rate.rateMicros,
  );
  const storeNames = new Map(cart.orderable.map((l) => [l.storeId, l.storeName]));
  const shippingMinor = shipments.reduce((sum, s) => sum + s.costMinor, 0);
  return {
    destination,
    destinationName: countryName(destination, lang),
    subtotal: money(cart.totalMinor),
    shipping: shipments.map((s) => ({
      storeId: s.storeId,
      store: t("checkout.delivery.fromStore", { store: storeNames.get(s.storeId) ?? "" }),
      cost: s.costMinor === 0 ? t("checkout.delivery.free") : money(s.costMinor),
      estimate: t("checkout.delivery.estimate", { min: s.minDays, max: s.maxDays }),
    })),
    total: money(cart.totalMinor + shippingMinor),
  };
}

/** Every country the showcase ships to, named and sorted in the page's language. */
export function shippingCountryOptions(lang: Lang) {
  const collator = new Intl.Collator(LANG_TAGS[lang]);
  return SHIPPING_COUNTRIES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) => collator.compare(a.name, b.name));
}
