/**
 * How many of a product a cart may hold, pure: never more than the stock,
 * never more than a live deal's per-customer limit or the units it has left
 * at the deal price, never more than MAX_LINE_QUANTITY (a sanity cap on a
 * typed number).
 */
export const MAX_LINE_QUANTITY = 99;

/** What set a line's maximum, so the cart can say why. */
export type LimitReason = "stock" | "dealLimit" | "dealUnits" | "max";

export function quantityLimit(stock: number, dealLimit: number | null, dealUnitsLeft: number | null = null): { max: number; reason: LimitReason } {
  let best: { max: number; reason: LimitReason } = { max: MAX_LINE_QUANTITY, reason: "max" };
  const consider = (value: number | null, reason: LimitReason) => {
    if (value !== null && Math.max(0, value) < best.max) best = { max: Math.max(0, value), reason };
  };
  consider(stock, "stock");
  consider(dealLimit, "dealLimit");
  consider(dealUnitsLeft, "dealUnits");
  return best;
}

export function maxQuantity(stock: number, dealLimit: number | null, dealUnitsLeft: number | null = null): number {
  return quantityLimit(stock, dealLimit, dealUnitsLeft).max;
}

/** The quantity a line ends up with, and whether it had to be lowered. */
export function clampQuantity(wanted: number, max: number): { quantity: number; lowered: boolean } {
  const quantity = Math.max(0, Math.min(Math.trunc(wanted), max));
  return { quantity, lowered: quantity < wanted };
}
