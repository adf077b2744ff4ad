import { describe, expect, it } from "vitest";
import { DEFAULT_SHIPPING, shippingQuote, zoneFor } from "./zones";

describe("shipping zones", () => {
  it("tells domestic, intra-Africa, China and the rest apart", () => {
    expect(zoneFor("KE", "KE")).toBe("domestic");
    expect(zoneFor("KE", "NG")).toBe("africa");
    expect(zoneFor("KE", "CN")).toBe("china");
    expect(zoneFor("GH", "HK")).toBe("china");
    expect(zoneFor("GH", "FR")).toBe("world");
  });
  it("uses the store's own rate for the zone, else the default", () => {
    const own = { china: { costBaseMinor: 999, minDays: 5, maxDays: 9 } };
    expect(shippingQuote("KE", "CN", own)).toEqual({ zone: "china", costBaseMinor: 999, minDays: 5, maxDays: 9 });
    expect(shippingQuote("KE", "UG", own)).toEqual({ zone: "africa", ...DEFAULT_SHIPPING.africa });
  });
});
