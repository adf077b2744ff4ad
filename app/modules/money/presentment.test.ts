import { describe, expect, it } from "vitest";
import { maxBaseFor, minBaseFor, presentMinor, presentmentStepMinor, roundForPresentment, showsWholeUnits } from "./presentment";

describe("presentment rounding per currency", () => {
  it("keeps cents where shoppers use them", () => {
    for (const c of ["USD", "EUR", "ZAR", "MAD", "GHS"]) {
      expect(presentmentStepMinor(c)).toBe(1);
      expect(showsWholeUnits(c)).toBe(false);
      expect(roundForPresentment(12_345, c)).toBe(12_345);
    }
  });
  it("shows whole units (or the smallest coin in use) elsewhere", () => {
    // KES 3,357.91 → KES 3,358
    expect(roundForPresentment(335_791, "KES")).toBe(335_800);
    expect(roundForPresentment(335_749, "KES")).toBe(335_700);
    expect(roundForPresentment(335_750, "KES")).toBe(335_800);
    expect(roundForPresentment(8_790, "CNY")).toBe(8_800);
    expect(roundForPresentment(1_234_567, "NGN")).toBe(1_235_000);
    expect(roundForPresentment(6_053, "XOF")).toBe(6_055);
    expect(roundForPresentment(6_052, "XOF")).toBe(6_050);
    expect(roundForPresentment(2_512_400, "TZS")).toBe(2_510_000);
    for (const c of ["CNY", "KES", "EGP", "ETB", "NGN", "AOA", "TZS", "XOF"]) expect(showsWholeUnits(c)).toBe(true);
  });
  it("converts then rounds, and leaves the base currency alone", () => {
    // 12.34 USD at 7.1234 CNY/USD = 87.90 CNY → ¥88
    expect(presentMinor(1234, "CNY", 7_123_400)).toBe(8_800);
    // 25.99 USD at 129.2 KES/USD = 3,357.91 KES → KES 3,358
    expect(presentMinor(2599, "KES", 129_200_000)).toBe(335_800);
    expect(presentMinor(1234, "USD", 1_000_000)).toBe(1234);
  });
  it("is monotonic, so price filters find exact bounds on the presented price", () => {
    for (const [to, rate] of [["CNY", 7_120_000], ["KES", 129_200_000], ["XOF", 603_500_000], ["NGN", 1_550_000_000]] as const) {
      let previous = -1;
      for (let base = 0; base < 3000; base += 7) {
        const shown = presentMinor(base, to, rate);
        expect(shown).toBeGreaterThanOrEqual(previous);
        previous = shown;
      }
      for (const q of [100, 1234, 50_000]) {
        const lo = minBaseFor(q, to, rate);
        expect(presentMinor(lo, to, rate)).toBeGreaterThanOrEqual(q);
        if (lo > 0) expect(presentMinor(lo - 1, to, rate)).toBeLessThan(q);
        const hi = maxBaseFor(q, to, rate);
        expect(presentMinor(hi, to, rate)).toBeLessThanOrEqual(q);
        expect(presentMinor(hi + 1, to, rate)).toBeGreaterThan(q);
      }
    }
  });
});
