/**
 * The countries the showcase knows, defined once (pure: the schema, the
 * forms and the shipping rules import these lists).
 */

/** The African Union's 55 members' ISO codes, minus the Sahrawi Republic (no ISO code). Stores are in these. */
export const AFRICAN_COUNTRIES = [
  "DZ", "AO", "BJ", "BW", "BF", "BI", "CV", "CM", "CF", "TD", "KM", "CG", "CD", "CI", "DJ", "EG", "GQ", "ER",
  "SZ", "ET", "GA", "GM", "GH", "GN", "GW", "KE", "LS", "LR", "LY", "MG", "MW", "ML", "MR", "MU", "MA", "MZ",
  "NA", "NE", "NG", "RW", "ST", "SN", "SC", "SL", "SO", "ZA", "SS", "SD", "TZ", "TG", "TN", "UG", "ZM", "ZW",
] as const;

/** Mainland China, Hong Kong and Macao: one shipping zone, Chinese address forms. */
export const CHINA_REGION = ["CN", "HK", "MO"] as const;

/** Where the showcase ships: every African country, China and the main markets of the diaspora. */
export const SHIPPING_COUNTRIES = [
  ...AFRICAN_COUNTRIES,
  ...CHINA_REGION,
  "SG", "MY", "AE", "SA", "QA", "FR", "BE", "DE", "GB", "PT", "BR", "US", "CA",
] as const;
export type ShippingCountry = (typeof SHIPPING_COUNTRIES)[number];

export function isShippingCountry(value: unknown): value is ShippingCountry {
  return typeof value === "string" && (SHIPPING_COUNTRIES as readonly string[]).includes(value);
}

export function isAfrican(code: string): boolean {
  return (AFRICAN_COUNTRIES as readonly string[]).includes(code);
}

export function isChinaRegion(code: string): boolean {
  return (CHINA_REGION as readonly string[]).includes(code);
}
