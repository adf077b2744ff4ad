/**
 * Search on PostgreSQL (DATABASE_URL): the same sets as on SQLite, over the
 * `search` schema of migration 0012_search_words_pg (one tsvector row per item
 * and language, weights A/B/C for name/category/body like bm25's 10/5/1; a
 * CJK bigram tsvector; folded text for pg_trgm substrings; a vocabulary
 * with a trigram index for typos). See docs/decisions/0037-search-on-postgresql.md.
 */
import { sql, type SQL } from "drizzle-orm";
import { db, rows } from "~/db.server";
import { rankAll, rankCandidates, type Kind, type Ranked, type SearchEngine, type Tier } from "./engine";
import {
  aboutTsQuery,
  allWordsInNameTsQuery,
  anyWordTsQuery,
  chineseTsPhrase,
  chineseTsQuery,
  editDistance,
  foldTerm,
  inCategoryTsQuery,
  inNameTsQuery,
  namePhraseTsQuery,
  wordsTsQuery,
  type ParsedQuery,
} from "./query";

/** ts_rank's weights, {D, C, B, A}: body 1, category 5, name 10, as bm25 on SQLite. */
const WORD_WEIGHTS = sql.raw(`'{0, 0.1, 0.5, 1}'::float4[]`);
/** The CJK vector: name (A) 8× the body (D), as on SQLite. */
const CJK_WEIGHTS = sql.raw(`'{0.125, 0, 0, 1}'::float4[]`);

const tsquery = (text: string) => sql`CAST(${text} AS tsquery)`;
/** One word exactly, as a tsquery. */
const exactly = (word: string) => tsquery(`'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`);

/** A LIKE pattern for a substring, its own % and _ escaped. */
const containing = (term: string) => `%${foldTerm(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Index rows of one set: the condition, a score (higher is better), whether the name holds the words as
 * typed, and (for the word sets) the condition of a word in the name, the first candidates past RANK_ALL.
 */
function documents(
  tier: Tier,
  query: ParsedQuery,
): { where: SQL; score: SQL; exact: SQL; exactWhere?: SQL; allInName?: SQL; inName?: SQL; inCategory?: SQL } | null {
  const chinese = chineseTsQuery(query.chinese);
  if (tier === "substring") {
    if (!query.trigram.length) return null;
    const terms = query.trigram.map((t) => sql`d.plain LIKE ${containing(t)}`);
    const cjk = chineseTsQuery(query.cjk);
    if (cjk) terms.push(sql`d.cjk @@ ${tsquery(cjk)}`);
    return { where: sql.join(terms, sql` AND `), score: sql`similarity(d.plain, ${foldTerm(query.text)})`, exact: sql`0` };
  }
  let words = wordsTsQuery(query.words);
  if (words) {
    const about = tier === "about" ? aboutTsQuery(query.words) : null;
    if (about) words = `(${words}) & ${about}`;
    const phrase = namePhraseTsQuery(query.words);
    const inName = inNameTsQuery(query.words);
    const inCategory = inCategoryTsQuery(query.words);
    const allInName = allWordsInNameTsQuery(query.words, true);
    return {
      where: chinese ? sql`d.words @@ ${tsquery(words)} AND d.cjk @@ ${tsquery(chinese)}` : sql`d.words @@ ${tsquery(words)}`,
      // ts_rank counts a lexeme once per query form it matches (baskets, baskets:*, basket:*), so a word in the
      // category could outrank one in the name: the fields a word is in come first (name 10, category 5, as
      // bm25's weights on SQLite), then ts_rank, scaled into [0, 1) (normalization 32), among equals.
      score: sql`(CASE WHEN d.words @@ ${tsquery(anyWordTsQuery(query.words, "A")!)} THEN 10 ELSE 0 END + CASE WHEN d.words @@ ${tsquery(anyWordTsQuery(query.words, "B")!)} THEN 5 ELSE 0 END + ts_rank(${WORD_WEIGHTS}, d.words, ${tsquery(words)}, 32))`,
      exact: phrase ? sql`CASE WHEN d.words @@ ${tsquery(phrase)} THEN 1 ELSE 0 END` : sql`0`,
      exactWhere: phrase ? sql`d.words @@ ${tsquery(phrase)}` : undefined,
      allInName: allInName ? sql`d.words @@ ${tsquery(allInName)}` : undefined,
      inName: inName ? sql`d.words @@ ${tsquery(inName)}` : undefined,
      inCategory: inCategory ? sql`d.words @@ ${tsquery(inCategory)}` : undefined,
    };
  }
  if (!chinese) return null;
  // Only Chinese: about it when one of the terms is in the name.
  const inName = query.chinese.map((t) => chineseTsPhrase(t, "A")).join(" | ");
  const q = tier === "about" ? `(${chinese}) & (${inName})` : chinese;
  return {
    where: sql`d.cjk @@ ${tsquery(q)}`,
    score: sql`ts_rank(${CJK_WEIGHTS}, d.cjk, ${tsquery(q)})`,
    exact: sql`0`,
    inName: sql`d.cjk @@ ${tsquery(inName)}`,
  };
}

const kindOf = (kind: Kind) => sql.raw(kind === "product" ? "0" : "1");

/** A query PostgreSQL refuses (an odd tsquery) is the shopper's odd input, not a server error: it finds nothing. */
async function safely(run: () => Promise<Ranked[]>): Promise<Ranked[]> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && /tsquery|syntax/i.test(error.message)) return [];
    throw error;
  }
}

/** Candidates for a typo: the vocabulary's nearest words by trigrams (a GiST index), then counted. */
const NEIGHBOURS = 64;

/**
 * A set's rows past RANK_ALL, unscored, at most CANDIDATES read newest first in lists one after the
 * other: the name holding the words as typed and the category one of them, the name holding the words as
 * typed (both `exact`), every word in the name, a word in the name (both `named`), then any row of the set; an item ranks by its lists, then newest first. The SQLite counterpart is `candidates` in sqlite.server.ts.
 */
function candidates(set: SQL, d: { exactWhere?: SQL; allInName?: SQL; inName?: SQL; inCategory?: SQL }, most: number): SQL {
  // The score orders the lists (a row of the first list above any of the second), then newest first.
  let list = 5;
  const newest = (where: SQL, exact: number, named: number) =>
    sql`(SELECT d.rid, d.item_id, ${sql.raw(String(list-- * 1e12))}::float8 + d.rid AS score, ${sql.raw(String(exact))} AS exact, ${sql.raw(String(named))} AS named FROM ${where} ORDER BY d.rid DESC LIMIT ${most})`;
  const lists: SQL[] = [];
  if (d.inName && d.exactWhere && d.inCategory) lists.push(newest(sql`${set} AND ${d.exactWhere} AND ${d.inCategory}`, 1, 1));
  if (d.inName && d.exactWhere) lists.push(newest(sql`${set} AND ${d.exactWhere}`, 1, 1));
  if (d.inName && d.allInName) lists.push(newest(sql`${set} AND ${d.allInName}`, 0, 1));
  if (d.inName) lists.push(newest(sql`${set} AND ${d.inName}`, 0, 1));
  lists.push(newest(set, 0, 0));
  return sql`SELECT * FROM (${sql.join(lists, sql` UNION ALL `)}) c LIMIT ${most}`;
}

export const postgresEngine: SearchEngine = {
  /**
   * An item's score is its best language row's. A set of more than RANK_ALL rows is neither counted
   * nor scored in full: it is answered from its candidates, as on SQLite (sqliteEngine.ranked): two
   * statements, the first reading at most RANK_ALL + 1 rows.
   */
  async ranked(kind, tier, query, limit) {
    const d = documents(tier, query);
    if (!d) return [];
    const visible =
      kind === "product"
        ? sql`JOIN products p ON p.id = h.id JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live'`
        : sql`JOIN stores s ON s.id = h.id WHERE s.status = 'live'`;
    const set = sql`search.documents d WHERE d.kind = ${kindOf(kind)} AND ${d.where}`;
    const scoredRow = sql`d.item_id, ${d.score} AS score, ${d.exact} AS exact`;
    const rank = (found: SQL) =>
      rows<Ranked>(
        db,
        sql`WITH hits AS MATERIALIZED (${found}),
            best AS (SELECT item_id AS id, max(score) AS score, max(exact) AS exact, max(named) AS named FROM hits GROUP BY item_id)
            SELECT h.id AS id, h.score AS score, count(*) OVER () AS total, (SELECT count(*) FROM hits) AS scored FROM best h ${visible}
            ORDER BY h.exact DESC, h.named DESC, h.score DESC, h.id LIMIT ${limit}`,
      );
    return safely(async () => {
      const [counted] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${set} LIMIT ${rankAll(kind) + 1}) c`,
      );
      const capped = Number(counted?.n ?? 0) > rankAll(kind);
      const found = capped
        ? await rankCandidates(kind, limit, (most) => rank(candidates(set, d, most)))
        : await rank(sql`SELECT ${scoredRow}, 0 AS named FROM ${set}`);
      return found.map((r) => ({ ...r, capped }));
    });
  },

  matching(kind, tiers, query) {
    const sets = tiers.map((tier) => documents(tier, query)).filter((d) => d !== null);
    if (!sets.length) return sql`SELECT NULL::integer AS id WHERE false`;
    return sql`SELECT d.item_id AS id FROM search.documents d WHERE d.kind = ${kindOf(kind)} AND (${sql.join(
      sets.map((d) => sql`(${d.where})`),
      sql` OR `,
    )})`;
  },

  listed: (ids) => sql`SELECT CAST(value AS integer) AS id FROM jsonb_array_elements_text(CAST(${JSON.stringify(ids)} AS jsonb))`,

  async known(word) {
    return (await rows(db, sql`SELECT 1 AS found FROM search.vocabulary WHERE word = ${word}`)).length > 0;
  },

  async neighbours(word, max) {
    const near = await rows<{ word: string }>(
      db,
      sql`SELECT word FROM search.vocabulary WHERE length(word) BETWEEN ${word.length - max} AND ${word.length + max}
          ORDER BY word <-> ${word} LIMIT ${NEIGHBOURS}`,
    );
    const within = near.map((r) => r.word).filter((w) => editDistance(word, w, max) <= max);
    const counted = await Promise.all(
      within.map(async (w) => {
        const [row] = await rows<{ n: number }>(db, sql`SELECT count(*) AS n FROM search.documents WHERE words @@ ${exactly(w)}`);
        return [w, Number(row?.n ?? 0)] as const;
      }),
    );
    return new Map(counted);
  },

  async rowsInLanguage(word, lang) {
    const [row] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM search.documents WHERE words @@ ${exactly(word)} AND lang = ${lang}`,
    );
    return Number(row?.n ?? 0);
  },
};
