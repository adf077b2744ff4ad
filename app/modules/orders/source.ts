/**
 * Where a shopper landed from: the `utm_source` / `utm_medium` of the link
 * they followed (the product feeds' links carry them). Kept with the cart
 * when they add to it, and with the order placed from that cart; never set
 * as a cookie, so shared pages stay the same bytes for everyone
 * (docs/decisions/0030-product-feeds-and-landing-sources.md).
 */
import { z } from "zod";

export const UTM_SOURCE_PARAM = "utm_source";
export const UTM_MEDIUM_PARAM = "utm_medium";

/** A source or medium as platforms write them ("google", "product_feed", "ig.shop"); anything else is ignored, not refused. */
const utmValue = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/);

export interface LandingSource {
  source: string;
  medium: string | null;
}

/** The landing source in a form's or URL's values, or null when there is none (or it is not one we keep). */
export function landingSource(values: { get(name: string): unknown }): LandingSource | null {
  const source = utmValue.safeParse(values.get(UTM_SOURCE_PARAM));
  if (!source.success) return null;
  const medium = utmValue.safeParse(values.get(UTM_MEDIUM_PARAM));
  return { source: source.data, medium: medium.success ? medium.data : null };
}
