import { describe, expect, it } from "vitest";
import { LANGS, LANG_TAGS } from "~/modules/i18n/config";
import { RESOURCES } from "~/modules/i18n/i18n.server";

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const english = flatten(RESOURCES.en);
const baseKeys = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(PLURAL_SUFFIX, "")));

describe("UI strings", () => {
  for (const lang of LANGS) {
    describe(lang, () => {
      const strings = flatten(RESOURCES[lang]);
      it("has every key English has, and no others", () => {
        expect([...baseKeys(strings.keys())].sort()).toEqual([...baseKeys(english.keys())].sort());
      });
      it("has exactly the plural forms the language needs", () => {
        const categories = new Intl.PluralRules(LANG_TAGS[lang]).resolvedOptions().pluralCategories.sort();
        const pluralBases = new Set([...english.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, "")));
        for (const base of pluralBases) {
          const forms = [...strings.keys()].filter((k) => k.replace(PLURAL_SUFFIX, "") === base && PLURAL_SUFFIX.test(k)).map((k) => PLURAL_SUFFIX.exec(k)![1]);
          expect(forms.sort(), `${lang} ${base}`).toEqual(categories);
        }
      });
      it("fills every string and keeps its placeholders", () => {
        for (const [key, value] of strings) {
          expect(value.trim(), `${lang} ${key}`).not.toBe("");
          const englishValue = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, "_other"));
          if (!englishValue) continue;
          // Arabic zero/one/two forms spell the number out, so they may drop {{count}}.
          const expected = placeholders(englishValue).filter((p) => !(p === "count" && /_(zero|one|two)$/.test(key)));
          for (const p of expected) expect(placeholders(value), `${lang} ${key}`).toContain(p);
        }
      });
    });
  }
});
