/**
 * Hot-path SQL, prepared once per connection. Building and compiling a Drizzle
 * query on every call costs several times running it, so the paths that run
 * per order (pricing reads, stock, order insert, fulfilment, counters) keep
 * better-sqlite3 statements here: created lazily on first use and cached per
 * connection (tests open a fresh database per file; the app opens one per
 * process). Statements run on the connection, so they join whatever
 * transaction is open on it.
 */
import type Database from "better-sqlite3";
import type { AppDatabase } from "./connection";
import type { Tx } from "./transact";

/** `statements(build)(db or tx)`: what `build` prepares, once per connection, on the connection of `db` or `tx`. */
export function statements<T>(build: (client: Database.Database) => T): (db: AppDatabase) => T {
  const byClient = new WeakMap<Database.Database, T>();
  return (db) => {
    const client = db.$client;
    let built = byClient.get(client);
    if (built === undefined) {
      built = build(client);
      byClient.set(client, built);
    }
    return built;
  };
}

/**
 * A statement per number of `?` in an `IN (…)` list, prepared on first use:
 * `sql(list)` builds the text from a list such as "?, ?, ?". Lists longer
 * than `maxCached` are prepared per call rather than kept.
 */
export function perArity(client: Database.Database, sql: (list: string) => string, maxCached = 100): (n: number) => Database.Statement {
  const byArity = new Map<number, Database.Statement>();
  const build = (n: number) => client.prepare(sql(Array.from({ length: n }, () => "?").join(", ")));
  return (n) => {
    if (n > maxCached) return build(n);
    let stmt = byArity.get(n);
    if (!stmt) {
      stmt = build(n);
      byArity.set(n, stmt);
    }
    return stmt;
  };
}

// BEGIN DEFERRED, as Drizzle's `db.transaction` issues; nested calls become savepoints.
// eslint-disable-next-line @typescript-eslint/unbound-method -- better-sqlite3's transaction variants are plain closures over the connection, not methods that use `this`.
const runners = statements((client) => client.transaction(<T>(fn: () => T): T => fn()).deferred);

/**
 * Runs `fn` in one synchronous transaction on `db` (a savepoint when given a
 * `tx`, i.e. a transaction is already open), without building a Drizzle
 * transaction object per call: `fn` gets the handle of the transaction, whose
 * queries and prepared statements run inside it. A throw rolls everything (or
 * the savepoint) back, as with `db.transaction`.
 */
/** @deprecated The synchronous transaction of the first data layer, until every caller moves to `transact` (db/transact.ts). */
export function transactSync<T>(db: AppDatabase | Tx, fn: (tx: Tx) => T): T {
  return runners(db)(() => fn(db as Tx)) as T;
}
