import { describe, expect, it } from "vitest";
import { currencyFromSearch, withCurrency } from "./currency";

describe("presentment currency in the URL", () => {
  it("takes a listed ?currency= over the language's default, whatever its case", () => {
    expect(currencyFromSearch(new URLSearchParams("currency=KES"), "en")).toBe("KES");
    expect(currencyFromSearch(new URLSearchParams("currency=eur"), "zh")).toBe("EUR");
    expect(currencyFromSearch(new URLSearchParams("currency=XXX"), "zh")).toBe("CNY");
    expect(currencyFromSearch(new URLSearchParams("currency=KES&currency=EUR"), "en")).toBe("KES");
    expect(currencyFromSearch(new URLSearchParams(""), "fr")).toBe("EUR");
  });

  it("keeps a chosen currency on links and drops the language's default", () => {
    expect(withCurrency("/zh/products", "KES", "zh")).toBe("/zh/products?currency=KES");
    expect(withCurrency("/zh/products?page=2#top", "USD", "zh")).toBe("/zh/products?page=2&currency=USD#top");
    expect(withCurrency("/zh/products?currency=KES", "CNY", "zh")).toBe("/zh/products");
    expect(withCurrency("/products", "USD", "en")).toBe("/products");
  });
});
