/**
 * The stock rules, in one place. Product stock and a festival deal's
 * committed units are each taken by one conditional UPDATE inside the
 * caller's transaction, and only if enough is left, so concurrent checkouts
 * can never oversell either (CHECK constraints back this up). Both are given
 * back together, once, when an order expires or fails.
 */
import { sql } from "drizzle-orm";
import { db, statements, transact, type Tx } from "~/db.server";

export class OutOfStockError extends Error {
  constructor(readonly productId: number) {
    super(`Not enough stock for product ${productId}`);
  }
}

/** Fewer units are left at a festival deal's price than the order asks for. */
export class DealSoldOutError extends Error {
  constructor(
    readonly productId: number,
    readonly dealId: number,
  ) {
    super(`Not enough units left at the price of deal ${dealId} (product ${productId})`);
  }
}

// Prepared once per connection (see db/prepared.ts; compiling per call cost more
// than running) and taken from the caller's transaction handle, so they run inside it.
const prepared = statements((client) => ({
  take: client.prepare<[number, number, number]>(
    `update "products" set "stock" = "products"."stock" - ? where ("products"."id" = ? and "products"."stock" >= ?)`,
  ),
  give: client.prepare<[number, number]>(`update "products" set "stock" = "products"."stock" + ? where "products"."id" = ?`),
  takeDeal: client.prepare<[number, number, number]>(
    `update "festival_deals" set "units_taken" = "festival_deals"."units_taken" + ?
     where ("festival_deals"."id" = ? and "festival_deals"."units_taken" + ? <= "festival_deals"."committed_stock")`,
  ),
  // Never below zero: a deal whose count was repaired by hand must not make an expiry fail
  // (the CHECK would roll back the sweep); `npm run reconcile` reports any such drift.
  giveDeal: client.prepare<[number, number]>(
    `update "festival_deals" set "units_taken" = max("festival_deals"."units_taken" - ?, 0) where "festival_deals"."id" = ?`,
  ),
}));

/**
 * Takes `quantity` units or throws OutOfStockError (rolling back the transaction):
 * `UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?`, and one row must change.
 */
export function takeStock(tx: Tx, productId: number, quantity: number): void {
  const result = prepared(tx).take.run(quantity, productId, quantity);
  if (result.changes !== 1) throw new OutOfStockError(productId);
}

export function returnStock(tx: Tx, productId: number, quantity: number): void {
  prepared(tx).give.run(quantity, productId);
}

/**
 * Takes `quantity` of a deal's committed units or throws DealSoldOutError (rolling back
 * the transaction): `UPDATE festival_deals SET units_taken = units_taken + ? WHERE id = ?
 * AND units_taken + ? <= committed_stock`, and one row must change.
 */
export function takeDealUnits(tx: Tx, dealId: number, productId: number, quantity: number): void {
  const result = prepared(tx).takeDeal.run(quantity, dealId, quantity);
  if (result.changes !== 1) throw new DealSoldOutError(productId, dealId);
}

export function returnDealUnits(tx: Tx, dealId: number, quantity: number): void {
  prepared(tx).giveDeal.run(quantity, dealId);
}

/** One line of an order, as far as the stock rules care. */
export interface HeldLine {
  productId: number;
  quantity: number;
  dealId: number | null;
}

/** Takes an order's product stock and deal units, or throws (OutOfStockError, DealSoldOutError) with nothing taken once the caller's transaction rolls back. */
export function takeOrderUnits(tx: Tx, lines: readonly HeldLine[]): void {
  for (const line of lines) {
    takeStock(tx, line.productId, line.quantity);
    if (line.dealId !== null) takeDealUnits(tx, line.dealId, line.productId, line.quantity);
  }
}

/** Gives an order's product stock and deal units back; the caller makes sure this happens once per order. */
export function returnOrderUnits(tx: Tx, lines: readonly HeldLine[]): void {
  for (const line of lines) {
    returnStock(tx, line.productId, line.quantity);
    if (line.dealId !== null) returnDealUnits(tx, line.dealId, line.quantity);
  }
}

export interface DealUnitsDrift {
  dealId: number;
  stored: number;
  /** The deal lines' quantities over pending and paid orders. */
  expected: number;
}

/**
 * Recomputes every deal's units taken from the orders holding them (pending
 * and paid) and reports (optionally repairs) the differences; `npm run
 * reconcile` runs it beside the counters' check.
 */
export function reconcileDealUnits(options: { fix?: boolean } = {}): DealUnitsDrift[] {
  const drift = db.all<DealUnitsDrift>(sql`
    SELECT d.id AS dealId, d.units_taken AS stored, coalesce(h.units, 0) AS expected
    FROM festival_deals d
    LEFT JOIN (
      SELECT l.deal_id, sum(l.quantity) AS units FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE l.deal_id IS NOT NULL AND o.status IN ('pending', 'paid') GROUP BY l.deal_id
    ) h ON h.deal_id = d.id
    WHERE d.units_taken <> coalesce(h.units, 0)
    ORDER BY d.id`);
  if (options.fix && drift.length) {
    transact(db, (tx) => {
      for (const d of drift) tx.run(sql`UPDATE festival_deals SET units_taken = ${d.expected} WHERE id = ${d.dealId}`);
    });
  }
  return drift;
}
