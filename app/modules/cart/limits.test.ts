import { describe, expect, it } from "vitest";
import { clampQuantity, MAX_LINE_QUANTITY, maxQuantity, quantityLimit } from "./limits";

describe("cart quantity limits", () => {
  it("is limited by stock and by a deal's per-customer limit", () => {
    expect(maxQuantity(10, null)).toBe(10);
    expect(maxQuantity(10, 2)).toBe(2);
    expect(maxQuantity(1, 5)).toBe(1);
    expect(maxQuantity(0, 5)).toBe(0);
    expect(maxQuantity(-3, null)).toBe(0);
    expect(maxQuantity(10_000, null)).toBe(MAX_LINE_QUANTITY);
  });
  it("is limited by the units a live deal has left at its price, and says which limit bit", () => {
    expect(maxQuantity(10, null, 3)).toBe(3);
    expect(maxQuantity(10, 5, 0)).toBe(0);
    expect(quantityLimit(10, 5, 3)).toEqual({ max: 3, reason: "dealUnits" });
    expect(quantityLimit(10, 2, 3)).toEqual({ max: 2, reason: "dealLimit" });
    expect(quantityLimit(2, 5, 3)).toEqual({ max: 2, reason: "stock" });
    expect(quantityLimit(500, null, null)).toEqual({ max: MAX_LINE_QUANTITY, reason: "max" });
    // An owner may lower the committed stock below what was sold: nothing is left, never less.
    expect(quantityLimit(10, null, -4)).toEqual({ max: 0, reason: "dealUnits" });
  });
  it("lowers a quantity that is too high and says so", () => {
    expect(clampQuantity(3, 5)).toEqual({ quantity: 3, lowered: false });
    expect(clampQuantity(8, 5)).toEqual({ quantity: 5, lowered: true });
    expect(clampQuantity(1, 0)).toEqual({ quantity: 0, lowered: true });
  });
});
