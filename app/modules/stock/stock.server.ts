/**
 * The stock rules, in one place. Product stock, a festival deal's committed
 * units and a shopper's share of a deal (its per-customer limit) are each
 * taken by one conditional write inside the caller's transaction, and only
 * if enough is left, so concurrent checkouts can never pass any of them
 * (CHECK constraints back this up). All are given back together, once, when
 * an order expires or fails.
 */
import { and, eq, gte, inArray, isNotNull, ne, sql, type Column } from "drizzle-orm";
import { db, rows, schema, transact, type Tx } from "~/db.server";

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

const { products, festivalDeals, festivalDealCustomers, orders, orderLines } = schema;

/** `column - quantity`, never below zero (a hand-repaired count must not make an expiry fail on the CHECK). */
const lessButNotBelowZero = (column: Column, quantity: number) => sql`CASE WHEN ${column} > ${quantity} THEN ${column} - ${quantity} ELSE 0 END`;

/**
 * Takes `quantity` units or throws OutOfStockError (rolling back the transaction):
 * `UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?`, and one row must change.
 */
export async function takeStock(tx: Tx, productId: number, quantity: number): Promise<void> {
  const taken = await tx
    .update(products)
    .set({ stock: sql`${products.stock} - ${quantity}` })
    .where(and(eq(products.id, productId), gte(products.stock, quantity)))
    .returning({ id: products.id });
  if (taken.length !== 1) throw new OutOfStockError(productId);
}

export async function returnStock(tx: Tx, productId: number, quantity: number): Promise<void> {
  await tx
    .update(products)
    .set({ stock: sql`${products.stock} + ${quantity}` })
    .where(eq(products.id, productId));
}

/**
 * Takes `quantity` of a deal's committed units or throws DealSoldOutError (rolling back
 * the transaction): `UPDATE festival_deals SET units_taken = units_taken + ? WHERE id = ?
 * AND units_taken + ? <= committed_stock`, and one row must change.
 */
export async function takeDealUnits(tx: Tx, dealId: number, productId: number, quantity: number): Promise<void> {
  const taken = await tx
    .update(festivalDeals)
    .set({ unitsTaken: sql`${festivalDeals.unitsTaken} + ${quantity}` })
    .where(and(eq(festivalDeals.id, dealId), sql`${festivalDeals.unitsTaken} + ${quantity} <= ${festivalDeals.committedStock}`))
    .returning({ id: festivalDeals.id });
  if (taken.length !== 1) throw new DealSoldOutError(productId, dealId);
}

export async function returnDealUnits(tx: Tx, dealId: number, quantity: number): Promise<void> {
  // Never below zero: `npm run reconcile` reports a count that was repaired by hand.
  await tx
    .update(festivalDeals)
    .set({ unitsTaken: lessButNotBelowZero(festivalDeals.unitsTaken, quantity) })
    .where(eq(festivalDeals.id, dealId));
}

/**
 * Adds `quantity` to what `email` holds at a deal's price, or throws DealLimitError (rolling
 * back the transaction) if that would pass `limit`: one conditional upsert on the
 * (deal, email) row, and one row must change. `limit` null counts without refusing.
 *
 * The limit is checked by the write itself: a line alone over it is refused before any write;
 * otherwise the insert, or the update of the existing row only when its units plus this line's
 * fit. In SQLite the writer holds the database; in PostgreSQL ON CONFLICT DO UPDATE locks the
 * row and re-reads it, so a second order waits for the first and sees its units.
 */
export async function takeCustomerDealUnits(tx: Tx, dealId: number, productId: number, email: string, quantity: number, limit: number | null): Promise<void> {
  if (limit !== null && quantity > limit) throw new DealLimitError(productId, dealId, limit);
  const held = await tx
    .insert(festivalDealCustomers)
    .values({ dealId, email, units: quantity })
    .onConflictDoUpdate({
      target: [festivalDealCustomers.dealId, festivalDealCustomers.email],
      set: { units: sql`${festivalDealCustomers.units} + excluded.units` },
      ...(limit === null ? {} : { setWhere: sql`${festivalDealCustomers.units} + excluded.units <= ${limit}` }),
    })
    .returning({ units: festivalDealCustomers.units });
  if (held.length !== 1) throw new DealLimitError(productId, dealId, limit ?? 0);
}

export async function returnCustomerDealUnits(tx: Tx, dealId: number, email: string, quantity: number): Promise<void> {
  await tx
    .update(festivalDealCustomers)
    .set({ units: lessButNotBelowZero(festivalDealCustomers.units, quantity) })
    .where(and(eq(festivalDealCustomers.dealId, dealId), eq(festivalDealCustomers.email, email)));
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
export async function takeOrderUnits(tx: Tx, email: string, lines: readonly HeldLine[]): Promise<void> {
  // Rows in one order (by product) in every transaction: on PostgreSQL two orders for the same two products
  // then queue for the first row instead of each locking one and waiting for the other (a deadlock).
  lines = [...lines].sort((a, b) => a.productId - b.productId);
  // Limits first, so a shopper over a limit hears that rather than about stock.
  for (const line of lines) {
    if (line.dealId !== null) await takeCustomerDealUnits(tx, line.dealId, line.productId, email, line.quantity, line.perCustomerLimit ?? null);
  }
  for (const line of lines) {
    await takeStock(tx, line.productId, line.quantity);
    if (line.dealId !== null) await takeDealUnits(tx, line.dealId, line.productId, line.quantity);
  }
}

/** Gives an order's product stock, deal units and per-customer shares back; the caller makes sure this happens once per order. */
export async function returnOrderUnits(tx: Tx, email: string, lines: readonly HeldLine[]): Promise<void> {
  // The rows in the order takeOrderUnits locks them: the shopper's deal shares, then each product and its deal,
  // by product. (Shares last, as before, let an expiry hold a product and wait for a share that the same
  // shopper's new checkout held while it waited for that product: a deadlock.)
  lines = [...lines].sort((a, b) => a.productId - b.productId);
  for (const line of lines) {
    if (line.dealId !== null) await returnCustomerDealUnits(tx, line.dealId, email, line.quantity);
  }
  for (const line of lines) {
    await returnStock(tx, line.productId, line.quantity);
    if (line.dealId !== null) await returnDealUnits(tx, line.dealId, line.quantity);
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
export async function reconcileDealUnits(options: { fix?: boolean } = {}): Promise<DealUnitsDrift[]> {
  const held = db
    .select({ dealId: orderLines.dealId, units: sql<number>`sum(${orderLines.quantity})`.as("units") })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(isNotNull(orderLines.dealId), inArray(orders.status, ["pending", "paid"])))
    .groupBy(orderLines.dealId)
    .as("held");
  const expected = sql<number>`coalesce(${held.units}, 0)`;
  const drift = await db
    .select({ dealId: festivalDeals.id, stored: festivalDeals.unitsTaken, expected: expected.mapWith(Number) })
    .from(festivalDeals)
    .leftJoin(held, eq(held.dealId, festivalDeals.id))
    .where(ne(festivalDeals.unitsTaken, expected))
    .orderBy(festivalDeals.id);
  if (options.fix && drift.length) {
    await transact(db, async (tx) => {
      for (const d of drift) await tx.update(festivalDeals).set({ unitsTaken: d.expected }).where(eq(festivalDeals.id, d.dealId));
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
export async function reconcileDealCustomers(options: { fix?: boolean } = {}): Promise<DealCustomerDrift[]> {
  // Raw SQL: both directions of the comparison (held but not stored, stored but not held) in one UNION ALL.
  const found = await rows<DealCustomerDrift>(
    db,
    sql`
    WITH held AS (
      SELECT l.deal_id, o.email, sum(l.quantity) AS units FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE l.deal_id IS NOT NULL AND o.status IN ('pending', 'paid') GROUP BY l.deal_id, o.email
    )
    SELECT h.deal_id AS "dealId", h.email AS "email", coalesce(c.units, 0) AS "stored", h.units AS "expected"
    FROM held h LEFT JOIN festival_deal_customers c ON c.deal_id = h.deal_id AND c.email = h.email
    WHERE coalesce(c.units, 0) <> h.units
    UNION ALL
    SELECT c.deal_id, c.email, c.units, 0 FROM festival_deal_customers c
    WHERE c.units <> 0 AND NOT EXISTS (SELECT 1 FROM held h WHERE h.deal_id = c.deal_id AND h.email = c.email)
    ORDER BY 1, 2`,
  );
  // PostgreSQL returns sums as strings.
  const drift = found.map((d) => ({ dealId: Number(d.dealId), email: d.email, stored: Number(d.stored), expected: Number(d.expected) }));
  if (options.fix && drift.length) {
    await transact(db, async (tx) => {
      for (const d of drift) {
        await tx
          .insert(festivalDealCustomers)
          .values({ dealId: d.dealId, email: d.email, units: d.expected })
          .onConflictDoUpdate({ target: [festivalDealCustomers.dealId, festivalDealCustomers.email], set: { units: d.expected } });
      }
    });
  }
  return drift;
}
