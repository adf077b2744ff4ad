/**
 * Orders: created pending with stock taken, then paid exactly once. Every
 * payment provider (Stripe, the demo provider) ends in `markOrderPaid` (or
 * `closeOrder` for a failed or expired payment); see
 * docs/decisions/0007-payments-and-order-states.md for the state machine.
 * Every write runs inside `transact` and through its handle `tx`
 * (docs/decisions/0026-one-asynchronous-data-layer.md).
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, transact, type Tx } from "~/db.server";
import { env } from "~/env.server";
import { logger } from "../http/log.server";
import { applyPaidOrder } from "../counters/counters.server";
import { dealCandidates } from "../festivals/festivals.server";
import type { Lang } from "../i18n/config";
import { BASE_CURRENCY } from "../money/money";
import { presentMinor } from "../money/presentment";
import { latestRate } from "../money/rates.server";
import { lineFunding } from "../pricing/funding";
import { dealApplies, unitPriceAt } from "../pricing/pricing";
import { insertOrderShipments, shipmentsFor } from "../shipping/shipping.server";
import type { LandingSource } from "./source";
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
  /** Where the shopper landed from (the cart's utm values), for orders by source. */
  source?: LandingSource | null;
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
  /** Runs inside the order's transaction, with its handle (checkout empties the cart here). */
  inTransaction?: (tx: Tx, order: typeof schema.orders.$inferSelect) => Promise<void>;
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

const { orders, orderLines, paymentEvents, products, stores, productTranslations } = schema;
const englishName = alias(productTranslations, "en");

/** The products of an order's lines that can be ordered now (active, store live), with what a line keeps of them. */
function orderableProducts(ids: number[]) {
  return db
    .select({
      id: products.id,
      storeId: products.storeId,
      categoryId: products.categoryId,
      priceMinor: products.priceMinor,
      currency: products.currency,
      countryCode: stores.countryCode,
      name: englishName.name,
    })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .innerJoin(englishName, and(eq(englishName.productId, products.id), eq(englishName.lang, "en")))
    .where(and(inArray(products.id, ids), eq(products.status, "active"), eq(stores.status, "live")));
}

/**
 * Prices the lines on the server (deal prices only while their sale is live
 * and the deal has the units), locks the exchange rate, takes the stock and
 * the deal units and stores a pending order: all in one transaction, so a
 * failed take leaves nothing behind.
 */
export async function createPendingOrder(input: NewOrder) {
  if (!input.lines.length) throw new OrderError("empty", "An order needs at least one line");
  const rate = await latestRate(input.currency);
  if (!rate) throw new OrderError("no_rate", `No exchange rate for ${input.currency}`);
  const now = input.now.getTime();
  const ids = input.lines.map((l) => l.productId);
  const byId = new Map((await orderableProducts(ids)).map((p) => [p.id, p]));
  const deals = await dealCandidates(ids);

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
    // Who funds the discount is fixed at approval, so the line locks it now, at the price it is sold at.
    const funding = price.deal ? candidates.find((d) => d.dealId === price.deal?.dealId)?.funding : undefined;
    return {
      funding: lineFunding(price.regularMinor, price.unitMinor, line.quantity, funding ?? null),
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
  const shipments = await shipmentsFor(
    priced.map((l) => ({ storeId: l.product.storeId, storeCountry: l.product.countryCode })),
    input.shippingCountry,
    input.currency,
    rate.rateMicros,
  );
  const shippingMinor = shipments.reduce((sum, s) => sum + s.costMinor, 0);
  const shippingBaseMinor = shipments.reduce((sum, s) => sum + s.costBaseMinor, 0);

  let totalBaseMinor = shippingBaseMinor;
  let totalMinor = shippingMinor;
  for (const l of priced) {
    totalBaseMinor += l.unitPriceBaseMinor * l.quantity;
    totalMinor += l.unitPriceMinor * l.quantity;
  }

  return transact(db, async (tx) => {
    // The stock rules (app/modules/stock): the shopper's share of each deal (within its limit when
    // checkout asks), product stock and deal units, each one conditional write.
    try {
      await takeOrderUnits(
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
    const [order] = await tx
      .insert(orders)
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
        shippingMinor,
        shippingBaseMinor,
        paymentProvider: input.paymentProvider,
        source: input.source?.source ?? null,
        medium: input.source?.medium ?? null,
        expiresAt: new Date(now + PENDING_ORDER_TTL_MS),
        createdAt: input.now,
      })
      .returning();
    await tx.insert(orderLines).values(
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
        discountPerUnitBaseMinor: l.funding.discountPerUnitMinor,
        subsidyBaseMinor: l.funding.subsidyMinor,
        dealId: l.dealId,
        festivalId: l.festivalId,
      })),
    );
    await insertOrderShipments(tx, order.id, shipments);
    await input.inTransaction?.(tx, order);
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

/** Stores a provider event once; false if it was already stored (a resent event). */
async function storeEvent(tx: Tx, event: PaymentEvent): Promise<boolean> {
  const stored = await tx
    .insert(paymentEvents)
    .values({
      provider: event.provider,
      providerEventId: event.providerEventId,
      type: event.type,
      orderId: event.orderId,
      payload: event.payload ?? null,
      receivedAt: event.now,
    })
    .onConflictDoNothing()
    .returning({ id: paymentEvents.id });
  return stored.length === 1;
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
export function markOrderPaid(event: PaymentEvent, options: { revive?: boolean } = {}): Promise<PaidResult> {
  return transact(db, async (tx): Promise<PaidResult> => {
    if (!(await storeEvent(tx, event))) return "duplicate_event";
    const paid = await tx
      .update(orders)
      .set({ status: "paid", paidAt: event.now })
      .where(and(eq(orders.id, event.orderId), eq(orders.status, "pending")))
      .returning({ id: orders.id });
    if (paid.length === 1) {
      await applyPaidOrder(tx, event.orderId, event.now);
      return "paid";
    }
    if (!options.revive) return "not_pending";
    const [order] = await tx.select().from(orders).where(eq(orders.id, event.orderId)).limit(1);
    if (!order || (order.status !== "expired" && order.status !== "failed") || !order.stockReleasedAt) return "not_pending";
    try {
      // A savepoint: if one line's stock or deal units are gone, none is taken, but the event stays stored.
      await transact(tx, async (inner) => takeOrderUnits(inner, order.email, await heldLines(inner, order.id)));
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
    const revived = await tx
      .update(orders)
      .set({ status: "paid", paidAt: event.now, stockReleasedAt: null })
      .where(and(eq(orders.id, order.id), inArray(orders.status, ["expired", "failed"])))
      .returning({ id: orders.id });
    if (revived.length !== 1) throw new Error(`Order ${order.id} changed while being revived`);
    await applyPaidOrder(tx, order.id, event.now);
    return "paid";
  });
}

/** Stores an event that changes no state (e.g. a completed but not yet paid Stripe session). */
export function recordPaymentEvent(event: PaymentEvent): Promise<"stored" | "duplicate_event"> {
  return transact(db, async (tx) => ((await storeEvent(tx, event)) ? "stored" : "duplicate_event"));
}

/**
 * A payment that failed or a provider session that expired: pending → failed
 * or expired in one guarded update, giving the stock (and any festival deal
 * units) back exactly once.
 * Anything but a pending order is left alone (a paid order stays paid).
 */
export function closeOrder(event: PaymentEvent, status: "failed" | "expired"): Promise<"closed" | "duplicate_event" | "not_pending"> {
  return transact(db, async (tx) => {
    if (!(await storeEvent(tx, event))) return "duplicate_event";
    return (await releaseOrder(tx, event.orderId, status, event.now)) ? "closed" : "not_pending";
  });
}

/**
 * Claims a pending order for release in one guarded update (still pending, stock not yet
 * given back) and, only if this call claimed it, gives its units back: on any number of
 * servers sweeping at once, each order's units come back once.
 */
async function releaseOrder(tx: Tx, orderId: number, status: "failed" | "expired", now: Date): Promise<boolean> {
  const [claimed] = await tx
    .update(orders)
    .set({ status, stockReleasedAt: now })
    .where(and(eq(orders.id, orderId), eq(orders.status, "pending"), isNull(orders.stockReleasedAt)))
    .returning({ email: orders.email });
  if (!claimed) return false;
  await returnOrderUnits(tx, claimed.email, await heldLines(tx, orderId));
  return true;
}

/** What an order holds: each line's product units and, for a deal line, the deal's units. */
function heldLines(tx: Tx, orderId: number) {
  return tx
    .select({ productId: orderLines.productId, quantity: orderLines.quantity, dealId: orderLines.dealId })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
}

/** Records where the provider is collecting the payment, and how long the order may wait for it. */
export async function setPaymentRef(orderId: number, ref: string, expiresAt?: Date): Promise<void> {
  await transact(db, async (tx) => {
    await tx
      .update(orders)
      .set(expiresAt ? { paymentRef: ref, expiresAt } : { paymentRef: ref })
      .where(and(eq(orders.id, orderId), eq(orders.status, "pending")));
  });
}

/**
 * Expires pending orders past their time limit and gives their stock and deal units back,
 * exactly once each (releaseOrder's guarded update), however many servers sweep at once.
 * One transaction per order, so a sweep never holds the writer for long.
 */
export async function releaseExpiredOrders(now: Date): Promise<number> {
  const expired = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "pending"), lt(orders.expiresAt, now)));
  let released = 0;
  for (const { id } of expired) {
    if (await transact(db, (tx) => releaseOrder(tx, id, "expired", now))) released++;
  }
  return released;
}
