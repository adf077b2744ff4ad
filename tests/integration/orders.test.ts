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

  it("gives back exactly the stock of abandoned orders, once, however often the sweep runs", () => {
    const product = liveProduct(12);
    const before = stockOf(product.id);
    const past = new Date(Date.now() - 31 * 60 * 1000);
    const abandoned = [order(product.id, 1, past), order(product.id, 3, past), order(product.id, 2, past)];
    const fresh = order(product.id, 4); // still inside its time limit
    expect(stockOf(product.id)).toBe(before - 10);
    const now = new Date();
    const released = [releaseExpiredOrders(now), releaseExpiredOrders(now), releaseExpiredOrders(new Date(now.getTime() + 1000))];
    expect(released[0]).toBeGreaterThanOrEqual(3);
    expect(released.slice(1)).toEqual([0, 0]);
    expect(stockOf(product.id)).toBe(before - 4);
    for (const o of abandoned) {
      const row = db.select().from(schema.orders).where(eq(schema.orders.id, o.id)).get()!;
      expect(row.status).toBe("expired");
      expect(row.stockReleasedAt).not.toBeNull();
    }
    expect(db.select().from(schema.orders).where(eq(schema.orders.id, fresh.id)).get()!.status).toBe("pending");
  });

  it("revives an expired order only for a provider that really took the money, and only if the stock is still there", () => {
    const product = liveProduct(3);
    const created = order(product.id, 1, new Date(Date.now() - 31 * 60 * 1000));
    releaseExpiredOrders(new Date());
    const before = stockOf(product.id);
    const event = { orderId: created.id, provider: "stripe", providerEventId: `evt-revive-${created.id}`, type: "checkout.session.completed", now: new Date() };
    expect(markOrderPaid({ ...event, provider: "demo" })).toBe("not_pending");
    expect(markOrderPaid(event, { revive: true })).toBe("paid");
    expect(stockOf(product.id)).toBe(before - 1);
    const other = order(product.id, 1, new Date(Date.now() - 31 * 60 * 1000));
    releaseExpiredOrders(new Date());
    db.update(schema.products).set({ stock: 0 }).where(eq(schema.products.id, product.id)).run();
    expect(markOrderPaid({ ...event, orderId: other.id, providerEventId: `evt-revive-${other.id}` }, { revive: true })).toBe("needs_refund");
    expect(stockOf(product.id)).toBe(0);
    expect(reconcileCounters()).toEqual([]);
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
