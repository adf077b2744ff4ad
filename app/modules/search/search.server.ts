/**
 * Full-text search over product and store texts in all six languages, on the
 * FTS5 tables of migration 0001 (see docs/decisions/0005-search.md).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, rows, schema } from "~/db.server";
import { hasTerms, matchExpression, type ParsedQuery } from "./query";

export const MAX_RESULTS = 1000;

type Kind = "product" | "store";

export interface SearchHits {
  /** Ids, best first. */
  ids: number[];
  /** Every visible match, even past `limit`. */
  total: number;
}

/**
 * SQLite-only: the FTS5 query. Ranked ids of live products (or stores) whose
 * texts match both expressions (a null one is left out), with the count of
 * every visible match. The index's rowid is the row's id × 16, + 1 for a
 * store, + twice the language index (migration 0001).
 */
function ftsMatches(kind: Kind, trigram: string | null, cjk: string | null, limit: number): Promise<{ id: number; total: number }[]> {
  const hits =
    trigram !== null
      ? sql`SELECT rowid AS rid, bm25(search_fts, 8.0, 1.0) AS score FROM search_fts WHERE search_fts MATCH ${trigram}${
          cjk !== null ? sql` AND rowid IN (SELECT rowid FROM search_cjk WHERE search_cjk MATCH ${cjk})` : sql``
        }`
      : sql`SELECT rowid AS rid, bm25(search_cjk, 8.0, 1.0) AS score FROM search_cjk WHERE search_cjk MATCH ${cjk}`;
  const visible =
    kind === "product"
      ? sql`CROSS JOIN products p ON p.id = h.id CROSS JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live'`
      : sql`CROSS JOIN stores s ON s.id = h.id WHERE s.status = 'live'`;
  return rows<{ id: number; total: number }>(
    db,
    sql`WITH hits AS MATERIALIZED (${hits}),
       best AS (SELECT rid / 16 AS id, min(score) AS score FROM hits WHERE rid % 2 = ${sql.raw(kind === "product" ? "0" : "1")} GROUP BY rid / 16)
       SELECT h.id AS id, h.score AS score, count(*) OVER () AS total FROM best h ${visible}
       ORDER BY h.score, h.id LIMIT ${limit}`,
  );
}

/** Ranked ids of live products (or stores) matching every term, in any language. */
export async function searchIds(kind: Kind, query: ParsedQuery, limit = MAX_RESULTS): Promise<SearchHits> {
  if (!hasTerms(query)) return { ids: [], total: 0 };
  try {
    const found = await ftsMatches(kind, matchExpression(query.trigram), matchExpression(query.cjk), limit);
    return { ids: found.map((r) => r.id), total: found[0]?.total ?? 0 };
  } catch (error) {
    // A query FTS5 still refuses is the shopper's typo, not a server error.
    if (error instanceof Error && /fts5|syntax/i.test(error.message)) return { ids: [], total: 0 };
    throw error;
  }
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
