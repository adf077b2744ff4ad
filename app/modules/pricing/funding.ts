/**
 * Who funds a deal's discount, pure (docs/decisions/0033-who-funds-a-discount.md).
 *
 * The organiser chooses at approval: the store (share 0 %), the organiser
 * (100 %) or shared at a whole percentage. All amounts are integer minor units
 * of the catalogue base currency.
 *
 * Rounding: a line's subsidy is floor(funded discount per unit × units ×
 * share / 100), and the store funds the remainder of the line's discount, so
 * the two parts add up to the discount exactly. Rounding down per line means
 * the lines' subsidies never add up to more than the deal's exposure (floor of
 * the same product over its committed units), since a sum of floors is at
 * most the floor of the sum: the budget check at approval holds whatever the
 * orders are.
 */

export const FUNDERS = ["store", "organiser", "shared"] as const;
export type Funder = (typeof FUNDERS)[number];

/** The organiser's share in percent for a choice (a shared deal's own percentage). */
export function organiserShare(funder: Funder, sharedPct: number): number {
  return funder === "store" ? 0 : funder === "organiser" ? 100 : sharedPct;
}

/** The choice a recorded share reads as. */
export function funderOf(sharePct: number): Funder {
  return sharePct <= 0 ? "store" : sharePct >= 100 ? "organiser" : "shared";
}

/** The organiser-funded part of `discountMinor` (any whole amount), rounded down. */
function shareOf(discountMinor: number, sharePct: number): number {
  return Math.floor((discountMinor * sharePct) / 100);
}

export interface DealFunding {
  organiserSharePct: number;
  /** The discount per unit when the deal was approved: the most the share applies to. */
  fundedDiscountMinor: number;
}

export interface LineFunding {
  discountPerUnitMinor: number;
  /** The organiser's part of the line's discount. */
  subsidyMinor: number;
}

/**
 * A line's discount per unit and the organiser's part of it. The share applies
 * to the discount as approved at most, so a regular price raised after
 * approval does not raise the subsidy.
 */
export function lineFunding(regularMinor: number, unitMinor: number, quantity: number, funding: DealFunding | null): LineFunding {
  const discountPerUnitMinor = Math.max(0, regularMinor - unitMinor);
  if (!funding || !discountPerUnitMinor) return { discountPerUnitMinor, subsidyMinor: 0 };
  const funded = Math.min(discountPerUnitMinor, funding.fundedDiscountMinor);
  return { discountPerUnitMinor, subsidyMinor: shareOf(funded * quantity, funding.organiserSharePct) };
}

/** The most an approved deal can cost the organiser: its funded discount on every committed unit. */
export function dealExposure(funding: DealFunding, committedUnits: number): number {
  return shareOf(funding.fundedDiscountMinor * committedUnits, funding.organiserSharePct);
}

/** What the store receives for a line: what the shopper paid plus the organiser's part of the discount. */
export function storePayout(line: { lineTotalBaseMinor: number; subsidyBaseMinor: number }): number {
  return line.lineTotalBaseMinor + line.subsidyBaseMinor;
}
