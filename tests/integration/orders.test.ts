import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema, transactSync } from "~/db.server";
import { readCounters, reconcileCounters } from "~/modules/counters/counters.server";
import { closeOrder, createPendingOrder, markOrderPaid, OrderError, releaseExpiredOrders } from "~/modules/orders/orders.server";
import { DealSoldOutError, OutOfStockError, reconcileDealUnits, takeDealUnits } from "~/modules/stock/stock.server";
import { dealProduct, dealUnits, setDealUnitsLeft } from "./fixtures";

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
    // GMV counts goods, not shipping (decision 0017).
    expect(after.gmv).toBe(before.gmv + created.totalBaseMinor - created.shippingBaseMinor);
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

describe("a festival deal's committed stock", () => {
  const dealOrder = (productId: number, quantity: number, dealId?: number) =>
    createPendingOrder({ ...baseInput(), email: `deal-${Math.random()}@example.com`, lines: [{ productId, quantity, dealId }] });
  const linesOf = (orderId: number) => db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, orderId)).all();
  const expire = (orderId: number) => {
    db.update(schema.orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.orders.id, orderId)).run();
    releaseExpiredOrders(new Date());
  };

  it("sells exactly the committed units at the deal price, then the regular price", () => {
    const product = dealProduct(10, false);
    const dealId = product.deal!.dealId;
    setDealUnitsLeft(dealId, 3);
    const { taken } = dealUnits(dealId);
    const first = dealOrder(product.id, 2);
    expect(linesOf(first.id)[0]).toMatchObject({ dealId, unitPriceBaseMinor: product.deal!.unitMinor });
    expect(dealUnits(dealId).taken).toBe(taken + 2);
    // One left, two asked for: a line has one price, so the deal does not price it…
    const stockBefore = stockOf(product.id);
    const regular = dealOrder(product.id, 2);
    expect(linesOf(regular.id)[0]).toMatchObject({ dealId: null, unitPriceBaseMinor: product.priceMinor });
    expect(dealUnits(dealId).taken).toBe(taken + 2);
    expect(stockOf(product.id)).toBe(stockBefore - 2);
    // …and a caller that was shown the deal (checkout) is refused instead, with nothing taken.
    expect(() => dealOrder(product.id, 2, dealId)).toThrow(DealSoldOutError);
    expect(stockOf(product.id)).toBe(stockBefore - 2);
    const last = dealOrder(product.id, 1, dealId);
    expect(linesOf(last.id)[0].dealId).toBe(dealId);
    expect(dealUnits(dealId)).toMatchObject({ taken: taken + 3, left: 0 });
    expect(linesOf(dealOrder(product.id, 1).id)[0].dealId).toBeNull();
    expect(() => dealOrder(product.id, 1, dealId)).toThrow(DealSoldOutError);
    expect(reconcileDealUnits()).toEqual([]);
  });

  it("takes deal units with one conditional update that refuses to pass the committed stock", () => {
    const product = dealProduct(5, undefined, 1);
    const dealId = product.deal!.dealId;
    setDealUnitsLeft(dealId, 2);
    const before = dealUnits(dealId);
    expect(() => transactSync(db, (tx) => takeDealUnits(tx, dealId, product.id, 3))).toThrow(DealSoldOutError);
    expect(dealUnits(dealId)).toEqual(before);
    transactSync(db, (tx) => takeDealUnits(tx, dealId, product.id, 2));
    expect(dealUnits(dealId)).toMatchObject({ taken: before.taken + 2, left: 0 });
    expect(() => transactSync(db, (tx) => takeDealUnits(tx, dealId, product.id, 1))).toThrow(DealSoldOutError);
    // Put back what this test took outside an order, so the count matches the orders again.
    db.update(schema.festivalDeals).set({ unitsTaken: before.taken }).where(eq(schema.festivalDeals.id, dealId)).run();
    expect(reconcileDealUnits()).toEqual([]);
  });

  it("gives deal units back once when an order expires or fails, however often the sweep runs", () => {
    const product = dealProduct(10, false, 1);
    const dealId = product.deal!.dealId;
    setDealUnitsLeft(dealId, 5);
    const { taken } = dealUnits(dealId);
    const expiring = dealOrder(product.id, 2);
    const failing = dealOrder(product.id, 1);
    expect(dealUnits(dealId).taken).toBe(taken + 3);
    expire(expiring.id);
    releaseExpiredOrders(new Date());
    releaseExpiredOrders(new Date(Date.now() + 1000));
    expect(dealUnits(dealId).taken).toBe(taken + 1);
    const event = { orderId: failing.id, provider: "demo", providerEventId: `fail-${failing.id}`, type: "payment.failed", now: new Date() };
    expect(closeOrder(event, "failed")).toBe("closed");
    expect(closeOrder({ ...event, providerEventId: `fail-${failing.id}-again` }, "failed")).toBe("not_pending");
    expect(closeOrder(event, "failed")).toBe("duplicate_event");
    expire(failing.id);
    expect(dealUnits(dealId).taken).toBe(taken);
    expect(reconcileDealUnits()).toEqual([]);
  });

  it("revives a late-paid order only if its deal units are still there, else asks for a refund", () => {
    const product = dealProduct(10, false, 2);
    const dealId = product.deal!.dealId;
    setDealUnitsLeft(dealId, 1);
    const { taken } = dealUnits(dealId);
    const late = dealOrder(product.id, 1);
    expire(late.id);
    expect(dealUnits(dealId).taken).toBe(taken);
    const stripe = (orderId: number) => ({ orderId, provider: "stripe", providerEventId: `evt-deal-${orderId}`, type: "checkout.session.completed", now: new Date() });
    expect(markOrderPaid(stripe(late.id), { revive: true })).toBe("paid");
    expect(dealUnits(dealId)).toMatchObject({ taken: taken + 1, left: 0 });

    // The only unit left goes to someone else while this order waits: no oversell, a refund instead.
    setDealUnitsLeft(dealId, 1);
    const lost = dealOrder(product.id, 1);
    expire(lost.id);
    const other = dealOrder(product.id, 1);
    const stock = stockOf(product.id);
    expect(markOrderPaid(stripe(lost.id), { revive: true })).toBe("needs_refund");
    expect(db.select().from(schema.orders).where(eq(schema.orders.id, lost.id)).get()!.status).toBe("expired");
    // The savepoint rolled back the product stock it had taken before the deal units failed.
    expect(stockOf(product.id)).toBe(stock);
    expect(dealUnits(dealId).left).toBe(0);
    expect(linesOf(other.id)[0].dealId).toBe(dealId);
    expect(reconcileDealUnits()).toEqual([]);
    expect(reconcileCounters()).toEqual([]);
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
