/**
 * Pricing rules, pure: which unit price applies to a product at an instant.
 * A deal applies only when its enrolment and the deal itself are approved,
 * its festival's sale phase is live at `now` (the festival clock decides),
 * for a flash deal `now` is inside the flash window, and enough of the
 * deal's committed units are left.
 */
import { isSaleLive, type Phase } from "../festivals/clock";
import type { DealFunding } from "./funding";

export interface DealCandidate {
  dealId: number;
  festivalId: number;
  dealPriceMinor: number;
  enrolmentStatus: string;
  dealStatus: string;
  festivalStatus: string;
  flashStartsAt: number | null;
  flashEndsAt: number | null;
  phases: readonly Phase[];
  /** Committed stock less the units already taken at the deal price (pending and paid orders); ≤ 0 when used up. */
  unitsLeft: number;
  /** At most this many per customer (null: no limit). */
  perCustomerLimit: number | null;
  /** Who funds the discount, as approved (absent: the store). */
  funding?: DealFunding;
}

export interface UnitPrice {
  unitMinor: number;
  regularMinor: number;
  deal: { dealId: number; festivalId: number; endsAt: number; unitsLeft: number; perCustomerLimit: number | null } | null;
  /**
   * A deal is live now but has fewer units left than asked for (for one unit:
   * none), so it was passed over. With no deal applied, the shopper sees
   * "deal sold out" rather than a silent return to the regular price.
   */
  dealSoldOut: boolean;
}

/*
 * The deal rule, defined once, in its two forms: `dealApplies` for what is
 * priced in TypeScript and `productsWithLiveDeal` (live-deals.server.ts, a
 * Drizzle query) for queries that filter by it (the catalogue's "deals on
 * now"), both from the statuses below. tests/integration/deal-rule.test.ts
 * checks that the two agree, case by case. Change one, change both.
 */
export const ON_OFFER = { festivalStatus: "published", enrolmentStatus: "approved", dealStatus: "approved" } as const;
export const SALE_PHASE: Phase["kind"] = "sale";

/** The deal is on offer at `now`: approved, its sale live, inside its flash window. Says nothing about units left. */
export function dealApplies(deal: DealCandidate, now: number): boolean {
  if (deal.festivalStatus !== ON_OFFER.festivalStatus) return false;
  if (deal.enrolmentStatus !== ON_OFFER.enrolmentStatus || deal.dealStatus !== ON_OFFER.dealStatus) return false;
  if (!isSaleLive(deal.phases, now)) return false;
  if (deal.flashStartsAt !== null && deal.flashEndsAt !== null) {
    return deal.flashStartsAt <= now && now < deal.flashEndsAt;
  }
  return true;
}

/**
 * The lowest price among the regular price and every deal that applies now
 * with at least `quantity` units left.
 *
 * A line has one unit price, so a deal with fewer units left than the line's
 * quantity does not price that line at all (rather than splitting it across
 * two prices). Shoppers never meet this fallback: the cart caps a line at the
 * units left while the deal is live, as a real shop does, and checkout
 * refuses an order whose deal units ran short since the cart was shown (see
 * createPendingOrder). Callers pricing a product for display pass 1.
 */
export function unitPriceAt(regularMinor: number, deals: readonly DealCandidate[], now: number, quantity = 1): UnitPrice {
  let best: UnitPrice = { unitMinor: regularMinor, regularMinor, deal: null, dealSoldOut: false };
  let soldOut = false;
  for (const deal of deals) {
    if (!dealApplies(deal, now) || deal.dealPriceMinor >= best.unitMinor) continue;
    if (deal.unitsLeft < quantity) {
      soldOut = true;
      continue;
    }
    const sale = deal.phases.find((p) => p.kind === "sale");
    const endsAt = deal.flashEndsAt ?? sale?.endsAt ?? now;
    best = {
      unitMinor: deal.dealPriceMinor,
      regularMinor,
      deal: { dealId: deal.dealId, festivalId: deal.festivalId, endsAt, unitsLeft: deal.unitsLeft, perCustomerLimit: deal.perCustomerLimit },
      dealSoldOut: false,
    };
  }
  if (!best.deal && soldOut) best.dealSoldOut = true;
  return best;
}
