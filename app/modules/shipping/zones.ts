/**
 * Shipping rules, pure: which zone a parcel travels in (from the store's
 * country to the destination), and what it costs and how long it takes,
 * from the store's own rates or the defaults below
 * (docs/decisions/0018-presentment-rounding-and-shipping.md).
 */
import { isAfrican, isChinaRegion } from "../geo/countries";

export const SHIPPING_ZONES = ["domestic", "africa", "china", "world"] as const;
export type ShippingZone = (typeof SHIPPING_ZONES)[number];

export interface ShippingRate {
  /** Base-currency minor units, per order from this store. */
  costBaseMinor: number;
  minDays: number;
  maxDays: number;
}

/** What a store charges until its owner sets its own rates: courier prices for a small parcel. */
export const DEFAULT_SHIPPING: Record<ShippingZone, ShippingRate> = {
  domestic: { costBaseMinor: 400, minDays: 2, maxDays: 5 },
  africa: { costBaseMinor: 1500, minDays: 6, maxDays: 14 },
  china: { costBaseMinor: 2400, minDays: 10, maxDays: 20 },
  world: { costBaseMinor: 2900, minDays: 8, maxDays: 18 },
};

export const SHIPPING_COST_MAX_MINOR = 100_000; // 1,000.00 USD
export const SHIPPING_DAYS_MAX = 120;

export function zoneFor(storeCountry: string, destination: string): ShippingZone {
  if (storeCountry === destination) return "domestic";
  if (isAfrican(destination)) return "africa";
  if (isChinaRegion(destination)) return "china";
  return "world";
}

export interface ShippingQuote extends ShippingRate {
  zone: ShippingZone;
}

/** The store's quote to `destination`: its own rate for the zone, or the default. */
export function shippingQuote(storeCountry: string, destination: string, own: Partial<Record<ShippingZone, ShippingRate>>): ShippingQuote {
  const zone = zoneFor(storeCountry, destination);
  return { zone, ...(own[zone] ?? DEFAULT_SHIPPING[zone]) };
}
