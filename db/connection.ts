import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { is } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { PgDatabase } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";
import * as pgSchema from "./schema.pg";

/**
 * The database as the domain sees it, on either engine: typed as SQLite's
 * Drizzle database over db/schema.ts, whichever engine runs
 * (docs/decisions/0028-two-engines-one-data-layer.md). Domain code awaits
 * builders both engines answer alike; the few places that must know the
 * engine (db/transact.ts, db/migrate.ts, db/setup-lock.ts) ask
 * `isPostgres(db)`.
 */
export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "data/showcase.sqlite";

export function databasePath(): string {
  return path.resolve(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** SQLite-only: each connection's page cache, in KiB (PostgreSQL sizes its shared buffers itself). */
const PAGE_CACHE_KIB = 65_536;

/**
 * Opens (creating if needed) the SQLite file with the settings every
 * connection needs: WAL so readers never wait on the writer, a busy timeout
 * so a second writer waits instead of failing, and foreign keys on.
 */
export function openDatabase(file = databasePath()): AppDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // The busy timeout first: switching to WAL needs a lock another process setting up the same file may hold.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  // A page cache of up to 64 MB (the default is 2 MB): at scale 100 (a 3 GB file) a search or a page's
  // lookups otherwise read most index pages from the operating system again on every request.
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  return drizzle(sqlite, { schema });
}

/** PostgreSQL when DATABASE_URL is set (postgres:// or postgresql://), else the SQLite file at DATABASE_PATH. */
export function usingPostgres(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

/** The app's database on the engine the environment chooses. */
export function openAppDatabase(): AppDatabase {
  return usingPostgres() ? openPostgres() : openDatabase();
}

// node-postgres returns bigint (int8: count(*), sum of integers, our bigint columns) and numeric as
// strings, to keep precision past 2^53. Nothing here comes near that, and SQLite returns numbers, so
// both come back as numbers (process-wide: node-postgres's parsers are global).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * A pool of connections to DATABASE_URL, with db/schema.pg.ts, returned
 * under the SQLite type (see AppDatabase): the pg tables are what
 * `schema` names at run time (app/db.server.ts).
 */
export function openPostgres(url = process.env.DATABASE_URL): AppDatabase {
  if (!url) throw new Error("openPostgres needs DATABASE_URL");
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE) || 10 });
  // An idle connection the server dropped (restart, failover) must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  return drizzlePostgres(pool, { schema: pgSchema }) as unknown as AppDatabase;
}

/** True for a PostgreSQL database or transaction handle (typed as SQLite's, see AppDatabase). */
export function isPostgres(db: AppDatabase): boolean {
  return is(db, PgDatabase);
}

/**
 * How many rows a hot running total (a campaign-progress counter) is spread
 * over, so that paying transactions do not all queue for one row's lock: 1 on
 * SQLite (one writer at a time, so spreading gains nothing), 16 on PostgreSQL
 * (transactions run side by side, and each holds the rows it added to until
 * it commits). Readers sum a counter's rows. See
 * docs/decisions/0039-counter-rows-spread-on-postgresql.md (numbered by the lead).
 */
export function counterShards(db: AppDatabase): number {
  return isPostgres(db) ? 16 : 1;
}

/** The pool under a PostgreSQL database (not a transaction handle); null on SQLite. */
export function postgresPool(db: AppDatabase): pg.Pool | null {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
}

/** Closes the connection (SQLite) or ends the pool (PostgreSQL). */
export async function closeDatabase(db: AppDatabase): Promise<void> {
  const pool = postgresPool(db);
  if (pool) await pool.end();
  else db.$client.close();
}
