import { describe, expect, it } from "vitest";
import {
  aboutTsQuery,
  chinesePhrase,
  chineseTsQuery,
  highlight,
  matchExpression,
  namePhraseTsQuery,
  parseQuery,
  wordForms,
  wordsExpression,
  wordsTsQuery,
} from "./query";

describe("parseQuery", () => {
  it("sends short Chinese terms to the CJK index and longer ones to trigram", () => {
    expect(parseQuery("咖啡")).toMatchObject({ cjk: ["咖啡"], trigram: [] });
    expect(parseQuery("茶")).toMatchObject({ cjk: ["茶"], trigram: [] });
    expect(parseQuery("埃塞俄比亚 咖啡")).toMatchObject({ cjk: ["咖啡"], trigram: ["埃塞俄比亚"] });
    expect(parseQuery("AA级咖啡")).toMatchObject({ trigram: ["级咖啡"], ignored: ["AA"] });
  });
  it("keeps Latin and Arabic words, ignores one- and two-letter ones", () => {
    expect(parseQuery("Café de Sidama")).toMatchObject({ trigram: ["Café", "Sidama"], ignored: ["de"] });
    expect(parseQuery("قَهْوَة").trigram).toEqual(["قهوة"]);
  });
  it("never throws on odd input and strips FTS5 syntax", () => {
    expect(parseQuery(undefined).text).toBe("");
    expect(parseQuery('"coffee* OR (tea)^').trigram).toEqual(["coffee", "tea"]);
    expect(parseQuery("x".repeat(500)).text).toHaveLength(100);
    expect(parseQuery("x".repeat(500)).trigram).toEqual([]);
    expect(parseQuery("\u0000\u0001").trigram).toEqual([]);
  });
  it("quotes terms for MATCH", () => {
    expect(matchExpression(['a"b', "c"])).toBe('"a""b" AND "c"');
    expect(matchExpression([])).toBeNull();
  });
});

describe("highlight", () => {
  it("marks matches regardless of case and accents", () => {
    expect(highlight("Café des Hauts", ["cafe"])).toEqual([
      { text: "Café", hit: true },
      { text: " des Hauts", hit: false },
    ]);
    expect(
      highlight("Ethiopian coffee", ["COFFEE"])
        .filter((s) => s.hit)
        .map((s) => s.text),
    ).toEqual(["coffee"]);
  });
  it("marks Chinese and Arabic matches", () => {
    expect(highlight("古卢咖啡红糖", ["咖啡"])).toEqual([
      { text: "古卢", hit: false },
      { text: "咖啡", hit: true },
      { text: "红糖", hit: false },
    ]);
    expect(highlight("قَهْوَة سيدامو", ["قهوة"])[0]).toEqual({ text: "قَهْوَة", hit: true });
  });
  it("returns the text unchanged with no terms", () => {
    expect(highlight("abc", [])).toEqual([{ text: "abc", hit: false }]);
  });
});

describe("word index expressions", () => {
  it("looks for longer words also as prefixes, plurals also by their singular", () => {
    expect(wordForms("tea")).toEqual(['"tea"']);
    expect(wordForms("basket")).toEqual(['"basket"', '"basket"*']);
    expect(wordForms("baskets")).toEqual(['"baskets"', '"baskets"*', '"basket"*']);
    expect(wordForms("boxes")).toEqual(['"boxes"', '"boxes"*', '"boxe"*', '"box"']);
  });
  it("looks for Arabic words with and without the article", () => {
    expect(wordForms("شاي").slice(0, 4)).toEqual(['"شاي"', '"الشاي"', '"بالشاي"', '"والشاي"']);
    expect(wordForms("شاى")).toContain('"الشاي"');
    expect(wordForms("الشاي").slice(0, 5)).toEqual(['"الشاي"', '"الشاي"*', '"شاي"', '"بالشاي"', '"والشاي"']);
  });
  it("adds the exact phrase to several words", () => {
    expect(wordsExpression(["shea", "butter"])).toBe('(("shea" OR "shea"*) AND ("butter" OR "butter"*)) OR "shea butter"');
    expect(wordsExpression([])).toBeNull();
  });
  it("matches a Chinese term as its run of characters and bigrams", () => {
    expect(chinesePhrase("茶")).toBe('"茶"');
    expect(chinesePhrase("咖啡豆")).toBe('"咖 咖啡 啡 啡豆 豆"');
    expect(chinesePhrase("咖啡")).toBe('"咖啡"');
  });
  it("keeps words folded as the index holds them, Chinese apart", () => {
    expect(parseQuery("Thé Café")).toMatchObject({ words: ["the", "cafe"], chinese: [] });
    expect(parseQuery("埃塞俄比亚 咖啡")).toMatchObject({ words: [], chinese: ["埃塞俄比亚", "咖啡"] });
  });
});

describe("PostgreSQL tsquery expressions", () => {
  it("writes the same word forms as tsquery: prefixes as :*, several words AND-ed and as a phrase", () => {
    expect(wordsTsQuery(["tea"])).toBe("('tea')");
    expect(wordsTsQuery(["baskets"])).toBe("('baskets' | 'baskets':* | 'basket':*)");
    expect(wordsTsQuery(["shea", "butter"])).toBe("(('shea' | 'shea':*) & ('butter' | 'butter':*)) | ('shea' <-> 'butter')");
    expect(wordsTsQuery([])).toBeNull();
  });
  it("restricts 'about' to the name or category (a function word to the category) and the phrase to the name", () => {
    expect(aboutTsQuery(["tea", "the"])).toBe("(('tea':AB) | ('the':B))");
    expect(namePhraseTsQuery(["black", "tea"])).toBe("'black':A <-> 'tea':A");
  });
  it("quotes lexemes, splits a word the parser splits, and drops what has no letters", () => {
    expect(wordsTsQuery(["d'ivoire"])).toBe("(('d' <-> 'ivoire') | ('d' <-> 'ivoire':*))");
    expect(wordsTsQuery(["a\\b"])).toBe("(('a' <-> 'b'))");
    expect(wordsTsQuery(["!!!"])).toBeNull();
  });
  it("matches a Chinese term as the phrase of its characters and bigrams", () => {
    expect(chineseTsQuery(["咖啡"])).toBe("('咖' <-> '咖啡' <-> '啡')");
    expect(chineseTsQuery(["茶"], "A")).toBe("('茶':A)");
  });
});
