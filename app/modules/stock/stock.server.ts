/**
 * The stock rule, in one place: stock is taken by one conditional UPDATE
 * inside the caller's transaction, and only if enough is left, so concurrent
 * checkouts can never drive it below zero (a CHECK constraint backs this up).
 */
import { and, eq, gte, sql } from "drizzle-orm";
import { db, schema, type AppDatabase } from "~/db.server";

type Tx = Parameters<Parameters<AppDatabase["transaction"]>[0]>[0];

export class OutOfStockError extends Error {
  constructor(readonly productId: number) {
    super(`Not enough stock for product ${productId}`);
  }
}

// Prepared once on the one connection (compiling per call cost more than running),
// so they run inside whatever transaction the caller has open.
let prepared: ReturnType<typeof prepare> | null = null;
function prepare() {
  const { products } = schema;
  const quantity = sql.placeholder("quantity");
  return {
    take: db
      .update(products)
      .set({ stock: sql`${products.stock} - ${quantity}` })
      .where(and(eq(products.id, sql.placeholder("id")), gte(products.stock, quantity)))
      .prepare(),
    give: db
      .update(products)
      .set({ stock: sql`${products.stock} + ${quantity}` })
      .where(eq(products.id, sql.placeholder("id")))
      .prepare(),
  };
}

/**
 * Takes `quantity` units or throws OutOfStockError (rolling back the transaction):
 * `UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?`, and one row must change.
 */
export function takeStock(_tx: Tx, productId: number, quantity: number): void {
  prepared ??= prepare();
  const result = prepared.take.run({ id: productId, quantity });
  if (result.changes !== 1) throw new OutOfStockError(productId);
}

export function returnStock(_tx: Tx, productId: number, quantity: number): void {
  prepared ??= prepare();
  prepared.give.run({ id: productId, quantity });
}
