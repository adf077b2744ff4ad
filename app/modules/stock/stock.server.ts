/**
 * The stock rule, in one place: stock is taken by one conditional UPDATE
 * inside the caller's transaction, and only if enough is left, so concurrent
 * checkouts can never drive it below zero (a CHECK constraint backs this up).
 */
import { sql } from "drizzle-orm";
import type { AppDatabase } from "~/db.server";

type Tx = Parameters<Parameters<AppDatabase["transaction"]>[0]>[0];

export class OutOfStockError extends Error {
  constructor(readonly productId: number) {
    super(`Not enough stock for product ${productId}`);
  }
}

/** Takes `quantity` units or throws OutOfStockError (rolling back the transaction). */
export function takeStock(tx: Tx, productId: number, quantity: number): void {
  const result = tx.run(
    sql`UPDATE products SET stock = stock - ${quantity} WHERE id = ${productId} AND stock >= ${quantity}`,
  );
  if (result.changes !== 1) throw new OutOfStockError(productId);
}

export function returnStock(tx: Tx, productId: number, quantity: number): void {
  tx.run(sql`UPDATE products SET stock = stock + ${quantity} WHERE id = ${productId}`);
}
