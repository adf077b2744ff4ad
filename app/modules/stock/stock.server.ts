/**
 * The stock rule, in one place: stock is taken by one conditional UPDATE
 * inside the caller's transaction, and only if enough is left, so concurrent
 * checkouts can never drive it below zero (a CHECK constraint backs this up).
 */
import { db, statements, type Executor } from "~/db.server";

type Tx = Executor;

export class OutOfStockError extends Error {
  constructor(readonly productId: number) {
    super(`Not enough stock for product ${productId}`);
  }
}

// Prepared once per connection (see db/prepared.ts; compiling per call cost more
// than running), so they run inside whatever transaction the caller has open.
const prepared = statements((client) => ({
  take: client.prepare<[number, number, number]>(
    `update "products" set "stock" = "products"."stock" - ? where ("products"."id" = ? and "products"."stock" >= ?)`,
  ),
  give: client.prepare<[number, number]>(`update "products" set "stock" = "products"."stock" + ? where "products"."id" = ?`),
}));

/**
 * Takes `quantity` units or throws OutOfStockError (rolling back the transaction):
 * `UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?`, and one row must change.
 */
export function takeStock(_tx: Tx, productId: number, quantity: number): void {
  const result = prepared(db).take.run(quantity, productId, quantity);
  if (result.changes !== 1) throw new OutOfStockError(productId);
}

export function returnStock(_tx: Tx, productId: number, quantity: number): void {
  prepared(db).give.run(quantity, productId);
}
