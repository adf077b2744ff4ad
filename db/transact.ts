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
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import type { AppDatabase } from "./connection";

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

/**
 * Rows of a raw query, for the few queries Drizzle's builder cannot say.
 * Quote camelCase aliases (`AS "dealId"`): PostgreSQL folds unquoted names to lower case.
 */
export function rows<T>(db: AppDatabase | Tx, query: SQL): Promise<T[]> {
  return Promise.resolve(db.all<T>(query));
}

/** Runs a raw write inside a transaction and returns how many rows it changed. */
export function execute(tx: Tx, query: SQL): Promise<number> {
  return Promise.resolve(tx.run(query).changes);
}
