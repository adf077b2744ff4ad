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
