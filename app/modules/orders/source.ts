/**
 * Where a shopper landed from: the `utm_source` / `utm_medium` of the link
 * they followed (the product feeds' links carry them). Kept with the cart
 * when they add to it, and with the order placed from that cart; never set
 * as a cookie, so shared pages stay the same bytes for everyone
 * (docs/decisions/0030-product-feeds-and-landing-sources.md).
 */
export const UTM_SOURCE_PARAM = "utm_source";
export const UTM_MEDIUM_PARAM = "utm_medium";

/** A source or medium as platforms write them ("google", "product_feed", "ig.shop"). */
const UTM_VALUE = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/**
 * The value, trimmed and lower-cased, when it is one we keep; null for
 * anything else (ignored, not refused). A plain check rather than a zod
 * schema: the cart link imports this module's parameter names, so it is in
 * the JavaScript every page loads, and zod would add about 13 kB to it.
 */
function utmValue(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const normalised = value.trim().toLowerCase();
  return UTM_VALUE.test(normalised) ? normalised : null;
}

export interface LandingSource {
  source: string;
  medium: string | null;
}

/** The landing source in a form's or URL's values, or null when there is none (or it is not one we keep). */
export function landingSource(values: { get(name: string): unknown }): LandingSource | null {
  const source = utmValue(values.get(UTM_SOURCE_PARAM));
  if (source === null) return null;
  return { source, medium: utmValue(values.get(UTM_MEDIUM_PARAM)) };
}
