import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { readCounters, reconcileCounters } from "~/modules/counters/counters.server";
import { createPendingOrder, markOrderPaid, OrderError, releaseExpiredOrders } from "~/modules/orders/orders.server";
import { OutOfStockError } from "~/modules/stock/stock.server";

function liveProduct(minStock: number) {
  return db
    .select({ id: schema.products.id, stock: schema.products.stock, storeId: schema.products.storeId })
    .from(schema.products)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
    .where(and(eq(schema.stores.status, "live"), eq(schema.products.status, "active")))
    .all()
    .find((p) => p.stock >= minStock)!;
}

const stockOf = (id: number) => db.select().from(schema.products).where(eq(schema.products.id, id)).get()!.stock;

const order = (productId: number, quantity: number, now = new Date()) =>
  createPendingOrder({
    lines: [{ productId, quantity }],
    email: "Test@Example.com",
    customerName: "Test Shopper",
    shippingAddress: { line1: "1 Road" },
    shippingCountry: "KE",
    lang: "en",
    currency: "KES",
    paymentProvider: "demo",
    now,
  });

describe("orders, stock and counters", () => {
  it("takes stock with the pending order and never oversells", () => {
    const product = liveProduct(3);
    const before = stockOf(product.id);
    order(product.id, 2);
    expect(stockOf(product.id)).toBe(before - 2);
    expect(() => order(product.id, before)).toThrow(OutOfStockError);
    expect(stockOf(product.id)).toBe(before - 2); // the failed order left nothing behind
  });

  it("prices on the server in minor units and locks the rate", () => {
    const product = liveProduct(1);
    const created = order(product.id, 1);
    expect(Number.isInteger(created.totalMinor)).toBe(true);
    expect(created.currency).toBe("KES");
    expect(created.rateMicros).toBeGreaterThan(1_000_000);
    expect(created.totalMinor).toBeGreaterThan(created.totalBaseMinor);
  });

  it("marks an order paid exactly once and moves the counters in the same transaction", () => {
    const product = liveProduct(1);
    const created = order(product.id, 1);
    const before = readCounters("store", [String(product.storeId)]).get(String(product.storeId))!;
    const event = { orderId: created.id, provider: "demo", providerEventId: `evt-${created.id}`, type: "payment.succeeded", now: new Date() };
    expect(markOrderPaid(event)).toBe("paid");
    expect(markOrderPaid(event)).toBe("duplicate_event");
    expect(markOrderPaid({ ...event, providerEventId: `evt-${created.id}-again` })).toBe("not_pending");
    const after = readCounters("store", [String(product.storeId)]).get(String(product.storeId))!;
    expect(after.orders).toBe(before.orders + 1);
    expect(after.units).toBe(before.units + 1);
    expect(after.gmv).toBe(before.gmv + created.totalBaseMinor);
    expect(reconcileCounters()).toEqual([]);
  });

  it("returns the stock of an unpaid order once it expires, exactly once", () => {
    const product = liveProduct(2);
    const before = stockOf(product.id);
    const created = order(product.id, 2, new Date(Date.now() - 60 * 60 * 1000));
    expect(stockOf(product.id)).toBe(before - 2);
    expect(releaseExpiredOrders(new Date())).toBeGreaterThanOrEqual(1);
    expect(releaseExpiredOrders(new Date())).toBe(0);
    expect(stockOf(product.id)).toBe(before);
    expect(markOrderPaid({ orderId: created.id, provider: "demo", providerEventId: "late", type: "payment.succeeded", now: new Date() })).toBe("not_pending");
  });

  it("refuses an empty order or a product that cannot be bought", () => {
    expect(() => createPendingOrder({ ...baseInput(), lines: [] })).toThrow(OrderError);
    expect(() => createPendingOrder({ ...baseInput(), lines: [{ productId: 999_999, quantity: 1 }] })).toThrow(OrderError);
  });
});

function baseInput() {
  return {
    email: "a@b.example",
    customerName: "A",
    shippingAddress: {},
    shippingCountry: "GH",
    lang: "en" as const,
    currency: "USD",
    paymentProvider: "demo",
    now: new Date(),
  };
}
