/**
 * Orders: created pending with stock taken, then paid exactly once. Every
 * payment provider (Stripe, the demo provider) ends in `markOrderPaid` (or
 * `closeOrder` for a failed or expired payment); see
 * docs/decisions/0007-payments-and-order-states.md for the state machine.
 * Transactions are synchronous: better-sqlite3 cannot roll back async work.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import { applyPaidOrder } from "../counters/counters.server";
import { dealCandidates } from "../festivals/festivals.server";
import type { Lang } from "../i18n/config";
import { BASE_CURRENCY, convertMinor } from "../money/money";
import { latestRate } from "../money/rates.server";
import { unitPriceAt } from "../pricing/pricing";
import { OutOfStockError, returnStock, takeStock } from "../stock/stock.server";

/** How long a pending order holds its stock: PENDING_ORDER_MINUTES, default 30. */
export const PENDING_ORDER_TTL_MS = pendingMinutes() * 60 * 1000;

function pendingMinutes(): number {
  const raw = Number(process.env.PENDING_ORDER_MINUTES);
  return Number.isFinite(raw) && raw > 0 ? raw : 30;
}

export class OrderError extends Error {
  constructor(
    readonly code: "empty" | "unavailable" | "no_rate" | "limit",
    message: string,
    readonly productId?: number,
  ) {
    super(message);
  }
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export interface NewOrder {
  lines: { productId: number; quantity: number }[];
  email: string;
  customerName: string;
  shippingAddress: Record<string, string>;
  shippingCountry: string;
  lang: Lang;
  currency: string;
  paymentProvider: string;
  now: Date;
  /** Only the seed passes one, to stay deterministic. */
  number?: string;
  /**
   * Checkout sets this: a deal's per-customer limit then also counts this
   * email's other pending and paid orders (the seed's sample shoppers don't).
   */
  limitPerEmail?: boolean;
  /** Runs inside the order's transaction (checkout empties the cart here). */
  inTransaction?: (tx: Tx, order: typeof schema.orders.$inferSelect) => void;
}

const ORDER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export function newOrderNumber(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ORDER_ALPHABET[b % 32]).join("");
  return `SR-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * Prices the lines on the server (deal prices only while their sale is live),
 * locks the exchange rate, takes the stock and stores a pending order: all
 * in one transaction, so a failed stock take leaves nothing behind.
 */
export function createPendingOrder(input: NewOrder) {
  if (!input.lines.length) throw new OrderError("empty", "An order needs at least one line");
  const rate = latestRate(input.currency);
  if (!rate) throw new OrderError("no_rate", `No exchange rate for ${input.currency}`);
  const now = input.now.getTime();
  const ids = input.lines.map((l) => l.productId);
  const en = alias(schema.productTranslations, "en");
  const products = db
    .select({
      id: schema.products.id,
      storeId: schema.products.storeId,
      categoryId: schema.products.categoryId,
      priceMinor: schema.products.priceMinor,
      currency: schema.products.currency,
      countryCode: schema.stores.countryCode,
      name: en.name,
    })
    .from(schema.products)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
    .innerJoin(en, and(eq(en.productId, schema.products.id), eq(en.lang, "en")))
    .where(and(inArray(schema.products.id, ids), eq(schema.products.status, "active"), eq(schema.stores.status, "live")))
    .all();
  const byId = new Map(products.map((p) => [p.id, p]));
  const deals = dealCandidates(ids);
  const limits = dealLimits([...deals.values()].flat().map((d) => d.dealId));

  const priced = input.lines.map((line) => {
    const product = byId.get(line.productId);
    if (!product || product.currency !== BASE_CURRENCY || !(line.quantity > 0)) {
      throw new OrderError("unavailable", `Product ${line.productId} cannot be ordered`);
    }
    const price = unitPriceAt(product.priceMinor, deals.get(product.id) ?? [], now);
    const limit = price.deal ? limits.get(price.deal.dealId) : undefined;
    if (limit != null && line.quantity > limit) {
      throw new OrderError("limit", `At most ${limit} of product ${line.productId} per customer`, line.productId);
    }
    const unitPriceMinor = convertMinor(price.unitMinor, BASE_CURRENCY, input.currency, rate.rateMicros);
    return {
      product,
      quantity: line.quantity,
      unitPriceBaseMinor: price.unitMinor,
      unitPriceMinor,
      dealId: price.deal?.dealId ?? null,
      festivalId: price.deal?.festivalId ?? null,
      limit: limit ?? null,
    };
  });
  const email = input.email.trim().toLowerCase();

  return db.transaction((tx) => {
    if (input.limitPerEmail) {
      for (const line of priced) {
        if (line.dealId === null || line.limit === null) continue;
        const already = tx.get<{ n: number | null }>(
          sql`SELECT sum(l.quantity) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
              WHERE l.deal_id = ${line.dealId} AND o.email = ${email} AND o.status IN ('pending', 'paid')`,
        );
        if ((already?.n ?? 0) + line.quantity > line.limit) {
          throw new OrderError("limit", `Deal limit reached for product ${line.product.id}`, line.product.id);
        }
      }
    }
    for (const line of priced) takeStock(tx, line.product.id, line.quantity);
    const totalBaseMinor = priced.reduce((sum, l) => sum + l.unitPriceBaseMinor * l.quantity, 0);
    const totalMinor = priced.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
    const order = tx
      .insert(schema.orders)
      .values({
        number: input.number ?? newOrderNumber(),
        email,
        customerName: input.customerName,
        shippingAddress: input.shippingAddress,
        shippingCountry: input.shippingCountry,
        lang: input.lang,
        status: "pending",
        baseCurrency: BASE_CURRENCY,
        currency: input.currency,
        rateMicros: rate.rateMicros,
        rateAsOf: rate.asOf,
        totalMinor,
        totalBaseMinor,
        paymentProvider: input.paymentProvider,
        expiresAt: new Date(now + PENDING_ORDER_TTL_MS),
        createdAt: input.now,
      })
      .returning()
      .get();
    tx.insert(schema.orderLines)
      .values(
        priced.map((l) => ({
          orderId: order.id,
          productId: l.product.id,
          storeId: l.product.storeId,
          categoryId: l.product.categoryId,
          countryCode: l.product.countryCode,
          productName: l.product.name,
          quantity: l.quantity,
          unitPriceBaseMinor: l.unitPriceBaseMinor,
          unitPriceMinor: l.unitPriceMinor,
          lineTotalBaseMinor: l.unitPriceBaseMinor * l.quantity,
          lineTotalMinor: l.unitPriceMinor * l.quantity,
          dealId: l.dealId,
          festivalId: l.festivalId,
        })),
      )
      .run();
    input.inTransaction?.(tx, order);
    return order;
  });
}

/** Per-customer limits of these deals (null: no limit). */
function dealLimits(dealIds: number[]): Map<number, number | null> {
  if (!dealIds.length) return new Map();
  const rows = db
    .select({ id: schema.festivalDeals.id, limit: schema.festivalDeals.perCustomerLimit })
    .from(schema.festivalDeals)
    .where(inArray(schema.festivalDeals.id, dealIds))
    .all();
  return new Map(rows.map((r) => [r.id, r.limit]));
}

export interface PaymentEvent {
  orderId: number;
  provider: string;
  providerEventId: string;
  type: string;
  payload?: unknown;
  now: Date;
}

export type PaidResult = "paid" | "duplicate_event" | "not_pending" | "needs_refund";

// Fulfilment's statements, prepared once (compiling a Drizzle query per call cost
// more than running it); on the one connection, so they join the open transaction.
let prepared: ReturnType<typeof prepare> | null = null;
function prepare() {
  const { orders, paymentEvents } = schema;
  return {
    storeEvent: db
      .insert(paymentEvents)
      .values({
        provider: sql.placeholder("provider"),
        providerEventId: sql.placeholder("providerEventId"),
        type: sql.placeholder("type"),
        orderId: sql.placeholder("orderId"),
        payload: sql.placeholder("payload"),
        receivedAt: sql.placeholder("receivedAt"),
      })
      .onConflictDoNothing()
      .prepare(),
    markPaid: db
      .update(orders)
      .set({ status: "paid", paidAt: sql`${sql.placeholder("paidAt")}` })
      .where(and(eq(orders.id, sql.placeholder("orderId")), eq(orders.status, "pending")))
      .prepare(),
  };
}

/** Stores a provider event once; false if it was already stored (a resent event). */
function storeEvent(_tx: Tx, event: PaymentEvent): boolean {
  prepared ??= prepare();
  const stored = prepared.storeEvent.run({
    provider: event.provider,
    providerEventId: event.providerEventId,
    type: event.type,
    orderId: event.orderId,
    payload: event.payload ?? null,
    receivedAt: event.now,
  });
  return stored.changes === 1;
}

/**
 * The one fulfilment path. Stores the event by its provider id (a resent
 * event is a no-op), moves the order pending → paid in a guarded update, and
 * adds it to the counters in the same transaction.
 *
 * `revive` is for providers that really took the money (Stripe): if the
 * order was already expired or failed and its stock given back, the stock is
 * taken again (same conditional rule) and the order becomes paid; if the stock
 * is gone meanwhile, the order stays as it is and the result says a refund is
 * needed. The demo provider never revives: a late click on an expired order
 * changes nothing.
 */
export function markOrderPaid(event: PaymentEvent, options: { revive?: boolean } = {}): PaidResult {
  return db.transaction((tx) => {
    if (!storeEvent(tx, event)) return "duplicate_event";
    const updated = prepared!.markPaid.run({ orderId: event.orderId, paidAt: event.now.getTime() });
    if (updated.changes === 1) {
      applyPaidOrder(tx, event.orderId, event.now);
      return "paid";
    }
    if (!options.revive) return "not_pending";
    const order = tx.select().from(schema.orders).where(eq(schema.orders.id, event.orderId)).get();
    if (!order || (order.status !== "expired" && order.status !== "failed") || !order.stockReleasedAt) return "not_pending";
    try {
      // A savepoint: if one line's stock is gone, none is taken, but the event stays stored.
      tx.transaction((inner) => {
        for (const line of tx.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, order.id)).all()) {
          takeStock(inner, line.productId, line.quantity);
        }
      });
    } catch (error) {
      if (error instanceof OutOfStockError) return "needs_refund";
      throw error;
    }
    const revived = tx
      .update(schema.orders)
      .set({ status: "paid", paidAt: event.now, stockReleasedAt: null })
      .where(and(eq(schema.orders.id, order.id), inArray(schema.orders.status, ["expired", "failed"])))
      .run();
    if (revived.changes !== 1) throw new Error(`Order ${order.id} changed while being revived`);
    applyPaidOrder(tx, order.id, event.now);
    return "paid";
  });
}

/** Stores an event that changes no state (e.g. a completed but not yet paid Stripe session). */
export function recordPaymentEvent(event: PaymentEvent): "stored" | "duplicate_event" {
  return db.transaction((tx) => (storeEvent(tx, event) ? "stored" : "duplicate_event"));
}

/**
 * A payment that failed or a provider session that expired: pending → failed
 * or expired in one guarded update, giving the stock back exactly once.
 * Anything but a pending order is left alone (a paid order stays paid).
 */
export function closeOrder(event: PaymentEvent, status: "failed" | "expired"): "closed" | "duplicate_event" | "not_pending" {
  return db.transaction((tx) => {
    if (!storeEvent(tx, event)) return "duplicate_event";
    return releaseOrder(tx, event.orderId, status, event.now) ? "closed" : "not_pending";
  });
}

function releaseOrder(tx: Tx, orderId: number, status: "failed" | "expired", now: Date): boolean {
  const claimed = tx
    .update(schema.orders)
    .set({ status, stockReleasedAt: now })
    .where(and(eq(schema.orders.id, orderId), eq(schema.orders.status, "pending"), sql`${schema.orders.stockReleasedAt} IS NULL`))
    .run();
  if (claimed.changes !== 1) return false;
  for (const line of tx.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, orderId)).all()) {
    returnStock(tx, line.productId, line.quantity);
  }
  return true;
}

/** Records where the provider is collecting the payment, and how long the order may wait for it. */
export function setPaymentRef(orderId: number, ref: string, expiresAt?: Date): void {
  db.update(schema.orders)
    .set(expiresAt ? { paymentRef: ref, expiresAt } : { paymentRef: ref })
    .where(and(eq(schema.orders.id, orderId), eq(schema.orders.status, "pending")))
    .run();
}

/** Expires pending orders past their time limit and gives their stock back, exactly once each. */
export function releaseExpiredOrders(now: Date): number {
  const expired = db
    .select({ id: schema.orders.id })
    .from(schema.orders)
    .where(and(eq(schema.orders.status, "pending"), lt(schema.orders.expiresAt, now)))
    .all();
  let released = 0;
  for (const { id } of expired) {
    if (db.transaction((tx) => releaseOrder(tx, id, "expired", now))) released++;
  }
  return released;
}
