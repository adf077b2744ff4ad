import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";
import { filledLanguages, minorToPriceInput, parsePriceToMinor, productSchema, storeApplicationSchema, storeDecisionSchema } from "./schemas";
import { allowedIntents, nextStatus } from "./status";
import { imageKind, sniffImage } from "../uploads/sniff";

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.append(k, v);
  return f;
};

describe("prices", () => {
  it("reads what owners type, in minor units", () => {
    expect(parsePriceToMinor("12")).toBe(1200);
    expect(parsePriceToMinor("12.5")).toBe(1250);
    expect(parsePriceToMinor("12,05")).toBe(1205);
    expect(parsePriceToMinor(" 0.99 ")).toBe(99);
  });
  it("refuses what is not a price", () => {
    for (const bad of ["", "0", "-3", "1e3", "12.345", "abc", "12.5.0", "99999999"]) expect(parsePriceToMinor(bad), bad).toBeNull();
  });
  it("round-trips for the form", () => {
    expect(minorToPriceInput(1205)).toBe("12.05");
    expect(parsePriceToMinor(minorToPriceInput(123456))).toBe(123456);
  });
});

describe("product form schema", () => {
  const base = { name_en: "Argan oil", category: "shea-skincare", price: "18.00", stock: "12" };
  it("accepts English only", () => {
    const s = parseWithZod(form(base), { schema: productSchema });
    expect(s.status).toBe("success");
  });
  it("puts translated messages next to the field", () => {
    const s = parseWithZod(form({ ...base, name_en: "", price: "free", stock: "-1", description_fr: "Huile pure" }), { schema: productSchema });
    expect(s.status).toBe("error");
    const errors = s.reply().error!;
    expect(errors.name_en).toEqual(["owner.errors.englishNameRequired"]);
    expect(errors.price).toEqual(["owner.errors.priceInvalid"]);
    expect(errors.stock).toEqual(["owner.errors.stockInvalid"]);
    const other = parseWithZod(form({ ...base, description_fr: "Huile pure" }), { schema: productSchema });
    expect(other.reply().error!.name_fr).toEqual(["owner.errors.nameNeeded"]);
  });
  it("knows which languages are filled", () => {
    expect(filledLanguages({ name_en: "A", name_fr: "B", name_ar: " " })).toEqual(["en", "fr"]);
  });
});

describe("store application schema", () => {
  const base = { name: "Atlas Argan", country: "MA", city: "Essaouira", category: "shea-skincare" };
  it("needs a story in at least one language", () => {
    const s = parseWithZod(form(base), { schema: storeApplicationSchema });
    expect(s.reply().error!.story_en).toEqual(["owner.errors.storyRequired"]);
    const ok = parseWithZod(form({ ...base, story_fr: "Une coopérative de femmes à Essaouira depuis 1998." }), { schema: storeApplicationSchema });
    expect(ok.status).toBe("success");
  });
  it("refuses a country outside Africa", () => {
    const s = parseWithZod(form({ ...base, country: "FR", story_en: "A cooperative of women since 1998." }), { schema: storeApplicationSchema });
    expect(s.reply().error!.country).toEqual(["owner.errors.countryRequired"]);
  });
  it("needs a reason to suspend", () => {
    expect(parseWithZod(form({ store: "x", decision: "suspend" }), { schema: storeDecisionSchema }).reply().error!.reason).toEqual(["owner.errors.reasonRequired"]);
    expect(parseWithZod(form({ store: "x", decision: "approve" }), { schema: storeDecisionSchema }).status).toBe("success");
  });
});

describe("product status", () => {
  it("moves only along the allowed paths", () => {
    expect(nextStatus("draft", "publish")).toBe("active");
    expect(nextStatus("active", "unpublish")).toBe("draft");
    expect(nextStatus("active", "archive")).toBe("archived");
    expect(nextStatus("archived", "restore")).toBe("draft");
    expect(nextStatus("archived", "publish")).toBeNull();
    expect(nextStatus("suspended", "publish")).toBeNull();
    expect(allowedIntents("suspended")).toEqual([]);
  });
});

describe("csv", () => {
  it("quotes and defuses formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell(-5)).toBe("-5");
    expect(toCsv(["a"], [["x\ny"]])).toBe('\uFEFFa\r\n"x\ny"\r\n');
  });
});

describe("image sniffing", () => {
  it("judges by bytes", () => {
    expect(imageKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImage(new TextEncoder().encode("<html><body>hi</body></html>"))).toEqual({ ok: false, reason: "type" });
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ ok: false, reason: "type" });
    const poly = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode("<script>alert(1)</script>"), 0xff, 0xd9]);
    expect(sniffImage(poly)).toEqual({ ok: false, reason: "polyglot" });
  });
});
