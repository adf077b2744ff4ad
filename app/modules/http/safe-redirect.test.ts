import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

const SITE = "https://site.example";
const FALLBACK = "/fallback";

/** What every answer must be: the fallback, or a same-site path a browser cannot read as another host. */
function expectSafe(result: string) {
  expect(typeof result).toBe("string");
  if (result === FALLBACK) return;
  expect(result === "/" || /^\/[^/\\]/.test(result), JSON.stringify(result)).toBe(true);
  // eslint-disable-next-line no-control-regex -- the property: no control character survives.
  expect(result).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(result).not.toContain("\\");
  // Printable ASCII only: a Location header never throws on it.
  expect(result).toMatch(/^[\x21-\x7e]+$/);
  expect(new URL(result, SITE).origin).toBe(SITE);
  // And browsers' forgiveness (dropping tabs and newlines, "\" as "/") changes nothing.
  expect(new URL(result.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), SITE).origin).toBe(SITE);
}

describe("safeRedirect", () => {
  it("keeps same-site paths, query and fragment", () => {
    expect(safeRedirect("/zh/dashboard", FALLBACK)).toBe("/zh/dashboard");
    expect(safeRedirect("/products?category=coffee&page=2#top", FALLBACK)).toBe("/products?category=coffee&page=2#top");
    expect(safeRedirect("/", FALLBACK)).toBe("/");
  });

  it("refuses the open redirects of issue 12 (tab, backslash, line breaks)", () => {
    for (const hostile of ["/\t/evil.example", "/\t\\evil.example", "/\\evil.example", "/\n/x", "/\r\n/x", "//evil.example", "https://evil.example", "/%09/evil.example", "/%5Cevil.example", "/.//evil.example", "/%2e%2e//evil.example", "/%2F/evil.example", " //evil.example", "\\\\evil.example", "javascript:alert(1)"]) {
      const result = safeRedirect(hostile, FALLBACK);
      expectSafe(result);
      expect(new URL(result, SITE).host, hostile).toBe("site.example");
      expect(result, hostile).not.toContain("evil.example/");
    }
    expect(safeRedirect("/\t/evil.example", FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect("/\t\\evil.example", FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect("/\n/x", FALLBACK)).toBe(FALLBACK);
  });

  it("percent-encodes a Chinese search path instead of failing on it", () => {
    expect(safeRedirect("/zh/search?q=咖啡", FALLBACK)).toBe("/zh/search?q=%E5%92%96%E5%95%A1");
    expect(safeRedirect(decodeURIComponent("%2Fzh%2Fsearch%3Fq%3D%E5%92%96%E5%95%A1"), FALLBACK)).toBe("/zh/search?q=%E5%92%96%E5%95%A1");
    expect(safeRedirect("/ar/بحث", FALLBACK)).toBe("/ar/%D8%A8%D8%AD%D8%AB");
  });

  it("answers the fallback for anything that is not a string", () => {
    for (const v of [undefined, null, 42, ["/a"], {}, ""]) expect(safeRedirect(v, FALLBACK)).toBe(FALLBACK);
  });

  it("never throws and is always safe, over hostile strings", () => {
    const pieces = fc.constantFrom("/", "//", "\\", "\t", "\n", "\r", "\u0000", "\u0085", "%", "%2F", "%5C", "%09", "%0A", "%2e", ".", "..", "?", "#", "@", ":", "evil.example", "https:", "咖啡", "\u202E", " ", "a", "zh", "%E5%92", "\ud800");
    const hostile = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join("")),
      fc.array(pieces, { maxLength: 12 }).map((p) => `/${p.join("")}`),
    );
    fc.assert(
      fc.property(hostile, (s) => {
        expectSafe(safeRedirect(s, FALLBACK));
      }),
      { numRuns: 3000 },
    );
  });

  it("is stable: a safe answer passed through again is unchanged", () => {
    fc.assert(
      fc.property(fc.webPath(), fc.string({ unit: "grapheme" }), (path, q) => {
        const once = safeRedirect(`${path.startsWith("/") ? path : `/${path}`}?q=${q}`, FALLBACK);
        expectSafe(once);
        expect(safeRedirect(once, FALLBACK)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
