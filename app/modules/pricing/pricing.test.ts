import { describe, expect, it } from "vitest";
import { unitPriceAt, type DealCandidate } from "./pricing";

const h = 3_600_000;
const now = Date.UTC(2026, 10, 20, 12);
const deal = (over: Partial<DealCandidate> = {}): DealCandidate => ({
  dealId: 1,
  festivalId: 7,
  dealPriceMinor: 800,
  enrolmentStatus: "approved",
  dealStatus: "approved",
  festivalStatus: "published",
  flashStartsAt: null,
  flashEndsAt: null,
  phases: [{ kind: "sale", startsAt: now - h, endsAt: now + h }],
  unitsLeft: 10,
  perCustomerLimit: null,
  ...over,
});

describe("unit price", () => {
  it("uses the deal price while the sale is live", () => {
    expect(unitPriceAt(1000, [deal()], now)).toEqual({
      unitMinor: 800,
      regularMinor: 1000,
      deal: { dealId: 1, festivalId: 7, endsAt: now + h, unitsLeft: 10, perCustomerLimit: null },
      dealSoldOut: false,
    });
  });
  it("ignores deals outside the sale, unapproved or from unpublished festivals", () => {
    expect(unitPriceAt(1000, [deal()], now + 2 * h).unitMinor).toBe(1000);
    expect(unitPriceAt(1000, [deal({ enrolmentStatus: "pending" })], now).unitMinor).toBe(1000);
    expect(unitPriceAt(1000, [deal({ dealStatus: "rejected" })], now).unitMinor).toBe(1000);
    expect(unitPriceAt(1000, [deal({ festivalStatus: "cancelled" })], now).unitMinor).toBe(1000);
  });
  it("honours a flash window inside the sale", () => {
    const flash = deal({ flashStartsAt: now + 10, flashEndsAt: now + 20 });
    expect(unitPriceAt(1000, [flash], now).unitMinor).toBe(1000);
    expect(unitPriceAt(1000, [flash], now + 15).unitMinor).toBe(800);
  });
  it("never raises a price and picks the lowest deal", () => {
    expect(unitPriceAt(700, [deal()], now).unitMinor).toBe(700);
    expect(unitPriceAt(1000, [deal(), deal({ dealId: 2, dealPriceMinor: 600 })], now).deal?.dealId).toBe(2);
  });
  it("passes over a deal whose committed units are used up, and says so", () => {
    expect(unitPriceAt(1000, [deal({ unitsLeft: 0 })], now)).toEqual({ unitMinor: 1000, regularMinor: 1000, deal: null, dealSoldOut: true });
    // An owner may lower the committed stock below what was already sold.
    expect(unitPriceAt(1000, [deal({ unitsLeft: -2 })], now).dealSoldOut).toBe(true);
    // A deal that is not live is not "sold out", just not on offer.
    expect(unitPriceAt(1000, [deal({ unitsLeft: 0 })], now + 2 * h).dealSoldOut).toBe(false);
  });
  it("prices a line at the deal only if that many units are left (one price per line, never split)", () => {
    expect(unitPriceAt(1000, [deal({ unitsLeft: 2 })], now, 2).unitMinor).toBe(800);
    const short = unitPriceAt(1000, [deal({ unitsLeft: 2 })], now, 3);
    expect(short).toMatchObject({ unitMinor: 1000, deal: null, dealSoldOut: true });
  });
  it("falls back to another live deal when the cheapest is sold out", () => {
    const price = unitPriceAt(1000, [deal({ dealPriceMinor: 600, unitsLeft: 0 }), deal({ dealId: 2, dealPriceMinor: 900 })], now);
    expect(price).toMatchObject({ unitMinor: 900, deal: { dealId: 2 }, dealSoldOut: false });
  });
});
