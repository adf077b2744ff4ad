import { describe, expect, it } from "vitest";
import { dirOf, localizePath, splitLangPath } from "./config";

describe("language in the URL", () => {
  it("reads the prefix and leaves English unprefixed", () => {
    expect(splitLangPath("/zh/products/x")).toEqual({ lang: "zh", rest: "/products/x", prefixed: true });
    expect(splitLangPath("/ar")).toEqual({ lang: "ar", rest: "/", prefixed: true });
    expect(splitLangPath("/products")).toEqual({ lang: "en", rest: "/products", prefixed: false });
    expect(splitLangPath("/")).toEqual({ lang: "en", rest: "/", prefixed: false });
  });
  it("does not treat /en or unknown prefixes as languages", () => {
    expect(splitLangPath("/en/stores").prefixed).toBe(false);
    expect(splitLangPath("/xx").lang).toBe("en");
  });
  it("builds localized paths", () => {
    expect(localizePath("/", "zh")).toBe("/zh");
    expect(localizePath("/stores", "fr")).toBe("/fr/stores");
    expect(localizePath("/stores", "en")).toBe("/stores");
  });
  it("knows Arabic is right to left", () => {
    expect(dirOf("ar")).toBe("rtl");
    expect(dirOf("zh")).toBe("ltr");
  });
});
