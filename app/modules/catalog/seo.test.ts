import { describe, expect, it } from "vitest";
import { breadcrumbList, minorToDecimal, productJsonLd } from "./seo";

describe("structured data", () => {
  it("writes exact decimal prices", () => {
    expect(minorToDecimal(1299, 2)).toBe("12.99");
    expect(minorToDecimal(5, 2)).toBe("0.05");
    expect(minorToDecimal(1500, 0)).toBe("1500");
  });
  it("builds a Product with an Offer, and a BreadcrumbList", () => {
    const ld = productJsonLd({ name: "Coffee", description: "d", url: "https://x/p", image: "https://x/i.svg", sku: "c", category: "Coffee", brand: "S", storeUrl: "https://x/s", price: "12.99", currency: "USD", inStock: true, countryCode: "ET" });
    expect(ld["@type"]).toBe("Product");
    expect(ld.offers).toMatchObject({ "@type": "Offer", price: "12.99", priceCurrency: "USD", availability: "https://schema.org/InStock" });
    expect(breadcrumbList([{ name: "Home", url: "https://x/" }]).itemListElement[0]).toEqual({ "@type": "ListItem", position: 1, name: "Home", item: "https://x/" });
  });
});
