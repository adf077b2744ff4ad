import { describe, expect, it } from "vitest";
import { convertMinor, currencyExponent, majorToMinor } from "./money";

describe("currency conversion in minor units", () => {
  it("knows minor-unit exponents", () => {
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("XOF")).toBe(0);
    expect(currencyExponent("CNY")).toBe(2);
  });
  it("converts with an integer rate", () => {
    // 12.34 USD at 7.1234 CNY/USD = 87.902756 → 87.90 CNY
    expect(convertMinor(1234, "USD", "CNY", 7_123_400)).toBe(8790);
    // 10.00 USD at 605.5 XOF/USD = 6055 XOF (no minor digits)
    expect(convertMinor(1000, "USD", "XOF", 605_500_000)).toBe(6055);
  });
  it("rounds half away from zero, never through floats", () => {
    // 0.01 USD × 0.5 = 0.005 → 0.01
    expect(convertMinor(1, "USD", "EUR", 500_000)).toBe(1);
    expect(convertMinor(1, "USD", "EUR", 499_999)).toBe(0);
    // a value where float maths would drift: 1.15 × 100
    expect(convertMinor(115, "USD", "EUR", 1_000_000)).toBe(115);
    expect(convertMinor(-1, "USD", "EUR", 500_000)).toBe(-1);
  });
  it("is the identity for the same currency and rejects non-integers", () => {
    expect(convertMinor(999, "USD", "USD", 1)).toBe(999);
    expect(() => convertMinor(1.5, "USD", "EUR", 1_000_000)).toThrow();
  });
});

describe("amounts typed by shoppers", () => {
  it("turns whole units into minor units", () => {
    expect(majorToMinor(12, "XOF")).toBe(12);
    expect(majorToMinor(12, "KES")).toBe(1200);
  });
});
