/**
 * SQLite-only: search on the FTS5 tables of migrations 0001 (trigram and CJK
 * bigram indexes), 0011 (the word index and its vocabulary) and 0018; see
 * docs/decisions/0005-search.md and 0029-search-relevance.md. Every index's
 * rowid is the item's id × 16, + 1 for a store, + twice the language index.
 */
import { sql, type SQL } from "drizzle-orm";
import { db, rows } from "~/db.server";
import { LANGS, type Lang } from "../i18n/config";
import { rankAll, rankCandidates, type Kind, type Ranked, type SearchEngine, type Tier } from "./engine";
import {
  aboutExpression,
  allWordsInNameExpression,
  chineseExpression,
  chinesePhrase,
  inCategoryExpression,
  inNameExpression,
  matchExpression,
  wordsExpression,
  type ParsedQuery,
} from "./query";

/** SQLite-only: FTS5 MATCH expressions for one set. */
interface Match {
  /** For the word index (name 10×, category 5×, body 1×). */
  words?: string | null;
  /** For the CJK index (name 8×); with `words`, a further condition. */
  chinese?: string | null;
  /** For the trigram index (the substring set). */
  trigram?: string | null;
  /** The words exactly as typed, in order, in a name: such items first. */
  phrase?: string | null;
}

/** SQLite-only: the MATCH expressions of one set. */
function matchFor(tier: Tier, query: ParsedQuery): Match {
  const words = wordsExpression(query.words);
  const chinese = chineseExpression(query.chinese);
  const phrase = query.words.length ? `{name} : "${query.words.join(" ").replace(/"/g, '""')}"` : null;
  if (tier === "substring") return { trigram: matchExpression(query.trigram), chinese: matchExpression(query.cjk) };
  if (tier === "words") return { words, chinese, phrase };
  const any = aboutExpression(query.words);
  const about = words && any ? `(${words}) AND ${any}` : null;
  const aboutChinese = chinese ? `${chinese} AND {name} : (${query.chinese.map(chinesePhrase).join(" OR ")})` : null;
  return { words: about ?? words, chinese: words ? chinese : aboutChinese, phrase };
}

/** SQLite-only: the FTS table and MATCH condition of a set, and its bm25 weights. */
function source(m: Match, kind?: Kind): { from: SQL; score: SQL; exact: SQL } {
  const alsoChinese = m.chinese ? sql` AND rowid IN (SELECT rowid FROM search_cjk WHERE search_cjk MATCH ${m.chinese})` : sql``;
  if (m.words) {
    // Of the kind searched: a store search does not gather every product whose name holds the phrase.
    const exact =
      m.phrase && kind
        ? sql`rowid IN (SELECT rowid FROM ${ofKind(sql`search_words WHERE search_words MATCH ${m.phrase}`, kind)})`
        : sql`0`;
    return {
      from: sql`search_words WHERE search_words MATCH ${m.words}${alsoChinese}`,
      score: sql`bm25(search_words, 10.0, 5.0, 1.0)`,
      exact,
    };
  }
  if (!m.trigram && m.chinese)
    return { from: sql`search_cjk WHERE search_cjk MATCH ${m.chinese}`, score: sql`bm25(search_cjk, 8.0, 1.0)`, exact: sql`0` };
  return {
    from: sql`search_fts WHERE search_fts MATCH ${m.trigram}${alsoChinese}`,
    score: sql`bm25(search_fts, 8.0, 1.0)`,
    exact: sql`0`,
  };
}

/**
 * SQLite-only: a set's index rows of one kind (PostgreSQL: `d.kind =` in postgres.server.ts). A store's
 * rows lie below the highest store id × 16, and FTS5 takes a rowid bound as where to start or stop
 * reading its lists: a store search skips every product row above the stores' (at scale 100, 10,000
 * stores among 100,000 products, the search page's four stores for "coffee" read in 0.27 ms, not 1.4).
 */
const ofKind = (from: SQL, kind: Kind): SQL =>
  kind === "store"
    ? sql`${from} AND rowid % 2 = 1 AND rowid < ((SELECT max(id) FROM stores) + 1) * 16`
    : sql`${from} AND rowid % 2 = 0`;

/** SQLite-only: a set's index rows (`rid`) of one kind, every one scored (lower is better), and whether the name holds the phrase. */
function hits(m: Match, kind: Kind): SQL {
  const s = source(m, kind);
  return sql`SELECT rowid AS rid, ${s.score} AS score, ${s.exact} AS exact, 0 AS named FROM ${ofKind(s.from, kind)}`;
}

/**
 * SQLite-only: a set's rows of one kind when it has more than RANK_ALL, unscored, at most CANDIDATES
 * of them, newest first in lists read one after the other: the name holding the words as typed and the
 * category one of them, the name holding the words as typed (both `exact`), the name holding every
 * word, then one of them (both `named`), then any row of the set. bm25 would read every
 * matching row of a prefix form ("coffee"*) to weigh it, and the lists' own LIMIT stops reading once
 * enough rows are found: "coffee" at scale 100 reads its first list only. The phrase in the name
 * implies the set when a content word is in it (every word, one in the name). PostgreSQL: `candidates`
 * in postgres.server.ts.
 */
function candidates(m: Match, query: ParsedQuery, tier: Tier, kind: Kind, most: number): SQL {
  // The score orders the lists (a row of the first list before any of the second), then newest first.
  let list = 0;
  const newest = (from: SQL, exact: number, named: number) =>
    sql`SELECT * FROM (SELECT rowid AS rid, ${sql.raw(String(list++ * LIST_STEP))} - rowid AS score, ${sql.raw(String(exact))} AS exact, ${sql.raw(String(named))} AS named FROM ${ofKind(from, kind)} ORDER BY rowid DESC)`;
  const lists: SQL[] = [];
  const inName = tier === "substring" ? null : inNameExpression(query.words);
  if (m.words && inName) {
    const inCategory = inCategoryExpression(query.words);
    if (m.phrase && inCategory) lists.push(newest(source({ ...m, words: `${m.phrase} AND ${inCategory}` }).from, 1, 1));
    if (m.phrase) lists.push(newest(source({ ...m, words: m.phrase }).from, 1, 1));
    const allInName = allWordsInNameExpression(query.words, true);
    if (allInName) lists.push(newest(source({ ...m, words: allInName }).from, 0, 1));
    lists.push(newest(source({ ...m, words: `(${m.words}) AND ${inName}` }).from, 0, 1));
  } else if (!m.words && m.chinese && !m.trigram && query.chinese.length) {
    lists.push(
      newest(source({ chinese: `(${m.chinese}) AND {name} : (${query.chinese.map(chinesePhrase).join(" OR ")})` }).from, 0, 1),
    );
  }
  lists.push(newest(source(m).from, 0, 0));
  return sql`SELECT * FROM (${sql.join(lists, sql` UNION ALL `)}) LIMIT ${most}`;
}

/** Past any rowid: a candidate list's scores lie below the next list's. */
const LIST_STEP = 1e12;

/** SQLite-only: FTS5 refusing a query is the shopper's odd input, not a server error: it finds nothing. */
async function safely(run: () => Promise<Ranked[]>): Promise<Ranked[]> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && /fts5|syntax/i.test(error.message)) return [];
    throw error;
  }
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

export const sqliteEngine: SearchEngine = {
  /**
   * SQLite-only: one FTS5 query; an item's score is its best language row's. A set of more than
   * RANK_ALL rows is neither counted nor scored in full: it is answered from its candidates.
   * PostgreSQL: postgresEngine.ranked, the same two statements.
   */
  async ranked(kind, tier, query, limit) {
    const visible =
      kind === "product"
        ? sql`CROSS JOIN products p ON p.id = h.id CROSS JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live'`
        : sql`CROSS JOIN stores s ON s.id = h.id WHERE s.status = 'live'`;
    const m = matchFor(tier, query);
    // The ranking comes back as one JSON array, not a row per item: better-sqlite3 builds each row as an
    // object in C++, and a search's thousand of them outlived V8's young-generation collections, which then
    // took 10-14 ms each (the tail of in-process search at scale 100). Parsed here, they are plain arrays.
    const rank = async (found: SQL, capped: boolean): Promise<Ranked[]> => {
      const [result] = await rows<{ ranked: string }>(
        db,
        sql`WITH hits AS MATERIALIZED (${found}),
         best AS (SELECT rid / 16 AS id, min(score) AS score, max(exact) AS exact, max(named) AS named FROM hits GROUP BY rid / 16),
         ranked AS (SELECT h.id AS id, h.score AS score, h.exact AS exact, h.named AS named, count(*) OVER () AS total,
           (SELECT count(*) FROM hits) AS scored FROM best h ${visible} ORDER BY h.exact DESC, h.named DESC, h.score, h.id LIMIT ${limit})
         SELECT json_group_array(json_array(id, score, total, scored) ORDER BY exact DESC, named DESC, score, id) AS ranked FROM ranked`,
      );
      const list = JSON.parse(result?.ranked ?? "[]") as [number, number, number, number][];
      return list.map(([id, score, total, scored]) => ({ id, score, total, scored, capped }));
    };
    return safely(async () => {
      const most = rankAll(kind);
      const upTo = (from: SQL) => sql`(SELECT count(*) FROM (SELECT 1 FROM ${ofKind(from, kind)} LIMIT ${most + 1}))`;
      const fromCandidates = () =>
        rankCandidates(kind, limit, (rowsRead) => rank(candidates(m, query, tier, kind, rowsRead), true));
      // Every word in the name (exact forms) is part of the set: counted first, it settles a broad query
      // without the set's own count, whose prefix forms ("butter"*) FTS5 merges from every matching term.
      const allInName = m.words && tier !== "substring" ? allWordsInNameExpression(query.words) : null;
      const count = allInName
        ? sql`SELECT CASE WHEN ${upTo(source({ ...m, words: allInName }).from)} > ${most} THEN ${most + 1} ELSE ${upTo(source(m).from)} END AS n`
        : sql`SELECT ${upTo(source(m).from)} AS n`;
      const [counted] = await rows<{ n: number }>(db, count);
      return Number(counted?.n ?? 0) > most ? fromCandidates() : rank(hits(m, kind), false);
    });
  },

  /** SQLite-only: the same MATCH expressions, without scores. */
  matching(kind, tiers, query) {
    if (!tiers.length) return sql`SELECT NULL AS id WHERE 0`;
    return sql.join(
      tiers.map((tier) => sql`SELECT rowid / 16 AS id FROM ${ofKind(source(matchFor(tier, query)).from, kind)}`),
      sql` UNION `,
    );
  },

  /** SQLite-only: a JSON array read by json_each. */
  listed: (ids) => sql`SELECT value AS id FROM json_each(${JSON.stringify(ids)})`,

  /** SQLite-only: the kept vocabulary, or the index itself for a word added since it was read (never "corrected" away). */
  async known(word) {
    if ((await vocabulary()).has(word)) return true;
    return (await rows(db, sql`SELECT 1 AS found FROM search_words_vocab WHERE term = ${word} LIMIT 1`)).length > 0;
  },

  /** SQLite-only: the whole vocabulary (about 14,000 words at scale 1), kept in memory. */
  neighbours: () => vocabulary(),

  /** SQLite-only: the rowid's language index (migration 0011). */
  async rowsInLanguage(word, lang: Lang) {
    const index = LANGS.indexOf(lang) + 1;
    const [row] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM search_words WHERE search_words MATCH ${`"${word}"`} AND (rowid / 2) % 8 = ${index}`,
    );
    return Number(row?.n ?? 0);
  },
};
