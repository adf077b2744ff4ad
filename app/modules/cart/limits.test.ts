import { describe, expect, it } from "vitest";
import { clampQuantity, MAX_LINE_QUANTITY, maxQuantity } from "./limits";

describe("cart quantity limits", () => {
  it("is limited by stock and by a deal's per-customer limit", () => {
    expect(maxQuantity(10, null)).toBe(10);
    expect(maxQuantity(10, 2)).toBe(2);
    expect(maxQuantity(1, 5)).toBe(1);
    expect(maxQuantity(0, 5)).toBe(0);
    expect(maxQuantity(-3, null)).toBe(0);
    expect(maxQuantity(10_000, null)).toBe(MAX_LINE_QUANTITY);
  });
  it("lowers a quantity that is too high and says so", () => {
    expect(clampQuantity(3, 5)).toEqual({ quantity: 3, lowered: false });
    expect(clampQuantity(8, 5)).toEqual({ quantity: 5, lowered: true });
    expect(clampQuantity(1, 0)).toEqual({ quantity: 0, lowered: true });
  });
});
