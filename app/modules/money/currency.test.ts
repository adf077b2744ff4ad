import { describe, expect, it } from "vitest";
import { currencyCookie, currencyFromCookie } from "./currency";

describe("currency cookie", () => {
  it("reads a listed currency and ignores anything else", () => {
    expect(currencyFromCookie("lang=zh; currency=KES")).toBe("KES");
    expect(currencyFromCookie("currency=eur")).toBe("EUR");
    expect(currencyFromCookie("currency=XXX")).toBeNull();
    expect(currencyFromCookie("mycurrency=EUR")).toBeNull();
    expect(currencyFromCookie(null)).toBeNull();
  });
  it("writes a year-long, site-wide cookie", () => {
    expect(currencyCookie("CNY", true)).toBe("currency=CNY; Path=/; Max-Age=31536000; SameSite=Lax; Secure");
  });
});
