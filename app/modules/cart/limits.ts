/**
 * How many of a product a cart may hold, pure: never more than the stock,
 * never more than a live deal's per-customer limit, never more than
 * MAX_LINE_QUANTITY (a sanity cap on a typed number).
 */
export const MAX_LINE_QUANTITY = 99;

export function maxQuantity(stock: number, dealLimit: number | null): number {
  const caps = [Math.max(0, stock), MAX_LINE_QUANTITY];
  if (dealLimit !== null) caps.push(Math.max(0, dealLimit));
  return Math.min(...caps);
}

/** The quantity a line ends up with, and whether it had to be lowered. */
export function clampQuantity(wanted: number, max: number): { quantity: number; lowered: boolean } {
  const quantity = Math.max(0, Math.min(Math.trunc(wanted), max));
  return { quantity, lowered: quantity < wanted };
}
