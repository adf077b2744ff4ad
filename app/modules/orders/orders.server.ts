/**
 * Orders: created pending with stock taken, then paid exactly once. Every
 * payment provider (Stripe, the demo provider) ends in `markOrderPaid`.
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
import { returnStock, takeStock } from "../stock/stock.server";

export const PENDING_ORDER_TTL_MS = 30 * 60 * 1000;

export class OrderError extends Error {
  constructor(readonly code: "empty" | "unavailable" | "no_rate", message: string) {
    super(message);
  }
}

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

  const priced = input.lines.map((line) => {
    const product = byId.get(line.productId);
    if (!product || product.currency !== BASE_CURRENCY || !(line.quantity > 0)) {
      throw new OrderError("unavailable", `Product ${line.productId} cannot be ordered`);
    }
    const price = unitPriceAt(product.priceMinor, deals.get(product.id) ?? [], now);
    const unitPriceMinor = convertMinor(price.unitMinor, BASE_CURRENCY, input.currency, rate.rateMicros);
    return {
      product,
      quantity: line.quantity,
      unitPriceBaseMinor: price.unitMinor,
      unitPriceMinor,
      dealId: price.deal?.dealId ?? null,
      festivalId: price.deal?.festivalId ?? null,
    };
  });

  return db.transaction((tx) => {
    for (const line of priced) takeStock(tx, line.product.id, line.quantity);
    const totalBaseMinor = priced.reduce((sum, l) => sum + l.unitPriceBaseMinor * l.quantity, 0);
    const totalMinor = priced.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
    const order = tx
      .insert(schema.orders)
      .values({
        number: input.number ?? newOrderNumber(),
        email: input.email.trim().toLowerCase(),
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

/**
 * The one fulfilment path. Stores the event by its provider id (a resent
 * event is a no-op), moves the order pending → paid in a guarded update, and
 * adds it to the counters in the same transaction.
 */
export function markOrderPaid(event: PaymentEvent): "paid" | "duplicate_event" | "not_pending" {
  return db.transaction((tx) => {
    const stored = tx
      .insert(schema.paymentEvents)
      .values({
        provider: event.provider,
        providerEventId: event.providerEventId,
        type: event.type,
        orderId: event.orderId,
        payload: event.payload ?? null,
        receivedAt: event.now,
      })
      .onConflictDoNothing()
      .run();
    if (stored.changes === 0) return "duplicate_event";
    const updated = tx
      .update(schema.orders)
      .set({ status: "paid", paidAt: event.now })
      .where(and(eq(schema.orders.id, event.orderId), eq(schema.orders.status, "pending")))
      .run();
    if (updated.changes !== 1) return "not_pending";
    applyPaidOrder(tx, event.orderId, event.now);
    return "paid";
  });
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
    db.transaction((tx) => {
      const claimed = tx
        .update(schema.orders)
        .set({ status: "expired", stockReleasedAt: now })
        .where(and(eq(schema.orders.id, id), eq(schema.orders.status, "pending"), sql`${schema.orders.stockReleasedAt} IS NULL`))
        .run();
      if (claimed.changes !== 1) return;
      for (const line of tx.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, id)).all()) {
        returnStock(tx, line.productId, line.quantity);
      }
      released++;
    });
  }
  return released;
}
