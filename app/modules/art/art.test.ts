import { describe, it, expect } from "vitest";
import {
  ART_CATEGORIES,
  ART_KINDS,
  PRODUCT_ART_SIZE,
  STORE_ART_SIZE,
  productArt,
  storeArt,
  type ArtCategory,
} from "./art";

const MAX_BYTES = 8 * 1024;

type ArtFn = (input: { category: ArtCategory; seed: string }) => string;

const KINDS: { name: string; fn: ArtFn; size: { width: number; height: number } }[] = [
  { name: "productArt", fn: productArt, size: PRODUCT_ART_SIZE },
  { name: "storeArt", fn: storeArt, size: STORE_ART_SIZE },
];

const seeds = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/**
 * Rough XML well-formedness check: every tag has quoted attributes, tags are
 * balanced and properly nested, and there is no character data at all
 * (the art contains no text).
 */
function checkWellFormed(svg: string): string | null {
  const stack: string[] = [];
  const tagRe = /<[^<>]*>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let sawRoot = false;
  while ((m = tagRe.exec(svg))) {
    const between = svg.slice(last, m.index);
    if (between.trim() !== "") return `unexpected text ${JSON.stringify(between.slice(0, 40))}`;
    last = m.index + m[0].length;
    const tag = m[0];
    const close = /^<\/([a-zA-Z][\w-]*)\s*>$/.exec(tag);
    if (close) {
      const open = stack.pop();
      if (open !== close[1]) return `mismatched </${close[1]}>, open was <${open}>`;
      continue;
    }
    const open = /^<([a-zA-Z][\w-]*)((?:\s+[a-zA-Z][\w:-]*="[^"<>]*")*)\s*(\/?)>$/.exec(tag);
    if (!open) return `malformed tag ${tag.slice(0, 60)}`;
    const attrNames = [...open[2].matchAll(/([a-zA-Z][\w:-]*)=/g)].map((a) => a[1]);
    if (new Set(attrNames).size !== attrNames.length) return `duplicate attribute in ${tag.slice(0, 60)}`;
    if (stack.length === 0 && sawRoot) return "content after the root element";
    sawRoot = true;
    if (open[3] !== "/") stack.push(open[1]);
  }
  if (svg.slice(last).trim() !== "") return "trailing text";
  if (stack.length) return `unclosed <${stack.join("><")}>`;
  return null;
}

function forbidden(svg: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(svg)) problems.push("<script");
  if (/\son[a-z]+\s*=/i.test(svg)) problems.push("event handler attribute");
  if (/href/i.test(svg)) problems.push("href");
  if (/<image/i.test(svg)) problems.push("<image");
  if (/<text/i.test(svg)) problems.push("<text");
  if (/<foreignObject/i.test(svg)) problems.push("<foreignObject");
  if (/https?:\/\/(?!www\.w3\.org\/2000\/svg")/i.test(svg)) problems.push("external URL");
  if (/url\((?!#)/i.test(svg)) problems.push("non-local url()");
  if (/NaN|undefined|Infinity|null/.test(svg)) problems.push("NaN/undefined/Infinity/null");
  if (/\d\.\d{2,}/.test(svg)) problems.push("number with more than one decimal");
  return problems;
}

describe.each(KINDS)("$name", ({ fn, size }) => {
  it("is deterministic: same input gives a byte-identical string", () => {
    for (const category of ART_CATEGORIES) {
      for (const seed of ["a", "store-42", "product/abc-123", ""]) {
        expect(fn({ category, seed })).toBe(fn({ category, seed }));
      }
    }
  });

  it("does not use Math.random or the clock", () => {
    const random = Math.random;
    const now = Date.now;
    Math.random = () => {
      throw new Error("Math.random used");
    };
    Date.now = () => {
      throw new Error("Date.now used");
    };
    try {
      for (const category of ART_CATEGORIES) expect(() => fn({ category, seed: "x" })).not.toThrow();
    } finally {
      Math.random = random;
      Date.now = now;
    }
  });

  it("gives different output for different seeds in every category", () => {
    for (const category of ART_CATEGORIES) {
      const outputs = new Set(seeds(category, 10).map((seed) => fn({ category, seed })));
      expect(outputs.size, category).toBe(10);
    }
  });

  it("gives different output for different categories with the same seed", () => {
    const outputs = new Set(ART_CATEGORIES.map((category) => fn({ category, seed: "same-seed" })));
    expect(outputs.size).toBe(ART_CATEGORIES.length);
  });

  it("varies the palette within one category", () => {
    for (const category of ART_CATEGORIES) {
      const firstFills = new Set(
        seeds("pal", 10).map((seed) => /<rect x="0" y="0" width="\d+" height="\d+" fill="(#[0-9a-f]{6})"/.exec(fn({ category, seed }))?.[1]),
      );
      expect(firstFills.size, category).toBeGreaterThanOrEqual(3);
    }
  });

  it("produces a standalone, safe SVG document for every category", () => {
    const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" role="img">`;
    for (const category of ART_CATEGORIES) {
      for (const seed of seeds("safe", 5)) {
        const svg = fn({ category, seed });
        expect(svg.startsWith(head), `${category}/${seed}`).toBe(true);
        expect(svg.endsWith("</svg>")).toBe(true);
        expect(forbidden(svg), `${category}/${seed}`).toEqual([]);
      }
    }
  });

  it("is well-formed XML with resolvable internal references", () => {
    for (const category of ART_CATEGORIES) {
      for (const seed of seeds("xml", 8)) {
        const svg = fn({ category, seed });
        expect(checkWellFormed(svg), `${category}/${seed}`).toBeNull();
        const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(ids).size, "ids are unique").toBe(ids.length);
        for (const ref of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids, `${category}/${seed}`).toContain(ref[1]);
      }
    }
  });

  it("uses ids that differ between seeds (safe to inline several on one page)", () => {
    const idOf = (seed: string) => /\sid="([^"]+)"/.exec(fn({ category: "home", seed }))?.[1];
    expect(idOf("one")).toBeTruthy();
    expect(idOf("one")).not.toBe(idOf("two"));
  });

  it("stays under 8 KB", () => {
    for (const category of ART_CATEGORIES) {
      for (const seed of seeds("size", 60)) {
        const bytes = new TextEncoder().encode(fn({ category, seed })).length;
        expect(bytes, `${category}/${seed}`).toBeLessThan(MAX_BYTES);
      }
    }
  });

  it("rejects an unknown category", () => {
    expect(() => fn({ category: "nope" as ArtCategory, seed: "x" })).toThrow(/category/);
  });
});

describe("sizes", () => {
  it("exposes the documented canvas sizes", () => {
    expect(PRODUCT_ART_SIZE).toEqual({ width: 600, height: 600 });
    expect(STORE_ART_SIZE).toEqual({ width: 1200, height: 500 });
    expect(ART_CATEGORIES).toHaveLength(12);
  });
});

describe("product kinds", () => {
  it("draws every kind as a well-formed SVG under 8 KB that names its kind, for products and store banners", () => {
    expect(ART_KINDS.length).toBeGreaterThan(30);
    for (const kind of ART_KINDS) {
      for (const svg of [productArt({ category: "foods", seed: `k-${kind}`, kind }), storeArt({ category: "foods", seed: `k-${kind}`, kind })]) {
        expect(checkWellFormed(svg), kind).toBeNull();
        expect(forbidden(svg), kind).toEqual([]);
        expect(svg, kind).toContain(`data-kind="${kind}"`);
        expect(new TextEncoder().encode(svg).length, kind).toBeLessThanOrEqual(MAX_BYTES);
      }
    }
  });

  it("draws a kind the same whatever category it is asked for in", () => {
    expect(productArt({ category: "foods", seed: "x", kind: "belt" })).toBe(productArt({ category: "leather", seed: "x", kind: "belt" }));
  });
});
