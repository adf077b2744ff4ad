/**
 * The stock rules, in one place. Product stock, a festival deal's committed
 * units and a shopper's share of a deal (its per-customer limit) are each
 * taken by one conditional write inside the caller's transaction, and only
 * if enough is left, so concurrent checkouts can never pass any of them
 * (CHECK constraints back this up). All are given back together, once, when
 * an order expires or fails.
 */
import { sql } from "drizzle-orm";
import { db, statements, transactSync, type Tx } from "~/db.server";

export class OutOfStockError extends Error {
  constructor(readonly productId: number) {
    super(`Not enough stock for product ${productId}`);
  }
}

/** Fewer units are left at a festival deal's price than the order asks for. */
/** The shopper would hold more than the deal's per-customer limit at its price. */
export class DealLimitError extends Error {
  constructor(
    readonly productId: number,
    readonly dealId: number,
    readonly limit: number,
  ) {
    super(`At most ${limit} of product ${productId} per customer at the price of deal ${dealId}`);
  }
}

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
  // The limit is checked by the write itself: the insert only when the line alone fits, the
  // update only when the row's units plus this line's fit. In SQLite the writer holds the
  // database; in PostgreSQL ON CONFLICT DO UPDATE locks the row and re-reads it, so a second
  // order waits for the first and sees its units. No limit (null): counted, never refused.
  takeCustomer: client.prepare<{ dealId: number; email: string; quantity: number; limit: number | null }>(
    `insert into "festival_deal_customers" ("deal_id", "email", "units")
     select @dealId, @email, @quantity where @limit is null or @quantity <= @limit
     on conflict ("deal_id", "email") do update set "units" = "festival_deal_customers"."units" + excluded."units"
     where @limit is null or "festival_deal_customers"."units" + excluded."units" <= @limit`,
  ),
  giveCustomer: client.prepare<[number, number, string]>(
    `update "festival_deal_customers" set "units" = max("units" - ?, 0) where "deal_id" = ? and "email" = ?`,
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

/**
 * Adds `quantity` to what `email` holds at a deal's price, or throws DealLimitError (rolling
 * back the transaction) if that would pass `limit`: one conditional upsert on the
 * (deal, email) row, and one row must change. `limit` null counts without refusing.
 */
export function takeCustomerDealUnits(tx: Tx, dealId: number, productId: number, email: string, quantity: number, limit: number | null): void {
  const result = prepared(tx).takeCustomer.run({ dealId, email, quantity, limit });
  if (result.changes !== 1) throw new DealLimitError(productId, dealId, limit ?? 0);
}

export function returnCustomerDealUnits(tx: Tx, dealId: number, email: string, quantity: number): void {
  prepared(tx).giveCustomer.run(quantity, dealId, email);
}

/** One line of an order, as far as the stock rules care. */
export interface HeldLine {
  productId: number;
  quantity: number;
  dealId: number | null;
  /** The deal's per-customer limit to enforce for this order (checkout passes it); absent or null: counted, not enforced. */
  perCustomerLimit?: number | null;
}

/**
 * Takes an order's per-customer deal shares, product stock and deal units, or throws
 * (DealLimitError, OutOfStockError, DealSoldOutError) with nothing taken once the
 * caller's transaction rolls back. `email` is the order's (normalised) email.
 */
export function takeOrderUnits(tx: Tx, email: string, lines: readonly HeldLine[]): void {
  // Limits first, so a shopper over a limit hears that rather than about stock.
  for (const line of lines) {
    if (line.dealId !== null) takeCustomerDealUnits(tx, line.dealId, line.productId, email, line.quantity, line.perCustomerLimit ?? null);
  }
  for (const line of lines) {
    takeStock(tx, line.productId, line.quantity);
    if (line.dealId !== null) takeDealUnits(tx, line.dealId, line.productId, line.quantity);
  }
}

/** Gives an order's product stock, deal units and per-customer shares back; the caller makes sure this happens once per order. */
export function returnOrderUnits(tx: Tx, email: string, lines: readonly HeldLine[]): void {
  for (const line of lines) {
    returnStock(tx, line.productId, line.quantity);
    if (line.dealId !== null) {
      returnDealUnits(tx, line.dealId, line.quantity);
      returnCustomerDealUnits(tx, line.dealId, email, line.quantity);
    }
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
    transactSync(db, (tx) => {
      for (const d of drift) tx.run(sql`UPDATE festival_deals SET units_taken = ${d.expected} WHERE id = ${d.dealId}`);
    });
  }
  return drift;
}

export interface DealCustomerDrift {
  dealId: number;
  email: string;
  stored: number;
  /** This email's deal-line quantities over its pending and paid orders. */
  expected: number;
}

/**
 * Recomputes what each shopper holds at each deal's price (festival_deal_customers)
 * from the pending and paid orders and reports (optionally repairs) the differences;
 * `npm run reconcile` runs it beside the deal units' check.
 */
export function reconcileDealCustomers(options: { fix?: boolean } = {}): DealCustomerDrift[] {
  const drift = db.all<DealCustomerDrift>(sql`
    WITH held AS (
      SELECT l.deal_id, o.email, sum(l.quantity) AS units FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE l.deal_id IS NOT NULL AND o.status IN ('pending', 'paid') GROUP BY l.deal_id, o.email
    )
    SELECT h.deal_id AS dealId, h.email, coalesce(c.units, 0) AS stored, h.units AS expected
    FROM held h LEFT JOIN festival_deal_customers c ON c.deal_id = h.deal_id AND c.email = h.email
    WHERE coalesce(c.units, 0) <> h.units
    UNION ALL
    SELECT c.deal_id, c.email, c.units, 0 FROM festival_deal_customers c
    WHERE c.units <> 0 AND NOT EXISTS (SELECT 1 FROM held h WHERE h.deal_id = c.deal_id AND h.email = c.email)
    ORDER BY 1, 2`);
  if (options.fix && drift.length) {
    transactSync(db, (tx) => {
      for (const d of drift) {
        tx.run(sql`INSERT INTO festival_deal_customers (deal_id, email, units) VALUES (${d.dealId}, ${d.email}, ${d.expected})
          ON CONFLICT (deal_id, email) DO UPDATE SET units = excluded.units`);
      }
    });
  }
  return drift;
}
