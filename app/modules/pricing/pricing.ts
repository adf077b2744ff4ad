/**
 * Pricing rules, pure: which unit price applies to a product at an instant.
 * A deal applies only when its enrolment and the deal itself are approved,
 * its festival's sale phase is live at `now` (the festival clock decides),
 * and, for a flash deal, `now` is inside the flash window.
 */
import { isSaleLive, type Phase } from "../festivals/clock";

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
}

export interface UnitPrice {
  unitMinor: number;
  regularMinor: number;
  deal: { dealId: number; festivalId: number; endsAt: number } | null;
}

export function dealApplies(deal: DealCandidate, now: number): boolean {
  if (deal.festivalStatus !== "published") return false;
  if (deal.enrolmentStatus !== "approved" || deal.dealStatus !== "approved") return false;
  if (!isSaleLive(deal.phases, now)) return false;
  if (deal.flashStartsAt !== null && deal.flashEndsAt !== null) {
    return deal.flashStartsAt <= now && now < deal.flashEndsAt;
  }
  return true;
}

/** The lowest price among the regular price and every deal that applies now. */
export function unitPriceAt(regularMinor: number, deals: readonly DealCandidate[], now: number): UnitPrice {
  let best: UnitPrice = { unitMinor: regularMinor, regularMinor, deal: null };
  for (const deal of deals) {
    if (!dealApplies(deal, now) || deal.dealPriceMinor >= best.unitMinor) continue;
    const sale = deal.phases.find((p) => p.kind === "sale");
    const endsAt = deal.flashEndsAt ?? sale?.endsAt ?? now;
    best = { unitMinor: deal.dealPriceMinor, regularMinor, deal: { dealId: deal.dealId, festivalId: deal.festivalId, endsAt } };
  }
  return best;
}
