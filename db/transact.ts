/**
 * The one way to write: `await transact(db, async (tx) => …)`.
 *
 * Every write runs inside a transaction and through its handle `tx`; only
 * `transact` makes one, so a write cannot be called outside a transaction
 * (docs/decisions/0025-transaction-handles-deal-limits-secrets.md,
 * 0026-one-asynchronous-data-layer.md).
 *
 * On SQLite (one process, one writing connection) transactions are queued:
 * each runs `BEGIN IMMEDIATE … COMMIT` alone on the connection, so another
 * request's queries cannot slip into it between two `await`s. Keep network
 * calls (Stripe, e-mail) out of `fn`: the next transaction waits for it.
 *
 * A `transact` inside another one, in the same asynchronous call chain,
 * becomes a savepoint: a throw in the inner function rolls back only what it
 * wrote, and the outer transaction can catch the error and go on.
 *
 * On PostgreSQL (DATABASE_URL) each transaction takes a connection of the
 * pool for itself (READ COMMITTED: the domain's conditional updates,
 * `… WHERE stock >= n RETURNING`, wait for a competing writer's row and then
 * re-check their condition), and transactions run side by side; nested ones
 * are savepoints on that connection. A transaction PostgreSQL ends for a
 * deadlock or a serialization failure (40P01, 40001) runs again, a bounded
 * number of times (`TRANSACTION_ATTEMPTS`), so `fn` must change nothing but
 * what it writes through `tx`, which the rollback undid. The app's `db`
 * follows the open transaction (`followOpenTransaction`): a read through
 * `db` inside `fn` runs on the transaction's connection and sees its
 * writes, as it does on SQLite's one connection, and never waits for a
 * second connection of a pool that busy transactions may have emptied. See
 * docs/decisions/0028-two-engines-one-data-layer.md.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { is, type SQL, type TablesRelationalConfig } from "drizzle-orm";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import { PgTransaction, type PgDatabase } from "drizzle-orm/pg-core";
import type { FieldDef, QueryResult } from "pg";
import { isPostgres, type AppDatabase } from "./connection";

declare const openTransaction: unique symbol;

/** The handle of an open transaction, as `transact` gives it. */
export type Tx = AppDatabase & { readonly [openTransaction]: true };

interface OpenTransaction {
  client: Database.Database;
  savepoints: number;
  /** Set once it commits or rolls back: work it started that runs later (a listener, a timer) opens its own. */
  closed: boolean;
}

const current = new AsyncLocalStorage<OpenTransaction>();
const queues = new WeakMap<Database.Database, Promise<unknown>>();

export async function transact<T>(db: AppDatabase | Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (isPostgres(db)) return transactPostgres(db as unknown as PostgresHandle, fn, READ_COMMITTED);
  const client = db.$client;
  const open = current.getStore();
  if (open && open.client === client && !open.closed) return savepoint(open, db as Tx, fn);

  const previous = queues.get(client) ?? Promise.resolve();
  const run = previous.then(() =>
    current.run({ client, savepoints: 0, closed: false }, async () => {
      const state = current.getStore()!;
      client.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(db as Tx);
        client.exec("COMMIT");
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec("ROLLBACK");
        throw error;
      } finally {
        state.closed = true;
      }
    }),
  );
  queues.set(
    client,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * Reads that must agree with each other (a dashboard's totals, tables and
 * counters): `fn` sees the database as it was at one moment, whatever commits
 * meanwhile. On SQLite that is any transaction (`transact`: the one writing
 * connection is its own while it runs). On PostgreSQL a READ COMMITTED
 * transaction takes a new snapshot per statement, so this one is REPEATABLE
 * READ and READ ONLY: one snapshot, taken at its first query. Inside an open
 * transaction it is a savepoint of that one, and sees what it sees.
 */
export async function readSnapshot<T>(db: AppDatabase, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (isPostgres(db)) return transactPostgres(db as unknown as PostgresHandle, fn, SNAPSHOT);
  return transact(db, fn);
}

async function savepoint<T>(open: OpenTransaction, tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const name = `sp${++open.savepoints}`;
  open.client.exec(`SAVEPOINT ${name}`);
  try {
    const result = await fn(tx);
    open.client.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    open.client.exec(`ROLLBACK TO ${name}`);
    open.client.exec(`RELEASE ${name}`);
    throw error;
  }
}

// ── PostgreSQL ─────────────────────────────────────────────────────────────

type PostgresHandle = PgDatabase<NodePgQueryResultHKT, Record<string, unknown>, TablesRelationalConfig>;
type PostgresTransaction = PgTransaction<NodePgQueryResultHKT, Record<string, unknown>, TablesRelationalConfig>;

interface OpenPostgresTransaction {
  /** The pool's database the transaction was opened on. */
  root: PostgresHandle;
  /** The innermost handle in this call chain: the transaction, or a savepoint in it. */
  handle: PostgresTransaction;
  /** Shared by the transaction and its savepoints; set once the transaction's function has returned or thrown. */
  done: { closed: boolean };
}

const openPostgres = new AsyncLocalStorage<OpenPostgresTransaction>();

type PostgresTransactionConfig = Parameters<PostgresHandle["transaction"]>[1];
const READ_COMMITTED: PostgresTransactionConfig = { isolationLevel: "read committed" };
const SNAPSHOT: PostgresTransactionConfig = { isolationLevel: "repeatable read", accessMode: "read only" };
const unwrapped = Symbol("the database under followOpenTransaction");

const rootOf = (db: PostgresHandle): PostgresHandle => (db as unknown as { [unwrapped]?: PostgresHandle })[unwrapped] ?? db;

async function transactPostgres<T>(db: PostgresHandle, fn: (tx: Tx) => Promise<T>, config: PostgresTransactionConfig): Promise<T> {
  const root = rootOf(db);
  const open = openPostgres.getStore();
  if (is(root, PgTransaction)) return savepointPostgres(root, open, fn);
  if (open && open.root === root && !open.done.closed) return savepointPostgres(open.handle, open, fn);
  for (let attempt = 1; ; attempt++) {
    try {
      return await root.transaction(
        async (handle) => {
          const done = { closed: false };
          try {
            return await openPostgres.run({ root, handle, done }, () => fn(handle as unknown as Tx));
          } finally {
            done.closed = true;
          }
        },
        config,
      );
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isTransientConflict(error)) throw error;
    }
  }
}

/**
 * How many times a PostgreSQL transaction runs at most when the server ends it
 * for a conflict with another one (a deadlock, a serialization failure): it
 * rolled back whole, so running `fn` again is safe and usually succeeds. The
 * domain's writes take rows in one order so this should not happen; a retry
 * keeps a case nobody foresaw from reaching a shopper as a 500.
 */
const TRANSACTION_ATTEMPTS = 3;
/** SQLSTATEs of a transient conflict: serialization_failure, deadlock_detected. */
const TRANSIENT_CONFLICTS = new Set(["40001", "40P01"]);

/** The driver's error, under drizzle's wrapper (its `cause`), is a transient conflict. */
function isTransientConflict(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (TRANSIENT_CONFLICTS.has(String((e as { code?: unknown }).code))) return true;
  }
  return false;
}

function savepointPostgres<T>(
  handle: PostgresTransaction,
  open: OpenPostgresTransaction | undefined,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  // drizzle's nested transaction: SAVEPOINT, then RELEASE, or ROLLBACK TO on a throw.
  return handle.transaction((inner) =>
    open ? openPostgres.run({ ...open, handle: inner }, () => fn(inner as unknown as Tx)) : fn(inner as unknown as Tx),
  );
}

/**
 * The app's PostgreSQL database as app/db.server.ts exports it: inside a
 * transaction's call chain every use of it (a read, `rows`, a nested
 * `transact`) goes to that transaction's connection, as on SQLite's one
 * connection; outside one, to the pool.
 */
export function followOpenTransaction(db: AppDatabase): AppDatabase {
  const root = db as unknown as PostgresHandle;
  return new Proxy(root, {
    get(target, property) {
      if (property === unwrapped) return target;
      const open = openPostgres.getStore();
      const current = open && open.root === target && !open.done.closed ? open.handle : target;
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  }) as unknown as AppDatabase;
}

// PostgreSQL type ids whose raw values differ from what SQLite gives for the same column.
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const BOOL = 16;
const JSON_TYPE = 114;
const JSONB = 3802;

/**
 * A raw PostgreSQL row in the shape SQLite gives the same query, so `rows`
 * answers alike on both: instants as epoch milliseconds (SQLite's
 * `timestamp_ms` integers), flags as 1/0, JSON as its text.
 */
function likeSqlite(result: QueryResult<Record<string, unknown>>): Record<string, unknown>[] {
  const convert = (result.fields ?? []).filter((f: FieldDef) =>
    [TIMESTAMPTZ, TIMESTAMP, BOOL, JSON_TYPE, JSONB].includes(f.dataTypeID),
  );
  if (convert.length === 0) return result.rows;
  for (const row of result.rows) {
    for (const field of convert) {
      const value = row[field.name];
      if (value === null || value === undefined) continue;
      if (field.dataTypeID === TIMESTAMPTZ) row[field.name] = Date.parse(value as string);
      else if (field.dataTypeID === TIMESTAMP) row[field.name] = Date.parse(`${value as string}Z`);
      else if (field.dataTypeID === BOOL) row[field.name] = value ? 1 : 0;
      else row[field.name] = JSON.stringify(value);
    }
  }
  return result.rows;
}

/**
 * Rows of a raw query, for the few queries Drizzle's builder cannot say.
 * Quote camelCase aliases (`AS "dealId"`): PostgreSQL folds unquoted names to
 * lower case. Rows come back alike on both engines: instants as epoch
 * milliseconds, flags as 1/0, JSON as text, counts and sums as numbers.
 */
export async function rows<T>(db: AppDatabase | Tx, query: SQL): Promise<T[]> {
  if (isPostgres(db)) {
    const result: QueryResult<Record<string, unknown>> = await (db as unknown as PostgresHandle).execute(query);
    return likeSqlite(result) as T[];
  }
  return db.all<T>(query);
}

/** Runs a raw write inside a transaction and returns how many rows it changed. */
export async function execute(tx: Tx, query: SQL): Promise<number> {
  if (isPostgres(tx)) {
    const result: QueryResult = await (tx as unknown as PostgresHandle).execute(query);
    return result.rowCount ?? 0;
  }
  return tx.run(query).changes;
}
