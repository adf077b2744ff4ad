/**
 * Full-text search over product and store texts in all six languages, on the
 * FTS5 tables of migration 0001 (see docs/decisions/0005-search.md).
 * Prepared statements are cached: building them per call was measurable.
 */
import type { Statement } from "better-sqlite3";
import { db } from "~/db.server";
import { hasTerms, matchExpression, type ParsedQuery } from "./query";

export const MAX_RESULTS = 1000;

type Kind = "product" | "store";
const statements = new Map<string, Statement>();

function statement(kind: Kind, useTrigram: boolean, useCjk: boolean): Statement {
  const key = `${kind}:${useTrigram}:${useCjk}`;
  let stmt = statements.get(key);
  if (!stmt) {
    const hits = useTrigram
      ? `SELECT rowid AS rid, bm25(search_fts, 8.0, 1.0) AS score FROM search_fts WHERE search_fts MATCH @trigram${
          useCjk ? " AND rowid IN (SELECT rowid FROM search_cjk WHERE search_cjk MATCH @cjk)" : ""
        }`
      : "SELECT rowid AS rid, bm25(search_cjk, 8.0, 1.0) AS score FROM search_cjk WHERE search_cjk MATCH @cjk";
    const visible =
      kind === "product"
        ? "CROSS JOIN products p ON p.id = h.id CROSS JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live'"
        : "CROSS JOIN stores s ON s.id = h.id WHERE s.status = 'live'";
    stmt = db.$client.prepare(
      `WITH hits AS MATERIALIZED (${hits}),
       best AS (SELECT rid / 16 AS id, min(score) AS score FROM hits WHERE rid % 2 = ${kind === "product" ? 0 : 1} GROUP BY rid / 16)
       SELECT h.id AS id, h.score AS score, count(*) OVER () AS total FROM best h ${visible}
       ORDER BY h.score, h.id LIMIT @limit`,
    );
    statements.set(key, stmt);
  }
  return stmt;
}

export interface SearchHits {
  /** Ids, best first. */
  ids: number[];
  /** Every visible match, even past `limit`. */
  total: number;
}

/** Ranked ids of live products (or stores) matching every term, in any language. */
export function searchIds(kind: Kind, query: ParsedQuery, limit = MAX_RESULTS): SearchHits {
  if (!hasTerms(query)) return { ids: [], total: 0 };
  const trigram = matchExpression(query.trigram);
  const cjk = matchExpression(query.cjk);
  try {
    const rows = statement(kind, trigram !== null, cjk !== null).all({ trigram, cjk, limit }) as { id: number; total: number }[];
    return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
  } catch (error) {
    // A query FTS5 still refuses is the shopper's typo, not a server error.
    if (error instanceof Error && /fts5|syntax/i.test(error.message)) return { ids: [], total: 0 };
    throw error;
  }
}

/** Names (in `lang`, English when missing) and slugs for ranked ids, best first. */
export function namesFor(kind: Kind, ids: number[], lang: string): { id: number; slug: string; name: string }[] {
  if (!ids.length) return [];
  const table = kind === "product" ? "products" : "stores";
  const tr = kind === "product" ? "product_translations" : "store_translations";
  const fk = kind === "product" ? "product_id" : "store_id";
  const rows = db.$client
    .prepare(
      `SELECT x.id AS id, x.slug AS slug, coalesce(l.name, e.name) AS name FROM ${table} x
       JOIN ${tr} e ON e.${fk} = x.id AND e.lang = 'en'
       LEFT JOIN ${tr} l ON l.${fk} = x.id AND l.lang = ?
       WHERE x.id IN (SELECT value FROM json_each(?))`,
    )
    .all(lang, JSON.stringify(ids)) as { id: number; slug: string; name: string }[];
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
