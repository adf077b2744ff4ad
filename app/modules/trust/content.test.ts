/**
 * The trust pages say the same thing in every language: each translation has
 * the English text's sections, links and placeholders, and no placeholder
 * the server does not fill.
 */
import { describe, expect, it } from "vitest";
import { LANGS, type Lang } from "../i18n/config";
import { TRUST_PAGES, type TrustTexts } from "./pages";
import ar from "./content/ar";
import en from "./content/en";
import fr from "./content/fr";
import pt from "./content/pt";
import sw from "./content/sw";
import zh from "./content/zh";

const TEXTS: Record<Lang, TrustTexts> = { en, zh, fr, ar, pt, sw };
const FILLED = ["email", "lookup", "contact", "shipping", "returns", "privacy", "stores"];

const headings = (body: string) => body.split("\n").filter((line) => line.startsWith("## ")).length;
const links = (body: string) => [...body.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
const placeholders = (body: string) => [...body.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("trust pages", () => {
  for (const lang of LANGS) {
    for (const page of TRUST_PAGES) {
      it(`${lang} ${page} matches the English page's structure`, () => {
        const text = TEXTS[lang][page];
        const english = en[page];
        expect(text.title.trim()).not.toBe("");
        expect(text.description.trim()).not.toBe("");
        expect(headings(text.body)).toBe(headings(english.body));
        expect(headings(text.body)).toBeGreaterThanOrEqual(3);
        expect(links(text.body)).toEqual(links(english.body));
        expect(placeholders(text.body)).toEqual(placeholders(english.body));
        for (const name of placeholders(text.body)) expect(FILLED).toContain(name);
        if (lang !== "en") expect(text.body).not.toBe(english.body);
      });
    }
  }
});
