/**
 * Orders: created pending with stock taken, then paid exactly once. Every
 * payment provider (Stripe, the demo provider) ends in `markOrderPaid` (or
 * `closeOrder` for a failed or expired payment); see
 * docs/decisions/0007-payments-and-order-states.md for the state machine.
 * Transactions are synchronous: better-sqlite3 cannot roll back async work.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { db, perArity, schema, statements, transactSync, type Tx } from "~/db.server";
import { env } from "~/env.server";
import { logger } from "../http/log.server";
import { applyPaidOrder } from "../counters/counters.server";
import { dealCandidatesSync } from "../festivals/festivals.server";
import type { Lang } from "../i18n/config";
import { BASE_CURRENCY } from "../money/money";
import { presentMinor } from "../money/presentment";
import { latestRate } from "../money/rates.server";
import { dealApplies, unitPriceAt } from "../pricing/pricing";
import { insertOrderShipments, shipmentsFor } from "../shipping/shipping.server";
import { DealLimitError, DealSoldOutError, OutOfStockError, returnOrderUnits, takeOrderUnits } from "../stock/stock.server";

/** How long a pending order holds its stock: PENDING_ORDER_MINUTES, default 30. */
export const PENDING_ORDER_TTL_MS = env().PENDING_ORDER_MINUTES * 60 * 1000;

export class OrderError extends Error {
  constructor(
    readonly code: "empty" | "unavailable" | "no_rate" | "limit",
    message: string,
    readonly productId?: number,
  ) {
    super(message);
  }
}

export interface NewOrder {
  /**
   * `dealId`: the festival deal the shopper was shown for this line (checkout
   * passes it). If that deal is still live but has fewer units left than the
   * line asks for, the order is refused with DealSoldOutError rather than
   * quietly priced at the regular price.
   */
  lines: { productId: number; quantity: number; dealId?: number | null }[];
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
   * Checkout sets this: a deal's per-customer limit is then enforced over
   * everything this email holds at the deal's price (pending and paid orders,
   * counted in festival_deal_customers for every order; the seed's sample
   * shoppers are counted but not refused).
   */
  limitPerEmail?: boolean;
  /** Runs inside the order's transaction (checkout empties the cart here). */
  inTransaction?: (tx: Tx, order: typeof schema.orders.$inferSelect) => void;
}

const ORDER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// Random bytes drawn in batches: one call to the system's generator per 512 order numbers.
const randomPool = { bytes: Buffer.alloc(0), used: 0 };
function randomOrderBytes(): Buffer {
  if (randomPool.used + 8 > randomPool.bytes.length) {
    randomPool.bytes = randomBytes(4096);
    randomPool.used = 0;
  }
  randomPool.used += 8;
  return randomPool.bytes.subarray(randomPool.used - 8, randomPool.used);
}

export function newOrderNumber(): string {
  const bytes = randomOrderBytes();
  let chars = "";
  // 32 symbols divide 256 evenly, so `% 32` keeps every symbol equally likely.
  for (let i = 0; i < 8; i++) chars += ORDER_ALPHABET[bytes[i] % 32];
  return `SR-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

type OrderRow = typeof schema.orders.$inferSelect;

interface ProductRow {
  id: number;
  storeId: number;
  categoryId: number;
  priceMinor: number;
  currency: string;
  countryCode: string;
  name: string;
}

// Everything placing an order runs per call, prepared once per connection (see
// db/prepared.ts): compiling the Drizzle queries cost far more than running them.
// The SQL is what the Drizzle queries compiled to.
const ordering = statements((client) => ({
  products: perArity(
    client,
    (list) => `select "products"."id" AS id, "products"."store_id" AS storeId, "products"."category_id" AS categoryId,
                 "products"."price_minor" AS priceMinor, "products"."currency" AS currency,
                 "stores"."country_code" AS countryCode, "en"."name" AS name
               from "products"
               inner join "stores" on "stores"."id" = "products"."store_id"
               inner join "product_translations" "en" on ("en"."product_id" = "products"."id" and "en"."lang" = 'en')
               where ("products"."id" in (${list}) and "products"."status" = 'active' and "stores"."status" = 'live')`,
  ),
  insertOrder: client.prepare(
    `insert into "orders" ("id", "number", "email", "customer_name", "shipping_address", "shipping_country", "lang", "status",
       "base_currency", "currency", "rate_micros", "rate_as_of", "total_minor", "total_base_minor", "shipping_minor", "shipping_base_minor",
       "payment_provider", "payment_ref", "expires_at", "paid_at", "stock_released_at", "created_at")
     values (null, @number, @email, @customerName, @shippingAddress, @shippingCountry, @lang, 'pending',
       @baseCurrency, @currency, @rateMicros, @rateAsOf, @totalMinor, @totalBaseMinor, @shippingMinor, @shippingBaseMinor, @paymentProvider,
       null, @expiresAt, null, null, @createdAt)`,
  ),
  insertLine: client.prepare(
    `insert into "order_lines" ("id", "order_id", "product_id", "store_id", "category_id", "country_code", "product_name", "quantity",
       "unit_price_base_minor", "unit_price_minor", "line_total_base_minor", "line_total_minor", "deal_id", "festival_id")
     values (null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
}));

/**
 * Prices the lines on the server (deal prices only while their sale is live
 * and the deal has the units), locks the exchange rate, takes the stock and
 * the deal units and stores a pending order: all in one transaction, so a
 * failed take leaves nothing behind.
 */
export function createPendingOrder(input: NewOrder) {
  if (!input.lines.length) throw new OrderError("empty", "An order needs at least one line");
  const rate = latestRate(input.currency);
  if (!rate) throw new OrderError("no_rate", `No exchange rate for ${input.currency}`);
  const now = input.now.getTime();
  const ids = input.lines.map((l) => l.productId);
  const products = ordering(db).products(ids.length).all(ids) as ProductRow[];
  const byId = new Map(products.map((p) => [p.id, p]));
  const deals = dealCandidatesSync(ids);

  const priced = input.lines.map((line) => {
    const product = byId.get(line.productId);
    if (!product || product.currency !== BASE_CURRENCY || !(line.quantity > 0)) {
      throw new OrderError("unavailable", `Product ${line.productId} cannot be ordered`);
    }
    const candidates = deals.get(product.id) ?? [];
    const price = unitPriceAt(product.priceMinor, candidates, now, line.quantity);
    if (line.dealId != null && price.deal?.dealId !== line.dealId) {
      const shown = candidates.find((d) => d.dealId === line.dealId);
      if (shown && dealApplies(shown, now) && shown.unitsLeft < line.quantity) throw new DealSoldOutError(product.id, shown.dealId);
    }
    const limit = price.deal?.perCustomerLimit;
    if (limit != null && line.quantity > limit) {
      throw new OrderError("limit", `At most ${limit} of product ${line.productId} per customer`, line.productId);
    }
    const unitPriceMinor = presentMinor(price.unitMinor, input.currency, rate.rateMicros);
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
  // One parcel per store, priced on the server from the store's own rates (or the defaults).
  const shipments = shipmentsFor(
    priced.map((l) => ({ storeId: l.product.storeId, storeCountry: l.product.countryCode })),
    input.shippingCountry,
    input.currency,
    rate.rateMicros,
  );
  const shippingMinor = shipments.reduce((sum, s) => sum + s.costMinor, 0);
  const shippingBaseMinor = shipments.reduce((sum, s) => sum + s.costBaseMinor, 0);

  return transactSync(db, (tx) => {
    const inOrder = ordering(tx);
    // The stock rules (app/modules/stock): the shopper's share of each deal (within its limit when
    // checkout asks), product stock and deal units, each one conditional write.
    try {
      takeOrderUnits(
        tx,
        email,
        priced.map((l) => ({
          productId: l.product.id,
          quantity: l.quantity,
          dealId: l.dealId,
          perCustomerLimit: input.limitPerEmail ? l.limit : null,
        })),
      );
    } catch (error) {
      if (error instanceof DealLimitError) throw new OrderError("limit", `Deal limit reached for product ${error.productId}`, error.productId);
      throw error;
    }
    let totalBaseMinor = shippingBaseMinor;
    let totalMinor = shippingMinor;
    for (const l of priced) {
      totalBaseMinor += l.unitPriceBaseMinor * l.quantity;
      totalMinor += l.unitPriceMinor * l.quantity;
    }
    const shippingAddress = JSON.stringify(input.shippingAddress);
    const expiresAt = now + PENDING_ORDER_TTL_MS;
    const number = input.number ?? newOrderNumber();
    const inserted = inOrder.insertOrder.run({
      number,
      email,
      customerName: input.customerName,
      shippingAddress,
      shippingCountry: input.shippingCountry,
      lang: input.lang,
      baseCurrency: BASE_CURRENCY,
      currency: input.currency,
      rateMicros: rate.rateMicros,
      rateAsOf: rate.asOf,
      totalMinor,
      totalBaseMinor,
      shippingMinor,
      shippingBaseMinor,
      paymentProvider: input.paymentProvider,
      expiresAt,
      createdAt: now,
    });
    // The row as stored, as Drizzle's `returning()` would have read it back.
    const order: OrderRow = {
      id: Number(inserted.lastInsertRowid),
      number,
      email,
      customerName: input.customerName,
      shippingAddress: { ...input.shippingAddress },
      shippingCountry: input.shippingCountry,
      lang: input.lang,
      status: "pending",
      baseCurrency: BASE_CURRENCY,
      currency: input.currency,
      rateMicros: rate.rateMicros,
      rateAsOf: rate.asOf,
      totalMinor,
      totalBaseMinor,
      shippingMinor,
      shippingBaseMinor,
      paymentProvider: input.paymentProvider,
      paymentRef: null,
      expiresAt: new Date(expiresAt),
      paidAt: null,
      stockReleasedAt: null,
      createdAt: new Date(now),
    };
    for (const l of priced) {
      inOrder.insertLine.run(
        order.id,
        l.product.id,
        l.product.storeId,
        l.product.categoryId,
        l.product.countryCode,
        l.product.name,
        l.quantity,
        l.unitPriceBaseMinor,
        l.unitPriceMinor,
        l.unitPriceBaseMinor * l.quantity,
        l.unitPriceMinor * l.quantity,
        l.dealId,
        l.festivalId,
      );
    }
    insertOrderShipments(tx, order.id, shipments);
    input.inTransaction?.(tx, order);
    return order;
  });
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

// Fulfilment's statements, prepared once per connection (see db/prepared.ts): compiling a
// Drizzle query per call cost more than running it. Taken from the transaction handle, they run inside it.
const fulfilment = statements((client) => ({
  storeEvent: client.prepare(
    `insert into "payment_events" ("id", "provider", "provider_event_id", "type", "order_id", "payload", "received_at")
     values (null, @provider, @providerEventId, @type, @orderId, @payload, @receivedAt) on conflict do nothing`,
  ),
  markPaid: client.prepare<[number, number]>(`update "orders" set "status" = 'paid', "paid_at" = ? where ("orders"."id" = ? and "orders"."status" = 'pending')`),
}));

/** Stores a provider event once; false if it was already stored (a resent event). */
function storeEvent(tx: Tx, event: PaymentEvent): boolean {
  const stored = fulfilment(tx).storeEvent.run({
    provider: event.provider,
    providerEventId: event.providerEventId,
    type: event.type,
    orderId: event.orderId,
    payload: event.payload == null ? null : JSON.stringify(event.payload),
    receivedAt: event.now.getTime(),
  });
  return stored.changes === 1;
}

/**
 * The one fulfilment path. Stores the event by its provider id (a resent
 * event is a no-op), moves the order pending → paid in a guarded update, and
 * adds it to the counters in the same transaction.
 *
 * `revive` is for providers that really took the money (Stripe): if the
 * order was already expired or failed and its stock given back, the stock and
 * its festival deal units are taken again (same conditional rules) and the
 * order becomes paid; if either is gone meanwhile, the order stays as it is
 * and the result says a refund is needed. The demo provider never revives: a
 * late click on an expired order changes nothing.
 */
export function markOrderPaid(event: PaymentEvent, options: { revive?: boolean } = {}): PaidResult {
  return transactSync(db, (tx) => {
    if (!storeEvent(tx, event)) return "duplicate_event";
    const updated = fulfilment(tx).markPaid.run(event.now.getTime(), event.orderId);
    if (updated.changes === 1) {
      applyPaidOrder(tx, event.orderId, event.now);
      return "paid";
    }
    if (!options.revive) return "not_pending";
    const order = tx.select().from(schema.orders).where(eq(schema.orders.id, event.orderId)).get();
    if (!order || (order.status !== "expired" && order.status !== "failed") || !order.stockReleasedAt) return "not_pending";
    try {
      // A savepoint: if one line's stock or deal units are gone, none is taken, but the event stays stored.
      transactSync(tx, (inner) => takeOrderUnits(inner, order.email, heldLines(inner, order.id)));
    } catch (error) {
      if (error instanceof OutOfStockError || error instanceof DealSoldOutError) {
        // Money was taken for goods that are gone: a person must refund it, so say so loudly.
        logger().error(
          { orderNumber: order.number, provider: event.provider, amountMinor: order.totalMinor, currency: order.currency, providerEventId: event.providerEventId },
          "paid order needs a refund: its stock or festival-price units went to others while it was unpaid",
        );
        return "needs_refund";
      }
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
  return transactSync(db, (tx) => (storeEvent(tx, event) ? "stored" : "duplicate_event"));
}

/**
 * A payment that failed or a provider session that expired: pending → failed
 * or expired in one guarded update, giving the stock (and any festival deal
 * units) back exactly once.
 * Anything but a pending order is left alone (a paid order stays paid).
 */
export function closeOrder(event: PaymentEvent, status: "failed" | "expired"): "closed" | "duplicate_event" | "not_pending" {
  return transactSync(db, (tx) => {
    if (!storeEvent(tx, event)) return "duplicate_event";
    return releaseOrder(tx, event.orderId, status, event.now) ? "closed" : "not_pending";
  });
}

function releaseOrder(tx: Tx, orderId: number, status: "failed" | "expired", now: Date): boolean {
  const claimed = tx
    .update(schema.orders)
    .set({ status, stockReleasedAt: now })
    .where(and(eq(schema.orders.id, orderId), eq(schema.orders.status, "pending"), sql`${schema.orders.stockReleasedAt} IS NULL`))
    .returning({ email: schema.orders.email })
    .get();
  if (!claimed) return false;
  returnOrderUnits(tx, claimed.email, heldLines(tx, orderId));
  return true;
}

/** What an order holds: each line's product units and, for a deal line, the deal's units. */
function heldLines(tx: Tx, orderId: number) {
  return tx
    .select({ productId: schema.orderLines.productId, quantity: schema.orderLines.quantity, dealId: schema.orderLines.dealId })
    .from(schema.orderLines)
    .where(eq(schema.orderLines.orderId, orderId))
    .all();
}

/** Records where the provider is collecting the payment, and how long the order may wait for it. */
export function setPaymentRef(orderId: number, ref: string, expiresAt?: Date): void {
  db.update(schema.orders)
    .set(expiresAt ? { paymentRef: ref, expiresAt } : { paymentRef: ref })
    .where(and(eq(schema.orders.id, orderId), eq(schema.orders.status, "pending")))
    .run();
}

/** Expires pending orders past their time limit and gives their stock and deal units back, exactly once each. */
export function releaseExpiredOrders(now: Date): number {
  const expired = db
    .select({ id: schema.orders.id })
    .from(schema.orders)
    .where(and(eq(schema.orders.status, "pending"), lt(schema.orders.expiresAt, now)))
    .all();
  let released = 0;
  for (const { id } of expired) {
    if (transactSync(db, (tx) => releaseOrder(tx, id, "expired", now))) released++;
  }
  return released;
}
