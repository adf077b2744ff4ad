import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalisedText, normaliseText } from "./normalise";

// eslint-disable-next-line no-control-regex -- the characters the normaliser must remove.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/;

describe("normaliseText", () => {
  it("drops a right-to-left override, so a name cannot display as another", () => {
    expect(normaliseText("Kikoy \u202Eexe.gpj")).toBe("Kikoy exe.gpj");
    expect(normaliseText("a\u2066b\u2069c\u202Ad\u202Ce")).toBe("abcde");
  });

  it("drops NUL and the other C0/C1 controls, and makes one line of white space", () => {
    expect(normaliseText("Nai\u0000robi\u0085")).toBe("Nairobi");
    expect(normaliseText("  Dar\tes\r\nSalaam \u007f ")).toBe("Dar es Salaam");
  });

  it("composes to NFC", () => {
    expect(normaliseText("Cafe\u0301")).toBe("Café");
  });

  it("keeps the joiners and the LRM/RLM marks that scripts need", () => {
    expect(normaliseText("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(normaliseText("👩\u200D🌾")).toBe("👩\u200D🌾");
    expect(normaliseText("\u200Fمتجر 12")).toBe("\u200Fمتجر 12");
  });

  it("keeps line breaks only in multi-line shapes", () => {
    expect(normaliseText("one\n\n\n\ntwo  three\r\nfour", "paragraphs")).toBe("one\n\ntwo three\nfour");
    expect(normaliseText("- a\n    - b  \n\tcode\u0000", "markdown")).toBe("- a\n    - b  \n\tcode");
    expect(normaliseText("one\ntwo", "line")).toBe("one two");
  });

  it("never leaves an invisible control, in any shape, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.constantFrom("line", "paragraphs", "markdown" as const), (s, shape) => {
        const out = normaliseText(s, shape);
        expect(FORBIDDEN.test(out)).toBe(false);
        expect(out).toBe(out.normalize("NFC"));
        if (shape === "line") expect(out).not.toMatch(/[\n\r\t]/);
        // Idempotent: stored text normalised again is unchanged.
        expect(normaliseText(out, shape)).toBe(out);
      }),
      { numRuns: 500 },
    );
  });
});

describe("normalisedText (zod)", () => {
  const name = normalisedText("line", { required: "required", min: [2, "short"], max: [5, "long"] });
  const note = normalisedText("line", { max: [5, "long"] });

  it("checks the limits on the normalised text", () => {
    expect(name.safeParse("  ab\u202E  ").data).toBe("ab");
    expect(name.safeParse("\u0000\u0000a").error?.issues[0]?.message).toBe("short");
    expect(name.safeParse("abcdef").error?.issues[0]?.message).toBe("long");
  });

  it("treats text that normalises to nothing as not given", () => {
    expect(name.safeParse(" \u202E ").error?.issues[0]?.message).toBe("required");
    expect(note.safeParse(" \u0000 ").success).toBe(true);
    expect(note.safeParse(" \u0000 ").data).toBeUndefined();
  });

  it("refuses an array (a repeated field) with the field's own message, never throwing", () => {
    expect(name.safeParse(["Thé", "The"]).error?.issues[0]?.message).toBe("required");
    expect(note.safeParse(["a", "b"]).success).toBe(false);
  });
});
