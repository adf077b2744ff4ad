/**
 * What the search module asks of a database engine: the few operations that
 * are written once per engine (SQLite: FTS5 tables, sqlite.server.ts;
 * PostgreSQL: tsvector and pg_trgm, postgres.server.ts). What to search for,
 * in which order, and when to correct a typo is decided once, in
 * search.server.ts, which alone picks the engine.
 */
import type { SQL } from "drizzle-orm";
import { LANGS, type Lang } from "../i18n/config";
import type { ParsedQuery } from "./query";

export type Kind = "product" | "store";

/**
 * The three sets a query is answered from (docs/decisions/0029-search-relevance.md):
 * `about`, items with every word and one of them in the name or category;
 * `words`, items with every word anywhere; `substring`, items whose text holds
 * each term as a substring (a word still being typed).
 */
export type Tier = "about" | "words" | "substring";

export interface Ranked {
  id: number;
  score: number;
  /** Every visible item of the set, past the limit too; past RANK_ALL rows, the visible items of the candidates only (at least this many match). */
  total: number;
  /** Index rows (item × language) the ranking read: the whole set up to RANK_ALL, at most CANDIDATES past it. */
  scored: number;
  /** The set had more than RANK_ALL rows: it was ranked on its candidates, and `total` is a lower bound. */
  capped: boolean;
}

/**
 * Rows of one set (item × language) that an engine scores in full. A larger set ("coffee" at
 * scale 100: 16,736 rows) is neither scored nor counted in full (docs/decisions/0043-search-at-scale-100.md):
 * it is answered from its candidates, at most CANDIDATES rows read newest first, the name holding
 * the words as typed, then one of them, then any row of the set; the count shown is "at least".
 * At scale 1 no query has as many, so results there are those of scoring every row.
 */
export const RANK_ALL = 2000;
/**
 * Stores' RANK_ALL and CANDIDATES. A page shows four stores (suggestions three), so scoring thousands
 * of them buys nothing: "coffee" at scale 100 holds about 1,900 store rows, and scoring them all (bm25
 * of "coffee"*, which reads the word's doclists across the whole index, products included) took about
 * 20 ms of CPU, 9 ms with these caps (docs/decisions/0043-search-at-scale-100.md). At scale 1 there are
 * 600 store rows in all (100 stores × 6 languages), so no store set is capped there.
 */
export const RANK_ALL_STORES = 600;
const CANDIDATES_STORES = 200;
/** The rows of one set an engine scores in full, for this kind of item. */
export const rankAll = (kind: Kind): number => (kind === "store" ? RANK_ALL_STORES : RANK_ALL);
/** The rows an engine reads past rankAll, for this kind of item. */
export const candidatesOf = (kind: Kind): number => (kind === "store" ? CANDIDATES_STORES : CANDIDATES);
/** Index rows read past RANK_ALL (each a lookup of its item to check it is visible). */
export const CANDIDATES = 1500;

/**
 * Ranks a capped set from its candidates, reading first only the rows `limit` items need (an item has at
 * most one row per language in a list, so twice that, for items hidden or repeated in a later list): the
 * search page's four stores read 48 rows, not 200, and skip the product rows between them in the index.
 * When those rows held fewer than `limit` visible items and there may be more, it reads all
 * candidatesOf(kind). `rank` reads at most `rows` candidate rows.
 */
export async function rankCandidates(kind: Kind, limit: number, rank: (rows: number) => Promise<Ranked[]>): Promise<Ranked[]> {
  const most = candidatesOf(kind);
  const few = Math.min(most, limit * LANGS.length * 2);
  const found = await rank(few);
  const cutShort = Number(found[0]?.scored ?? few) >= few;
  return found.length < limit && few < most && cutShort ? rank(most) : found;
}

export interface SearchEngine {
  /**
   * Live products (or stores) of one set, best first (the phrase as typed in the name, then relevance), at most `limit`;
   * past RANK_ALL rows, ranked on candidates (the name holding a word first). A query the engine refuses finds nothing.
   */
  ranked(kind: Kind, tier: Tier, query: ParsedQuery, limit: number): Promise<Ranked[]>;
  /** A subquery (`SELECT id …`) of every item in any of these sets, live or not (the caller filters), for counting past the limit; none for no sets. */
  matching(kind: Kind, tiers: readonly Tier[], query: ParsedQuery): SQL;
  /** A subquery (`SELECT id …`) of these ids, sent as one parameter: the `matching` of a capped search (its ranked ids). */
  listed(ids: readonly number[]): SQL;
  /** The catalogue has this word (folded as the index folds it). */
  known(word: string): Promise<boolean>;
  /** Words of the catalogue that may be within `max` edits of `word` (a superset is fine), each with the number of rows that hold it. */
  neighbours(word: string, max: number): Promise<Map<string, number>>;
  /** Rows in one language that hold the word. */
  rowsInLanguage(word: string, lang: Lang): Promise<number>;
}
