/**
 * Full-text search over product and store texts in all six languages, on the
 * FTS5 tables of migration 0001 (see docs/decisions/0005-search.md).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, rows, schema } from "~/db.server";
import { LANGS, type Lang } from "../i18n/config";
import {
  aboutExpression,
  chineseExpression,
  chinesePhrase,
  foldTerm,
  hasTerms,
  matchExpression,
  parseQuery,
  wordsExpression,
  type ParsedQuery,
} from "./query";

export const MAX_RESULTS = 1000;

type Kind = "product" | "store";

export interface SearchHits {
  /** Ids, best first. */
  ids: number[];
  /** Every visible match, even past `limit`. */
  total: number;
}

/** With at least this many items about the query (words in name or category), mentions in descriptions are left out. */
const ENOUGH_ABOUT = 3;
/** With nothing about the query and fewer than this many word matches, substring (trigram) matches are added after them. */
const FEW = 5;

interface Expressions {
  /** Every word in any form (word index), or null. */
  words: string | null;
  /** Every Chinese term as a phrase (CJK index), or null. */
  chinese: string | null;
  /** The words exactly as typed, in order, in a name. */
  phrase: string | null;
  /** The same, but also one of the words (or terms) in the name or category: the item is about the query. */
  about: string | null;
  aboutChinese: string | null;
}

function expressions(query: ParsedQuery): Expressions {
  const words = wordsExpression(query.words);
  const chinese = chineseExpression(query.chinese);
  const any = aboutExpression(query.words);
  return {
    words,
    chinese,
    phrase: query.words.length ? `{name} : "${query.words.join(" ").replace(/"/g, '""')}"` : null,
    about: words && any ? `(${words}) AND ${any}` : null,
    aboutChinese: chinese ? `${chinese} AND {name} : (${query.chinese.map(chinesePhrase).join(" OR ")})` : null,
  };
}

interface Ranked {
  id: number;
  score: number;
  total: number;
}

/**
 * SQLite-only: one FTS5 query. Ranked ids of live products (or stores) whose
 * texts match, with the count of every visible match. The indexes' rowid is
 * the row's id × 16, + 1 for a store, + twice the language index (migrations
 * 0001 and 0011); an item's score is its best language row's. `words` goes to
 * the word index (name 10×, category 5×, body 1×), `chinese` to the CJK index
 * (name 8×), both at once for a mixed query; `trigram` alone to the trigram
 * index (the substring fallback). Items whose name holds `phrase` (the words
 * exactly as typed, in order) come first.
 */
function ftsRanked(
  kind: Kind,
  m: { words?: string | null; chinese?: string | null; trigram?: string | null; phrase?: string | null },
  limit: number,
): Promise<Ranked[]> {
  const exact =
    m.words && m.phrase ? sql`rowid IN (SELECT rowid FROM search_words WHERE search_words MATCH ${m.phrase})` : sql`0`;
  const hits = m.words
    ? sql`SELECT rowid AS rid, bm25(search_words, 10.0, 5.0, 1.0) AS score, ${exact} AS exact FROM search_words WHERE search_words MATCH ${m.words}${
        m.chinese ? sql` AND rowid IN (SELECT rowid FROM search_cjk WHERE search_cjk MATCH ${m.chinese})` : sql``
      }`
    : m.chinese
      ? sql`SELECT rowid AS rid, bm25(search_cjk, 8.0, 1.0) AS score, 0 AS exact FROM search_cjk WHERE search_cjk MATCH ${m.chinese}`
      : sql`SELECT rowid AS rid, bm25(search_fts, 8.0, 1.0) AS score, 0 AS exact FROM search_fts WHERE search_fts MATCH ${m.trigram}${
          m.chinese ? sql` AND rowid IN (SELECT rowid FROM search_cjk WHERE search_cjk MATCH ${m.chinese})` : sql``
        }`;
  const visible =
    kind === "product"
      ? sql`CROSS JOIN products p ON p.id = h.id CROSS JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live'`
      : sql`CROSS JOIN stores s ON s.id = h.id WHERE s.status = 'live'`;
  return rows<Ranked>(
    db,
    sql`WITH hits AS MATERIALIZED (${hits}),
       best AS (SELECT rid / 16 AS id, min(score) AS score, max(exact) AS exact FROM hits WHERE rid % 2 = ${sql.raw(kind === "product" ? "0" : "1")} GROUP BY rid / 16)
       SELECT h.id AS id, h.score AS score, count(*) OVER () AS total FROM best h ${visible}
       ORDER BY h.exact DESC, h.score, h.id LIMIT ${limit}`,
  );
}

/** FTS5 refusing a query is the shopper's odd input, not a server error: it finds nothing. */
async function safely(run: () => Promise<Ranked[]>): Promise<Ranked[]> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && /fts5|syntax/i.test(error.message)) return [];
    throw error;
  }
}

/**
 * Ranked ids of live products (or stores) about the query, in any language:
 * 1. items with every word somewhere and one of them in the name or category
 *    (for a store, its main category), ranked by bm25 — when there are enough,
 *    that is the answer, and a product merely mentioning the word is not;
 * 2. otherwise every item with every word anywhere;
 * 3. when nothing is about the query and words find little, substring
 *    (trigram) matches after them (a word being typed, "cof").
 */
export async function searchIds(kind: Kind, query: ParsedQuery, limit = MAX_RESULTS): Promise<SearchHits> {
  if (!hasTerms(query)) return { ids: [], total: 0 };
  const e = expressions(query);
  let found: Ranked[] = [];
  let about = 0;
  if (e.words || e.chinese) {
    found = await safely(() =>
      ftsRanked(kind, { words: e.about ?? e.words, chinese: e.words ? e.chinese : e.aboutChinese, phrase: e.phrase }, limit),
    );
    about = found[0]?.total ?? 0;
    if (about < ENOUGH_ABOUT)
      found = await safely(() => ftsRanked(kind, { words: e.words, chinese: e.chinese, phrase: e.phrase }, limit));
  }
  const total = found[0]?.total ?? 0;
  if (about > 0 || total >= FEW) return { ids: found.map((r) => r.id), total };
  const substring = await safely(() =>
    query.trigram.length
      ? ftsRanked(kind, { trigram: matchExpression(query.trigram), chinese: matchExpression(query.cjk) }, limit)
      : Promise.resolve([]),
  );
  const seen = new Set(found.map((r) => r.id));
  const extra = substring.filter((r) => !seen.has(r.id));
  const ids = [...found.map((r) => r.id), ...extra.map((r) => r.id)].slice(0, limit);
  return { ids, total: total + (substring[0]?.total ?? 0) - (substring.length - extra.length) };
}

const ptLang = alias(schema.productTranslations, "pt_lang");
const ptEn = alias(schema.productTranslations, "pt_en");
const stLang = alias(schema.storeTranslations, "st_lang");
const stEn = alias(schema.storeTranslations, "st_en");

/** Names (in `lang`, English when missing) and slugs for ranked ids, best first. */
export async function namesFor(kind: Kind, ids: number[], lang: string): Promise<{ id: number; slug: string; name: string }[]> {
  if (!ids.length) return [];
  const { products, stores } = schema;
  const found =
    kind === "product"
      ? await db
          .select({ id: products.id, slug: products.slug, name: sql<string>`coalesce(${ptLang.name}, ${ptEn.name})` })
          .from(products)
          .innerJoin(ptEn, and(eq(ptEn.productId, products.id), eq(ptEn.lang, "en")))
          .leftJoin(ptLang, and(eq(ptLang.productId, products.id), eq(ptLang.lang, lang)))
          .where(inArray(products.id, ids))
      : await db
          .select({ id: stores.id, slug: stores.slug, name: sql<string>`coalesce(${stLang.name}, ${stEn.name})` })
          .from(stores)
          .innerJoin(stEn, and(eq(stEn.storeId, stores.id), eq(stEn.lang, "en")))
          .leftJoin(stLang, and(eq(stLang.storeId, stores.id), eq(stLang.lang, lang)))
          .where(inArray(stores.id, ids));
  const order = new Map(ids.map((id, i) => [id, i]));
  return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

// ── Typos: words the catalogue does not have, replaced by the nearest ones it has ──

/** Edit distance allowed for a word of this many letters (none under four). */
function allowedEdits(length: number): number {
  return length >= 6 ? 2 : length >= 4 ? 1 : 0;
}

/** Optimal-string-alignment distance (a swap of two letters is one edit), or max + 1 once it exceeds max. */
function editDistance(a: string, b: string, max: number): number {
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

const VOCABULARY_TTL_MS = 5 * 60_000;
let vocabularyCache: { at: number; words: Map<string, number> } | null = null;

/** SQLite-only: the word index's own vocabulary (fts5vocab), word → number of rows, kept a few minutes. */
async function vocabulary(): Promise<Map<string, number>> {
  if (vocabularyCache && Date.now() - vocabularyCache.at < VOCABULARY_TTL_MS) return vocabularyCache.words;
  const found = await rows<{ term: string; doc: number }>(
    db,
    sql`SELECT term, doc FROM search_words_vocab WHERE length(term) >= 3`,
  );
  const words = new Map(found.filter((r) => !/^\d+$/.test(r.term)).map((r) => [r.term, r.doc]));
  vocabularyCache = { at: Date.now(), words };
  return words;
}

/** SQLite-only: rows in one language (the rowid's language index, migration 0011) holding a word. */
async function rowsInLanguage(word: string, lang: string): Promise<number> {
  const index = LANGS.indexOf(lang as Lang) + 1;
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM search_words WHERE search_words MATCH ${`"${word}"`} AND (rowid / 2) % 8 = ${index}`,
  );
  return Number(row?.n ?? 0);
}

/** The catalogue's nearest word to one it does not have: fewest edits, then most used in the page's language, then overall. */
async function nearestWord(word: string, lang: string): Promise<string | null> {
  const words = await vocabulary();
  if (words.has(word)) return null;
  const max = allowedEdits(word.length);
  if (!max) return null;
  let best: { word: string; distance: number; docs: number }[] = [];
  for (const [candidate, docs] of words) {
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    if (!best.length || distance < best[0].distance) best = [{ word: candidate, distance, docs }];
    else if (distance === best[0].distance) best.push({ word: candidate, distance, docs });
  }
  if (best.length <= 1) return best[0]?.word ?? null;
  const top = best.sort((a, b) => b.docs - a.docs).slice(0, 5);
  const inLanguage = await Promise.all(top.map((c) => rowsInLanguage(c.word, lang)));
  return top
    .map((c, i) => ({ ...c, inLanguage: inLanguage[i] }))
    .sort((a, b) => b.inLanguage - a.inLanguage || b.docs - a.docs)[0].word;
}

export interface ResolvedQuery {
  /** What is searched: the shopper's query, or its correction. */
  query: ParsedQuery;
  /** The corrected text when the query was corrected ("Showing results for …"), else null. */
  corrected: string | null;
}

/**
 * The query as typed when it finds enough; when it finds little (fewer than
 * a handful of products), its words of four letters or more that the catalogue
 * does not have are replaced by the nearest ones it has (one edit for four or
 * five letters, two from six), and the correction is used if it finds more.
 * `exact` (the shopper asked for what they typed) skips the correction.
 */
export async function resolveQuery(query: ParsedQuery, lang: string, exact = false): Promise<ResolvedQuery> {
  const asTyped = { query, corrected: null };
  if (exact || !query.words.some((w) => allowedEdits(w.length) > 0)) return asTyped;
  const found = (await searchIds("product", query, FEW)).total;
  if (found >= FEW) return asTyped;
  const replacements = new Map<string, string>();
  for (const word of query.words) {
    const nearest = await nearestWord(word, lang);
    if (nearest) replacements.set(word, nearest);
  }
  if (!replacements.size) return asTyped;
  const text = query.text
    .split(" ")
    .map((token) => replacements.get(foldTerm(token)) ?? token)
    .join(" ");
  const corrected = parseQuery(text);
  if ((await searchIds("product", corrected, FEW)).total <= found) return asTyped;
  return { query: corrected, corrected: corrected.text };
}
