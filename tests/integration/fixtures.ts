/**
 * What integration tests need of the seeded database, on either engine
 * (through the app's data layer): products that can be bought (plain, and on
 * a live festival deal), users and their stores, raw reads and writes, row
 * counts and hashes of rows, the statements a request sends, an empty
 * database, and a test server's own database.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { and, eq, sql, type SQL } from "drizzle-orm";
import pg from "pg";
import { inject, vi } from "vitest";
import { db, execute, isPostgres, rows, schema, transact, type AppDatabase } from "~/db.server";
import { closeDatabase, openDatabase, openPostgres } from "../../db/connection";
import type { TestServer } from "../browser/harness";
import { createEmptyPostgresDatabase } from "../setup/postgres";
import { dealCandidates } from "~/modules/festivals/festivals.server";
import { unitPriceAt } from "~/modules/pricing/pricing";

export interface TestProduct {
  id: number;
  slug: string;
  stock: number;
  storeId: number;
  priceMinor: number;
  deal: { dealId: number; festivalId: number; unitMinor: number; limit: number | null } | null;
}

export async function buyableProducts(now = Date.now()): Promise<TestProduct[]> {
  const rows = await db
    .select({ id: schema.products.id, slug: schema.products.slug, stock: schema.products.stock, storeId: schema.products.storeId, priceMinor: schema.products.priceMinor })
    .from(schema.products)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
    .where(and(eq(schema.stores.status, "live"), eq(schema.products.status, "active")))
    .orderBy(schema.products.id);
  const deals = await dealCandidates(rows.map((r) => r.id));
  const limits = new Map((await db.select().from(schema.festivalDeals)).map((d) => [d.id, d.perCustomerLimit]));
  return rows.map((r) => {
    const price = unitPriceAt(r.priceMinor, deals.get(r.id) ?? [], now);
    return {
      ...r,
      deal: price.deal ? { dealId: price.deal.dealId, festivalId: price.deal.festivalId, unitMinor: price.unitMinor, limit: limits.get(price.deal.dealId) ?? null } : null,
    };
  });
}

export async function regularProduct(minStock: number, skip = 0): Promise<TestProduct> {
  return (await buyableProducts()).filter((p) => !p.deal && p.stock >= minStock)[skip];
}

export async function dealProduct(minStock: number, withLimit?: boolean, skip = 0): Promise<TestProduct> {
  return (await buyableProducts()).filter((p) => p.deal && p.stock >= minStock && (withLimit === undefined || (p.deal.limit !== null) === withLimit))[skip];
}

/** A deal's committed stock and the units taken at its price. */
export async function dealUnits(dealId: number): Promise<{ committed: number; taken: number; left: number }> {
  const [row] = await db
    .select({ committed: schema.festivalDeals.committedStock, taken: schema.festivalDeals.unitsTaken })
    .from(schema.festivalDeals)
    .where(eq(schema.festivalDeals.id, dealId));
  return { ...row, left: row.committed - row.taken };
}

/** Leaves exactly `left` units at the deal's price (as an owner committing that much more would). */
export async function setDealUnitsLeft(dealId: number, left: number): Promise<void> {
  const { taken } = await dealUnits(dealId);
  await transact(db, (tx) => tx.update(schema.festivalDeals).set({ committedStock: taken + left }).where(eq(schema.festivalDeals.id, dealId)));
}

export const stockOf = async (id: number): Promise<number> =>
  (await db.select({ stock: schema.products.stock }).from(schema.products).where(eq(schema.products.id, id)))[0].stock;

export async function setStock(id: number, stock: number): Promise<void> {
  await transact(db, (tx) => tx.update(schema.products).set({ stock }).where(eq(schema.products.id, id)));
}

/** A user's id, by e-mail. */
export async function userIdOf(email: string): Promise<number> {
  const [user] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).limit(1);
  return user.id;
}

/** The stores of an owner (by e-mail), oldest first. */
export async function storesOf(email: string): Promise<(typeof schema.stores.$inferSelect)[]> {
  return db.select().from(schema.stores).where(eq(schema.stores.ownerId, await userIdOf(email))).orderBy(schema.stores.id);
}

/** How many rows a table has. */
export const rowCount = async (table: string): Promise<number> =>
  (await rows<{ n: number }>(db, sql`select count(*) as n from ${sql.identifier(table)}`))[0].n;

/** The rows these queries return (each with an ORDER BY), hashed: a refused attempt must leave them equal. */
export async function hashOfRows(queries: string[]): Promise<string> {
  const h = createHash("sha256");
  for (const q of queries) h.update(JSON.stringify(await rows(db, sql.raw(q))));
  return h.digest("hex");
}

/** The search index's own rows, in a stable order: SQLite's FTS5 tables, or PostgreSQL's `search` schema. */
export const SEARCH_INDEX_ROWS = isPostgres(db)
  ? [
      "select rid, item_id, kind, lang, words::text as words, cjk::text as cjk, plain from search.documents order by rid",
      "select word from search.vocabulary order by word",
    ]
  : [
      "select rowid, name, body from search_fts order by rowid",
      "select rowid, name, body from search_cjk order by rowid",
      "select rowid, name, category, body from search_words order by rowid",
    ];

/** `fn` on a test server's own copy of the database (its engine), through a connection opened for it and closed after. */
export async function onServerDatabase<T>(server: Pick<TestServer, "openDatabase">, fn: (db: AppDatabase) => Promise<T>): Promise<T> {
  const handle = server.openDatabase();
  try {
    return await fn(handle);
  } finally {
    await closeDatabase(handle);
  }
}

/**
 * The first row of a raw query, on either engine: the app's `db`, or a test
 * server's copy (`server.openDatabase()`). Rows come back alike (`rows`):
 * quote camelCase aliases (`AS "dealId"`).
 */
export async function firstRow<T>(database: AppDatabase, query: SQL): Promise<T> {
  const [row] = await rows<T>(database, query);
  return row;
}

/** Raw writes in one transaction, on either engine (as firstRow); how many rows they changed. */
export function writeRows(database: AppDatabase, ...queries: SQL[]): Promise<number> {
  return transact(database, async (tx) => {
    let changed = 0;
    for (const query of queries) changed += await execute(tx, query);
    return changed;
  });
}

/**
 * From now on, the SQL text of every statement sent to a database of this
 * run's engine (the test's connection, or a build's loaded in this process),
 * once per execution: on SQLite each run of a statement (one prepared once and
 * run per request counts each time); on PostgreSQL each query through a
 * connection (`pg.Client`) of a pool or of a transaction. For counting the
 * queries a request makes.
 */
export function watchStatements(): () => string[] {
  if (isPostgres(db)) {
    const query = vi.spyOn(pg.Client.prototype, "query") as unknown as { mock: { calls: [unknown][] } };
    return () => query.mock.calls.map(([q]) => (typeof q === "string" ? q : ((q as { text?: string } | null)?.text ?? "")));
  }
  const sent: string[] = [];
  const statement = Object.getPrototypeOf(db.$client.prepare("select 1")) as Record<"run" | "get" | "all" | "iterate", (...args: unknown[]) => unknown>;
  for (const method of ["run", "get", "all", "iterate"] as const) {
    const original = statement[method];
    vi.spyOn(statement, method).mockImplementation(function (this: { source: string }, ...args: unknown[]) {
      sent.push(this.source);
      return original.apply(this, args);
    });
  }
  return () => [...sent];
}

/** An empty database of this run's engine: the environment a script is given to use it, and a way to open it. */
export async function emptyDatabase(label: string): Promise<{ env: Record<string, string>; open: () => AppDatabase }> {
  const server = inject("postgresServer");
  if (server) {
    const url = await createEmptyPostgresDatabase(server, inject("baseDb"), label);
    return { env: { DATABASE_URL: url }, open: () => openPostgres(url) };
  }
  const file = path.join(inject("runDir"), `${label}.sqlite`);
  return { env: { DATABASE_PATH: file }, open: () => openDatabase(file) };
}
