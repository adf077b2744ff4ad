/**
 * Full-text search over product and store texts in all six languages
 * (docs/decisions/0005-search.md, 0029-search-relevance.md): what is looked
 * for, in which order, and when a typo is corrected, on either engine. The
 * engine's own queries are in sqlite.server.ts (FTS5) and postgres.server.ts
 * (tsvector, pg_trgm); this is the one place that picks between them.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { isPostgres } from "../../../db/connection";
import { db, schema } from "~/db.server";
import type { Lang } from "../i18n/config";
import type { Kind, Ranked, SearchEngine, Tier } from "./engine";
import { postgresEngine } from "./postgres.server";
import { allowedEdits, editDistance, foldTerm, hasTerms, parseQuery, type ParsedQuery } from "./query";
import { sqliteEngine } from "./sqlite.server";

const engine: SearchEngine = isPostgres(db) ? postgresEngine : sqliteEngine;

export const MAX_RESULTS = 1000;

export interface SearchHits {
  /** Ids, best first, at most the limit. */
  ids: number[];
  /** Every visible match, even past `limit`; when `capped`, the visible items ranked (at least this many match). */
  total: number;
  /**
   * A subquery (`SELECT id …`) of every match, past the limit too, live or
   * not: `inArray(products.id, hits.matching)` with the visibility and the
   * shopper's filters counts facets honestly without ranking every match.
   * When `capped`, the ranked ids only: facets, sorts and pages cover what
   * was ranked, and nothing reads every match.
   */
  matching: SQL;
  /** The query matched more index rows than an engine ranks in full (RANK_ALL): the list is its best `ids`, and the page says "at least `total`". */
  capped: boolean;
}

/** The engine's subquery of every match, in parentheses, ready for `IN`. */
const matching = (kind: Kind, tiers: readonly Tier[], query: ParsedQuery): SQL => sql`(${engine.matching(kind, tiers, query)})`;

/** With at least this many items about the query (words in name or category), mentions in descriptions are left out. */
const ENOUGH_ABOUT = 3;
/** With nothing about the query and fewer than this many word matches, substring (trigram) matches are added after them. */
const FEW = 5;

/**
 * Ranked ids of live products (or stores) about the query, in any language:
 * 1. items with every word somewhere and one of them in the name or category
 *    (for a store, its main category), ranked by relevance — when there are
 *    enough, that is the answer, and a product merely mentioning the word is not;
 * 2. otherwise every item with every word anywhere;
 * 3. when nothing is about the query and words find little, substring
 *    matches after them (a word being typed, "cof").
 */
export async function searchIds(kind: Kind, query: ParsedQuery, limit = MAX_RESULTS): Promise<SearchHits> {
  if (!hasTerms(query)) return { ids: [], total: 0, matching: matching(kind, [], query), capped: false };
  let found: Ranked[] = [];
  let about = 0;
  let tier: Tier | null = null;
  if (query.words.length || query.chinese.length) {
    tier = "about";
    found = await engine.ranked(kind, tier, query, limit);
    about = Number(found[0]?.total ?? 0);
    if (about < ENOUGH_ABOUT) {
      tier = "words";
      found = await engine.ranked(kind, tier, query, limit);
    }
  }
  const total = Number(found[0]?.total ?? 0);
  const tiers: Tier[] = tier && total > 0 ? [tier] : [];
  if (found[0]?.capped) {
    const ids = found.map((r) => r.id);
    return { ids, total: ids.length, matching: sql`(${engine.listed(ids)})`, capped: true };
  }
  if (about > 0 || total >= FEW) return { ids: found.map((r) => r.id), total, matching: matching(kind, tiers, query), capped: false };
  const substring = query.trigram.length ? await engine.ranked(kind, "substring", query, limit) : [];
  if (substring.length) tiers.push("substring");
  const seen = new Set(found.map((r) => r.id));
  const extra = substring.filter((r) => !seen.has(r.id));
  const ids = [...found.map((r) => r.id), ...extra.map((r) => r.id)].slice(0, limit);
  return {
    ids,
    total: total + Number(substring[0]?.total ?? 0) - (substring.length - extra.length),
    matching: matching(kind, tiers, query),
    capped: false,
  };
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

/** The catalogue's nearest word to one it does not have: fewest edits, then most used in the page's language, then overall. */
async function nearestWord(word: string, lang: Lang): Promise<string | null> {
  const max = allowedEdits(word.length);
  if (!max || (await engine.known(word))) return null;
  let best: { word: string; distance: number; docs: number }[] = [];
  for (const [candidate, docs] of await engine.neighbours(word, max)) {
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    if (!best.length || distance < best[0].distance) best = [{ word: candidate, distance, docs }];
    else if (distance === best[0].distance) best.push({ word: candidate, distance, docs });
  }
  if (best.length <= 1) return best[0]?.word ?? null;
  const top = best.sort((a, b) => b.docs - a.docs).slice(0, 5);
  const inLanguage = await Promise.all(top.map((c) => engine.rowsInLanguage(c.word, lang)));
  return top
    .map((c, i) => ({ ...c, inLanguage: inLanguage[i] }))
    .sort((a, b) => b.inLanguage - a.inLanguage || b.docs - a.docs)[0].word;
}

export interface ResolvedQuery {
  /** What is searched: the shopper's query, or its correction. */
  query: ParsedQuery;
  /** The corrected text when the query was corrected ("Showing results for …"), else null. */
  corrected: string | null;
  /** The products `query` finds (searchIds at MAX_RESULTS), when they were looked up here: the page passes them on rather than searching again. */
  hits?: SearchHits;
}

/**
 * The query as typed when it finds enough; when it finds little (fewer than
 * a handful of products), its words of four letters or more that the catalogue
 * does not have are replaced by the nearest ones it has (one edit for four or
 * five letters, two from six), and the correction is used if it finds more.
 * `exact` (the shopper asked for what they typed) skips the correction.
 */
export async function resolveQuery(query: ParsedQuery, lang: Lang, exact = false): Promise<ResolvedQuery> {
  if (exact || !query.words.some((w) => allowedEdits(w.length) > 0)) return { query, corrected: null };
  const hits = await searchIds("product", query);
  const asTyped = { query, corrected: null, hits };
  if (hits.total >= FEW) return asTyped;
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
  const correctedHits = await searchIds("product", corrected);
  if (correctedHits.total <= hits.total) return asTyped;
  return { query: corrected, corrected: corrected.text, hits: correctedHits };
}
