import { describe, expect, it } from "vitest";
import { dealExposure, funderOf, lineFunding, organiserShare, storePayout } from "./funding";

describe("who funds a discount", () => {
  it("reads a choice as a share and back", () => {
    expect(organiserShare("store", 40)).toBe(0);
    expect(organiserShare("organiser", 40)).toBe(100);
    expect(organiserShare("shared", 40)).toBe(40);
    expect([0, 1, 99, 100].map(funderOf)).toEqual(["store", "shared", "shared", "organiser"]);
  });

  it("rounds the organiser's part down per line and leaves the remainder to the store", () => {
    const funding = { organiserSharePct: 50, fundedDiscountMinor: 125 };
    const line = lineFunding(1000, 875, 3, funding);
    expect(line).toEqual({ discountPerUnitMinor: 125, subsidyMinor: 187 });
    // Shopper's total + organiser + store's part = the line at its regular price.
    expect(875 * 3 + line.subsidyMinor + (125 * 3 - line.subsidyMinor)).toBe(1000 * 3);
    expect(storePayout({ lineTotalBaseMinor: 875 * 3, subsidyBaseMinor: line.subsidyMinor })).toBe(2625 + 187);
  });

  it("never pays more than the discount as approved, nor past the deal's exposure over any split of its units", () => {
    // The regular price went up after approval: the share still applies to the approved discount.
    expect(lineFunding(1100, 875, 2, { organiserSharePct: 100, fundedDiscountMinor: 125 }).subsidyMinor).toBe(250);
    const funding = { organiserSharePct: 33, fundedDiscountMinor: 77 };
    const exposure = dealExposure(funding, 10);
    for (const split of [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [3, 3, 4], [10]]) {
      expect(split.reduce((n, q) => n + lineFunding(1000, 923, q, funding).subsidyMinor, 0)).toBeLessThanOrEqual(exposure);
    }
  });

  it("funds nothing without a deal or a discount", () => {
    expect(lineFunding(1000, 1000, 2, { organiserSharePct: 100, fundedDiscountMinor: 100 })).toEqual({ discountPerUnitMinor: 0, subsidyMinor: 0 });
    expect(lineFunding(1000, 900, 2, null)).toEqual({ discountPerUnitMinor: 100, subsidyMinor: 0 });
  });
});
