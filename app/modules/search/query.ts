/**
 * Search queries, pure: how a shopper's text becomes FTS5 MATCH expressions,
 * and how matched terms are found again in a displayed text for highlighting.
 * See docs/decisions/0005-search.md.
 */

/** Longest query we look at; anything longer is cut, never rejected. */
export const MAX_QUERY_CHARS = 100;
const MAX_TERMS = 8;
/** No product word is longer; a longer "word" is noise and only costs time. */
const MAX_TERM_CHARS = 40;

const ARABIC_MARKS = /[\u064B-\u0652\u0670\u0640]/g; // harakat, superscript alef, tatweel
const ARABIC_ALEFS = /[\u0622\u0623\u0625]/g; // آ أ إ → ا
const CJK_CHAR = /[\u3400-\u9FFF]/;
const CJK_RUN = /[\u3400-\u9FFF]+|[^\u3400-\u9FFF]+/g;

/** The same folding the index applies (migration 0001) for Arabic; FTS5 folds case and Latin accents itself. */
export function foldArabic(text: string): string {
  return text.replace(ARABIC_MARKS, "").replace(ARABIC_ALEFS, "\u0627");
}

export function isCjk(text: string): boolean {
  return text.length > 0 && [...text].every((c) => CJK_CHAR.test(c));
}

export interface ParsedQuery {
  /** The cleaned query, for showing back to the shopper. */
  text: string;
  /** Terms of three characters or more, matched by the trigram index. */
  trigram: string[];
  /** One- or two-character Chinese terms, matched by the CJK unigram/bigram index. */
  cjk: string[];
  /** Terms too short to search (one or two Latin/Arabic letters). */
  ignored: string[];
  /** Latin, Arabic and other spaced-script words (three letters or more), matched as words by the word index. */
  words: string[];
  /** Chinese terms of any length, matched by the CJK unigram/bigram index as a run of characters. */
  chinese: string[];
}

/** Splits a query into searchable terms; never throws, whatever the input. */
export function parseQuery(raw: unknown): ParsedQuery {
  const text =
    typeof raw === "string"
      ? raw
          .normalize("NFKC")
          // eslint-disable-next-line no-control-regex -- control characters are deliberately turned into spaces.
          .replace(/[\u0000-\u001f\u007f]/g, " ")
          .replace(/\s+/g, " ")
          .trim()
          .slice(0, MAX_QUERY_CHARS)
      : "";
  const parsed: ParsedQuery = { text, trigram: [], cjk: [], ignored: [], words: [], chinese: [] };
  // FTS5 syntax characters are not searchable content: treat them as spaces.
  const words = foldArabic(text)
    .replace(/["*^():{}+\-\\]/g, " ")
    .split(/[\s,.;!?·、，。！？]+/u)
    .filter(Boolean);
  for (const word of words) {
    // Chinese runs inside a word ("AA级咖啡") are searched as their own terms.
    for (const part of word.match(CJK_RUN) ?? []) {
      const length = [...part].length;
      if (length > MAX_TERM_CHARS) {
        parsed.ignored.push(part);
        continue;
      }
      if (isCjk(part)) parsed.chinese.push(part);
      else if (length >= 3) parsed.words.push(part);
      if (isCjk(part) && length < 3) parsed.cjk.push(part);
      else if (length >= 3) parsed.trigram.push(part);
      else parsed.ignored.push(part);
    }
  }
  parsed.trigram = [...new Set(parsed.trigram)].slice(0, MAX_TERMS);
  parsed.cjk = [...new Set(parsed.cjk)].slice(0, MAX_TERMS);
  parsed.words = [...new Set(parsed.words.map(foldTerm))].slice(0, MAX_TERMS);
  parsed.chinese = [...new Set(parsed.chinese)].slice(0, MAX_TERMS);
  return parsed;
}

export function hasTerms(q: ParsedQuery): boolean {
  return q.trigram.length + q.cjk.length > 0;
}

/** `"a" AND "b"`, each term a quoted FTS5 string (quotes doubled), or null when there is nothing to match. */
export function matchExpression(terms: readonly string[]): string | null {
  return terms.length ? terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" AND ") : null;
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
const ARABIC_ARTICLE = "\u0627\u0644"; // ال
const ARABIC_WORD = /^[\u0600-\u06FF]+$/;

/** One form of a word: the word itself, or a prefix of longer ones. */
export interface WordForm {
  term: string;
  prefix: boolean;
}

/**
 * The forms one word is looked for in the word index: itself; longer words
 * also as a prefix (plurals and compounds: "basket" finds "baskets"); a Latin
 * plural also by its singular ("baskets", "boxes", "grãos"); an Arabic word
 * also with or without its article (شاي finds الشاي and بالشاي), which the index keeps.
 * Both engines' expressions are written from these (`wordForms`, `wordsTsQuery`).
 */
function wordFormList(word: string): WordForm[] {
  const forms: WordForm[] = [{ term: word, prefix: false }];
  const prefix = (w: string): WordForm => ({ term: w, prefix: w.length >= 4 });
  if (word.length >= 4) forms.push({ term: word, prefix: true });
  if (ARABIC_WORD.test(word)) {
    // The article, alone or after the prepositions bi- and wa- (بالفانيليا "with vanilla"), is part of the written word.
    // A final ى and ي are often typed for one another (شاى for شاي).
    const bare = word.startsWith(ARABIC_ARTICLE) && word.length >= 5 ? word.slice(2) : word;
    for (const b of new Set([bare, bare.replace(/\u0649$/u, "\u064A"), bare.replace(/\u064A$/u, "\u0649")])) {
      forms.push(
        ...[b, ARABIC_ARTICLE + b, "\u0628" + ARABIC_ARTICLE + b, "\u0648" + ARABIC_ARTICLE + b].map((term) => ({
          term,
          prefix: false,
        })),
      );
    }
  } else if (word.length >= 4 && word.endsWith("s") && !word.endsWith("ss")) {
    forms.push(prefix(word.slice(0, -1)));
    if (word.endsWith("es") && word.length >= 5) forms.push({ term: word.slice(0, -2), prefix: false });
  }
  return forms;
}

/** The forms of one word as FTS5 strings (SQLite): `"word"`, `"word"*`. */
export function wordForms(word: string): string[] {
  return [...new Set(wordFormList(word).map((f) => quote(f.term) + (f.prefix ? "*" : "")))];
}

/**
 * Every word, in any of its forms, AND-ed; null when there are none. Several
 * words also as the exact phrase, which matches nothing more but adds to the
 * bm25 score, so the phrase as typed ranks first.
 */
export function wordsExpression(words: readonly string[]): string | null {
  if (!words.length) return null;
  const all = words.map((w) => `(${wordForms(w).join(" OR ")})`).join(" AND ");
  return words.length > 1 ? `(${all}) OR ${quote(words.join(" "))}` : all;
}

/**
 * Function words of three letters or more in the six languages (folded). One
 * language's function word is another's product: Swahili "cha" (of) is
 * Portuguese chá (tea), English "the" is French thé. Such a word in a name says
 * nothing; only in the category does it say what the item is.
 */
const FUNCTION_WORDS = new Set([
  ...["the", "and", "for", "with", "from", "into"],
  ...["les", "des", "une", "pour", "avec", "dans", "sur", "aux", "par"],
  ...["com", "para", "uma", "dos", "das", "por", "sem", "nos", "nas"],
  ...["cha", "kwa", "vya", "kutoka", "katika", "pia", "zote"],
  ...["\u0639\u0644\u0649", "\u0627\u0644\u0649"], // على، إلى
]);

/**
 * "The item is about the query": one of the words, in any form, in its name
 * or category (a function word only in its category). Null when there are no words.
 */
export function aboutExpression(words: readonly string[]): string | null {
  const content = words.filter((w) => !FUNCTION_WORDS.has(w));
  const function_ = words.filter((w) => FUNCTION_WORDS.has(w));
  const parts = [
    content.length ? `{name category} : (${content.flatMap(wordForms).join(" OR ")})` : null,
    function_.length ? `{category} : (${function_.flatMap(wordForms).join(" OR ")})` : null,
  ].filter(Boolean);
  return parts.length ? `(${parts.join(" OR ")})` : null;
}

/**
 * SQLite-only: FTS5, one of the words (in any of its forms, not a function word) in the name: the
 * first candidates when a query matches too many rows to score them all (RANK_ALL, engine.ts).
 * PostgreSQL: inNameTsQuery.
 */
export function inNameExpression(words: readonly string[]): string | null {
  const content = words.filter((w) => !FUNCTION_WORDS.has(w));
  return content.length ? `{name} : (${content.flatMap(wordForms).join(" OR ")})` : null;
}

/** Each word's exact forms (no prefixes), when one of the words is a content word; else null. */
function exactFormsOfAll(words: readonly string[]): WordForm[][] | null {
  if (!words.some((w) => !FUNCTION_WORDS.has(w))) return null;
  return words.map((w) => wordFormList(w).filter((f) => !f.prefix));
}

/**
 * SQLite-only: FTS5, every word (exact forms only) in the name, when one of them is a content word.
 * It lies inside both word sets (every word somewhere; for "about", a content word in the name), and
 * reads no prefix form's whole doclist: past RANK_ALL it settles "more than RANK_ALL" cheaply and
 * gives the candidates after the phrase ("shea soap with butter" before "shea nut oil" for "shea
 * butter"). `beyondPhrase`: null when it is the phrase in the name (one word, one form). PostgreSQL:
 * allWordsInNameTsQuery.
 */
export function allWordsInNameExpression(words: readonly string[], beyondPhrase = false): string | null {
  const each = exactFormsOfAll(words);
  // One word in one form: the same rows as the phrase in the name.
  if (beyondPhrase && each?.length === 1 && each[0].length === 1) return null;
  return each ? `{name} : (${each.map((forms) => `(${forms.map((f) => quote(f.term)).join(" OR ")})`).join(" AND ")})` : null;
}

/**
 * SQLite-only: FTS5, one of the words (exact forms only, not a function word) in the category: past
 * RANK_ALL, the name holding the words and the category one of them comes first ("coffee" in a
 * coffee's name and category before a honey from a store named "… Coffee"). PostgreSQL: inCategoryTsQuery.
 */
export function inCategoryExpression(words: readonly string[]): string | null {
  const exact = words
    .filter((w) => !FUNCTION_WORDS.has(w))
    .flatMap((w) =>
      wordFormList(w)
        .filter((f) => !f.prefix)
        .map((f) => quote(f.term)),
    );
  return exact.length ? `{category} : (${[...new Set(exact)].join(" OR ")})` : null;
}

/**
 * A Chinese term as a phrase over the CJK index, which holds each character
 * followed by its bigram (咖 咖啡 啡 啡豆 豆): the term's characters and bigrams
 * in that order match exactly where the term occurs, through the index. A
 * two-character term is its bigram alone: the index holds 咖啡 exactly where
 * 咖 is followed by 啡, and one token reads one list, with no positions to
 * compare (at scale 100, "咖啡" is counted in 0.6 ms rather than 1.9).
 */
export function chinesePhrase(term: string): string {
  const chars = [...term];
  if (chars.length === 2) return quote(term);
  const tokens = chars.flatMap((c, i) => (i + 1 < chars.length ? [c, c + chars[i + 1]] : [c]));
  return quote(tokens.join(" "));
}

export function chineseExpression(terms: readonly string[]): string | null {
  return terms.length ? terms.map(chinesePhrase).join(" AND ") : null;
}

// ── The same expressions as PostgreSQL tsquery text (docs/decisions/0037-search-on-postgresql.md) ──
// The index there holds each language row's words as a tsvector with weights A (name), B (category) and
// C (body), so "in the name or category" is the weight restriction `:AB`, and a prefix is `:*`.

/** A lexeme quoted for tsquery input. */
const lexeme = (term: string) => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/**
 * One form as a tsquery. PostgreSQL's parser splits a word at anything not a
 * letter or digit (d'ivoire → d, ivoire), so such a form is the phrase of its
 * parts; null when nothing of it is left. `weights` restricts where it may be.
 */
function tsForm(form: WordForm, weights = ""): string | null {
  const parts = form.term.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!parts.length) return null;
  const atoms = parts.map((part, i) => {
    const star = form.prefix && i === parts.length - 1 ? "*" : "";
    return lexeme(part) + (star || weights ? `:${star}${weights}` : "");
  });
  return atoms.length > 1 ? `(${atoms.join(" <-> ")})` : atoms[0];
}

function tsAny(forms: readonly WordForm[], weights = ""): string | null {
  const found = [...new Set(forms.map((f) => tsForm(f, weights)).filter((f): f is string => f !== null))];
  return found.length ? `(${found.join(" | ")})` : null;
}

/** The words in order as one phrase (each word's parts too), optionally only in `weights`. */
function tsPhrase(words: readonly string[], weights = ""): string | null {
  const parts = words.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  return parts.length ? parts.map((p) => lexeme(p) + (weights ? `:${weights}` : "")).join(" <-> ") : null;
}

/** `wordsExpression` for PostgreSQL: every word in any of its forms, AND-ed; several words also as the phrase. */
export function wordsTsQuery(words: readonly string[]): string | null {
  const each = words.map((w) => tsAny(wordFormList(w))).filter((w): w is string => w !== null);
  if (!each.length) return null;
  const phrase = each.length > 1 ? tsPhrase(words) : null;
  return phrase ? `(${each.join(" & ")}) | (${phrase})` : each.join(" & ");
}

/** `aboutExpression` for PostgreSQL: one of the words in the name or category (a function word only in the category). */
export function aboutTsQuery(words: readonly string[]): string | null {
  const content = words.filter((w) => !FUNCTION_WORDS.has(w)).flatMap(wordFormList);
  const function_ = words.filter((w) => FUNCTION_WORDS.has(w)).flatMap(wordFormList);
  const parts = [tsAny(content, "AB"), tsAny(function_, "B")].filter((p): p is string => p !== null);
  return parts.length ? `(${parts.join(" | ")})` : null;
}

/** Any of the words, in any form, in the fields of these weights ("A" the name, "B" the category). */
export function anyWordTsQuery(words: readonly string[], weights: string): string | null {
  return tsAny(words.flatMap(wordFormList), weights);
}

/** `inNameExpression` for PostgreSQL: one of the words (in any form, not a function word) in the name. */
export function inNameTsQuery(words: readonly string[]): string | null {
  return anyWordTsQuery(
    words.filter((w) => !FUNCTION_WORDS.has(w)),
    "A",
  );
}

/** inCategoryExpression for PostgreSQL: one of the words (not a function word) in the category (weight B). */
export function inCategoryTsQuery(words: readonly string[]): string | null {
  return tsAny(
    words
      .filter((w) => !FUNCTION_WORDS.has(w))
      .flatMap(wordFormList)
      .filter((f) => !f.prefix),
    "B",
  );
}

/** `allWordsInNameExpression` for PostgreSQL: every word (exact forms only) in the name (weight A). */
export function allWordsInNameTsQuery(words: readonly string[], beyondPhrase = false): string | null {
  const exact = exactFormsOfAll(words);
  if (beyondPhrase && exact?.length === 1 && exact[0].length === 1) return null;
  const each = exact?.map((forms) => tsAny(forms, "A"));
  return each && each.every((w) => w !== null) ? each.join(" & ") : null;
}

/** The words exactly as typed, in order, in a name. */
export function namePhraseTsQuery(words: readonly string[]): string | null {
  return tsPhrase(words, "A");
}

/** `chinesePhrase` for PostgreSQL: the term's characters and bigrams in order (the CJK tsvector holds the same tokens). */
export function chineseTsPhrase(term: string, weights = ""): string {
  const chars = [...term];
  const tokens = chars.flatMap((c, i) => (i + 1 < chars.length ? [c, c + chars[i + 1]] : [c]));
  return `(${tokens.map((t) => lexeme(t) + (weights ? `:${weights}` : "")).join(" <-> ")})`;
}

/** Every Chinese term as a phrase, AND-ed; `weights` "A" for "in the name". */
export function chineseTsQuery(terms: readonly string[], weights = ""): string | null {
  return terms.length ? terms.map((t) => chineseTsPhrase(t, weights)).join(" & ") : null;
}

// ── Typos ──

/** Edit distance allowed for a word of this many letters (none under four). */
export function allowedEdits(length: number): number {
  return length >= 6 ? 2 : length >= 4 ? 1 : 0;
}

/** Optimal-string-alignment distance (a swap of two letters is one edit), or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = before;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** A word as the word index holds it: lower case, no diacritics, Arabic folded. */
export function foldTerm(word: string): string {
  return foldArabic(word.normalize("NFD").replace(/\p{M}/gu, "")).toLowerCase().normalize("NFC");
}

/** Folds one character the way the search does: no case, no accents, no Arabic marks. */
function foldCharUncached(c: string): string {
  return foldArabic(c.normalize("NFD").replace(/\p{M}/gu, "")).toLowerCase();
}

// Highlighting folds every character of every shown name; the same few hundred characters recur.
const folded = new Map<string, string>();
function foldChar(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    f = foldCharUncached(c);
    if (folded.size > 10_000) folded.clear();
    folded.set(c, f);
  }
  return f;
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Splits `text` into plain and matched segments for the given terms, ignoring case and diacritics. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const chars = [...text];
  let folded = "";
  const origin: number[] = []; // folded index → chars index
  chars.forEach((c, i) => {
    const f = foldChar(c);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
  });
  const hits = new Array<boolean>(chars.length).fill(false);
  const empty = chars.map((c) => foldChar(c) === "");
  for (const term of terms) {
    const needle = [...term].map(foldChar).join("");
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
      for (let k = at; k < at + needle.length; k++) hits[origin[k]] = true;
    }
  }
  // Marks that fold to nothing (Arabic harakat) belong to the letter before them.
  for (let i = 1; i < chars.length; i++) if (empty[i] && hits[i - 1]) hits[i] = true;
  const segments: Segment[] = [];
  chars.forEach((c, i) => {
    const last = segments[segments.length - 1];
    if (last && last.hit === hits[i]) last.text += c;
    else segments.push({ text: c, hit: hits[i] });
  });
  return segments;
}
