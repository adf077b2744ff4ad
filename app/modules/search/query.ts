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
}

/** Splits a query into searchable terms; never throws, whatever the input. */
export function parseQuery(raw: unknown): ParsedQuery {
  // eslint-disable-next-line no-control-regex -- control characters are deliberately turned into spaces.
  const text = typeof raw === "string" ? raw.normalize("NFKC").replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_CHARS) : "";
  const parsed: ParsedQuery = { text, trigram: [], cjk: [], ignored: [] };
  // FTS5 syntax characters are not searchable content: treat them as spaces.
  const words = foldArabic(text).replace(/["*^():{}+\-\\]/g, " ").split(/[\s,.;!?·、，。！？]+/u).filter(Boolean);
  for (const word of words) {
    // Chinese runs inside a word ("AA级咖啡") are searched as their own terms.
    for (const part of word.match(CJK_RUN) ?? []) {
      const length = [...part].length;
      if (length > MAX_TERM_CHARS) {
        parsed.ignored.push(part);
        continue;
      }
      if (isCjk(part) && length < 3) parsed.cjk.push(part);
      else if (length >= 3) parsed.trigram.push(part);
      else parsed.ignored.push(part);
    }
  }
  parsed.trigram = [...new Set(parsed.trigram)].slice(0, MAX_TERMS);
  parsed.cjk = [...new Set(parsed.cjk)].slice(0, MAX_TERMS);
  return parsed;
}

export function hasTerms(q: ParsedQuery): boolean {
  return q.trigram.length + q.cjk.length > 0;
}

/** `"a" AND "b"`, each term a quoted FTS5 string (quotes doubled), or null when there is nothing to match. */
export function matchExpression(terms: readonly string[]): string | null {
  return terms.length ? terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" AND ") : null;
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
