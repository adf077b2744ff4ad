import { spawn } from "node:child_process";
import { and, eq, like, lt, lte } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, isPostgres, schema, transact } from "~/db.server";
import { CART_MAX_AGE_MS } from "~/modules/cart/cart.server";
import { readCounters, reconcileCounters } from "~/modules/counters/counters.server";
import { closeOrder, createPendingOrder, markOrderPaid, OrderError, releaseExpiredOrders } from "~/modules/orders/orders.server";
import { DealSoldOutError, OutOfStockError, reconcileDealUnits, takeDealUnits } from "~/modules/stock/stock.server";
import { dealProduct, dealUnits, setDealUnitsLeft } from "./fixtures";

async function liveProduct(minStock: number) {
  const products = await db
    .select({ id: schema.products.id, stock: schema.products.stock, storeId: schema.products.storeId })
    .from(schema.products)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
    .where(and(eq(schema.stores.status, "live"), eq(schema.products.status, "active")));
  return products.find((p) => p.stock >= minStock)!;
}

const stockOf = async (id: number) => (await db.select().from(schema.products).where(eq(schema.products.id, id)))[0].stock;
const orderRow = async (id: number) => (await db.select().from(schema.orders).where(eq(schema.orders.id, id)))[0];

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
  it("takes stock with the pending order and never oversells", async () => {
    const product = await liveProduct(3);
    const before = await stockOf(product.id);
    await order(product.id, 2);
    expect(await stockOf(product.id)).toBe(before - 2);
    await expect(order(product.id, before)).rejects.toThrow(OutOfStockError);
    expect(await stockOf(product.id)).toBe(before - 2); // the failed order left nothing behind
  });

  it("prices on the server in minor units and locks the rate", async () => {
    const product = await liveProduct(1);
    const created = await order(product.id, 1);
    expect(Number.isInteger(created.totalMinor)).toBe(true);
    expect(created.currency).toBe("KES");
    expect(created.rateMicros).toBeGreaterThan(1_000_000);
    expect(created.totalMinor).toBeGreaterThan(created.totalBaseMinor);
  });

  it("marks an order paid exactly once and moves the counters in the same transaction", async () => {
    const product = await liveProduct(1);
    const created = await order(product.id, 1);
    const before = (await readCounters("store", [String(product.storeId)])).get(String(product.storeId))!;
    const event = { orderId: created.id, provider: "demo", providerEventId: `evt-${created.id}`, type: "payment.succeeded", now: new Date() };
    expect(await markOrderPaid(event)).toBe("paid");
    expect(await markOrderPaid(event)).toBe("duplicate_event");
    expect(await markOrderPaid({ ...event, providerEventId: `evt-${created.id}-again` })).toBe("not_pending");
    const after = (await readCounters("store", [String(product.storeId)])).get(String(product.storeId))!;
    expect(after.orders).toBe(before.orders + 1);
    expect(after.units).toBe(before.units + 1);
    // GMV counts goods, not shipping (decision 0017).
    expect(after.gmv).toBe(before.gmv + created.totalBaseMinor - created.shippingBaseMinor);
    expect(await reconcileCounters()).toEqual([]);
  });

  it("returns the stock of an unpaid order once it expires, exactly once", async () => {
    const product = await liveProduct(2);
    const before = await stockOf(product.id);
    const created = await order(product.id, 2, new Date(Date.now() - 60 * 60 * 1000));
    expect(await stockOf(product.id)).toBe(before - 2);
    expect(await releaseExpiredOrders(new Date())).toBeGreaterThanOrEqual(1);
    expect(await releaseExpiredOrders(new Date())).toBe(0);
    expect(await stockOf(product.id)).toBe(before);
    expect(await markOrderPaid({ orderId: created.id, provider: "demo", providerEventId: "late", type: "payment.succeeded", now: new Date() })).toBe("not_pending");
  });

  it("gives back exactly the stock of abandoned orders, once, however often the sweep runs", async () => {
    const product = await liveProduct(12);
    const before = await stockOf(product.id);
    const past = new Date(Date.now() - 31 * 60 * 1000);
    const abandoned = [await order(product.id, 1, past), await order(product.id, 3, past), await order(product.id, 2, past)];
    const fresh = await order(product.id, 4); // still inside its time limit
    expect(await stockOf(product.id)).toBe(before - 10);
    const now = new Date();
    const released = [await releaseExpiredOrders(now), await releaseExpiredOrders(now), await releaseExpiredOrders(new Date(now.getTime() + 1000))];
    expect(released[0]).toBeGreaterThanOrEqual(3);
    expect(released.slice(1)).toEqual([0, 0]);
    expect(await stockOf(product.id)).toBe(before - 4);
    for (const o of abandoned) {
      const row = await orderRow(o.id);
      expect(row.status).toBe("expired");
      expect(row.stockReleasedAt).not.toBeNull();
    }
    expect((await orderRow(fresh.id)).status).toBe("pending");
  });

  it("revives an expired order only for a provider that really took the money, and only if the stock is still there", async () => {
    const product = await liveProduct(3);
    const created = await order(product.id, 1, new Date(Date.now() - 31 * 60 * 1000));
    await releaseExpiredOrders(new Date());
    const before = await stockOf(product.id);
    const event = { orderId: created.id, provider: "stripe", providerEventId: `evt-revive-${created.id}`, type: "checkout.session.completed", now: new Date() };
    expect(await markOrderPaid({ ...event, provider: "demo" })).toBe("not_pending");
    expect(await markOrderPaid(event, { revive: true })).toBe("paid");
    expect(await stockOf(product.id)).toBe(before - 1);
    const other = await order(product.id, 1, new Date(Date.now() - 31 * 60 * 1000));
    await releaseExpiredOrders(new Date());
    await transact(db, (tx) => tx.update(schema.products).set({ stock: 0 }).where(eq(schema.products.id, product.id)));
    expect(await markOrderPaid({ ...event, orderId: other.id, providerEventId: `evt-revive-${other.id}` }, { revive: true })).toBe("needs_refund");
    expect(await stockOf(product.id)).toBe(0);
    expect(await reconcileCounters()).toEqual([]);
  });

  it("refuses an empty order or a product that cannot be bought", async () => {
    await expect(createPendingOrder({ ...baseInput(), lines: [] })).rejects.toThrow(OrderError);
    await expect(createPendingOrder({ ...baseInput(), lines: [{ productId: 999_999, quantity: 1 }] })).rejects.toThrow(OrderError);
  });
});

describe("a festival deal's committed stock", () => {
  const dealOrder = (productId: number, quantity: number, dealId?: number) =>
    createPendingOrder({ ...baseInput(), email: `deal-${Math.random()}@example.com`, lines: [{ productId, quantity, dealId }] });
  const linesOf = (orderId: number) => db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, orderId));
  const expire = async (orderId: number) => {
    await transact(db, (tx) => tx.update(schema.orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.orders.id, orderId)));
    await releaseExpiredOrders(new Date());
  };

  it("sells exactly the committed units at the deal price, then the regular price", async () => {
    const product = await dealProduct(10, false);
    const dealId = product.deal!.dealId;
    await setDealUnitsLeft(dealId, 3);
    const { taken } = await dealUnits(dealId);
    const first = await dealOrder(product.id, 2);
    expect((await linesOf(first.id))[0]).toMatchObject({ dealId, unitPriceBaseMinor: product.deal!.unitMinor });
    expect((await dealUnits(dealId)).taken).toBe(taken + 2);
    // One left, two asked for: a line has one price, so the deal does not price it…
    const stockBefore = await stockOf(product.id);
    const regular = await dealOrder(product.id, 2);
    expect((await linesOf(regular.id))[0]).toMatchObject({ dealId: null, unitPriceBaseMinor: product.priceMinor });
    expect((await dealUnits(dealId)).taken).toBe(taken + 2);
    expect(await stockOf(product.id)).toBe(stockBefore - 2);
    // …and a caller that was shown the deal (checkout) is refused instead, with nothing taken.
    await expect(dealOrder(product.id, 2, dealId)).rejects.toThrow(DealSoldOutError);
    expect(await stockOf(product.id)).toBe(stockBefore - 2);
    const last = await dealOrder(product.id, 1, dealId);
    expect((await linesOf(last.id))[0].dealId).toBe(dealId);
    expect(await dealUnits(dealId)).toMatchObject({ taken: taken + 3, left: 0 });
    expect((await linesOf((await dealOrder(product.id, 1)).id))[0].dealId).toBeNull();
    await expect(dealOrder(product.id, 1, dealId)).rejects.toThrow(DealSoldOutError);
    expect(await reconcileDealUnits()).toEqual([]);
  });

  it("takes deal units with one conditional update that refuses to pass the committed stock", async () => {
    const product = await dealProduct(5, undefined, 1);
    const dealId = product.deal!.dealId;
    await setDealUnitsLeft(dealId, 2);
    const before = await dealUnits(dealId);
    await expect(transact(db, (tx) => takeDealUnits(tx, dealId, product.id, 3))).rejects.toThrow(DealSoldOutError);
    expect(await dealUnits(dealId)).toEqual(before);
    await transact(db, (tx) => takeDealUnits(tx, dealId, product.id, 2));
    expect(await dealUnits(dealId)).toMatchObject({ taken: before.taken + 2, left: 0 });
    await expect(transact(db, (tx) => takeDealUnits(tx, dealId, product.id, 1))).rejects.toThrow(DealSoldOutError);
    // Put back what this test took outside an order, so the count matches the orders again.
    await transact(db, (tx) => tx.update(schema.festivalDeals).set({ unitsTaken: before.taken }).where(eq(schema.festivalDeals.id, dealId)));
    expect(await reconcileDealUnits()).toEqual([]);
  });

  it("gives deal units back once when an order expires or fails, however often the sweep runs", async () => {
    const product = await dealProduct(10, false, 1);
    const dealId = product.deal!.dealId;
    await setDealUnitsLeft(dealId, 5);
    const { taken } = await dealUnits(dealId);
    const expiring = await dealOrder(product.id, 2);
    const failing = await dealOrder(product.id, 1);
    expect((await dealUnits(dealId)).taken).toBe(taken + 3);
    await expire(expiring.id);
    await releaseExpiredOrders(new Date());
    await releaseExpiredOrders(new Date(Date.now() + 1000));
    expect((await dealUnits(dealId)).taken).toBe(taken + 1);
    const event = { orderId: failing.id, provider: "demo", providerEventId: `fail-${failing.id}`, type: "payment.failed", now: new Date() };
    expect(await closeOrder(event, "failed")).toBe("closed");
    expect(await closeOrder({ ...event, providerEventId: `fail-${failing.id}-again` }, "failed")).toBe("not_pending");
    expect(await closeOrder(event, "failed")).toBe("duplicate_event");
    await expire(failing.id);
    expect((await dealUnits(dealId)).taken).toBe(taken);
    expect(await reconcileDealUnits()).toEqual([]);
  });

  it("revives a late-paid order only if its deal units are still there, else asks for a refund", async () => {
    const product = await dealProduct(10, false, 2);
    const dealId = product.deal!.dealId;
    await setDealUnitsLeft(dealId, 1);
    const { taken } = await dealUnits(dealId);
    const late = await dealOrder(product.id, 1);
    await expire(late.id);
    expect((await dealUnits(dealId)).taken).toBe(taken);
    const stripe = (orderId: number) => ({ orderId, provider: "stripe", providerEventId: `evt-deal-${orderId}`, type: "checkout.session.completed", now: new Date() });
    expect(await markOrderPaid(stripe(late.id), { revive: true })).toBe("paid");
    expect(await dealUnits(dealId)).toMatchObject({ taken: taken + 1, left: 0 });

    // The only unit left goes to someone else while this order waits: no oversell, a refund instead.
    await setDealUnitsLeft(dealId, 1);
    const lost = await dealOrder(product.id, 1);
    await expire(lost.id);
    const other = await dealOrder(product.id, 1);
    const stock = await stockOf(product.id);
    expect(await markOrderPaid(stripe(lost.id), { revive: true })).toBe("needs_refund");
    expect((await orderRow(lost.id)).status).toBe("expired");
    // The savepoint rolled back the product stock it had taken before the deal units failed.
    expect(await stockOf(product.id)).toBe(stock);
    expect((await dealUnits(dealId)).left).toBe(0);
    expect((await linesOf(other.id))[0].dealId).toBe(dealId);
    expect(await reconcileDealUnits()).toEqual([]);
    expect(await reconcileCounters()).toEqual([]);
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

/**
 * A process of its own (its own connection to this test's database file): waits for "go",
 * then runs the expiry sweep and the purge once, and prints what it released and purged.
 */
const SWEEPER = `
const { releaseExpiredOrders } = await import("./app/modules/orders/orders.server.ts");
const { purgeExpired } = await import("./app/modules/maintenance/purge.server.ts");
const now = new Date(Number(process.argv[1]));
process.stdout.write("ready\\n");
process.stdin.once("data", async () => {
  const released = await releaseExpiredOrders(now);
  const { carts } = await purgeExpired(now);
  process.stdout.write(JSON.stringify({ released, carts }) + "\\n");
  process.exit(0);
});`;

function startSweeper(now: Date) {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SWEEPER, String(now.getTime())], {
    env: { ...process.env, ...(isPostgres(db) ? {} : { DATABASE_PATH: db.$client.name }), LOG_LEVEL: "silent" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines: string[] = [];
  let out = "";
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    for (let nl = out.indexOf("\n"); nl >= 0; nl = out.indexOf("\n")) {
      lines.push(out.slice(0, nl));
      out = out.slice(nl + 1);
      waiters.splice(0).forEach((w) => w());
    }
  });
  const line = async (n: number) => {
    while (lines.length < n) {
      if (child.exitCode !== null) throw new Error(`sweeper exited (${child.exitCode}) before line ${n}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    return lines[n - 1];
  };
  return { ready: () => line(1), go: () => child.stdin.write("go\n"), result: async () => JSON.parse(await line(2)) as { released: number; carts: number } };
}

describe("the expiry sweep and the purge on two servers at once", () => {
  it("give each expired order's stock back once and delete each stale cart once, however the two interleave", async () => {
    const product = await liveProduct(40);
    const before = await stockOf(product.id);
    const past = new Date(Date.now() - 31 * 60 * 1000);
    const expired: number[] = [];
    for (let i = 0; i < 20; i++) expired.push((await order(product.id, 1, past)).id);
    const stale = new Date(Date.now() - CART_MAX_AGE_MS - 1000);
    await transact(db, (tx) => tx.insert(schema.carts).values(Array.from({ length: 10 }, (_, i) => ({ id: `two-sweeps-${i}`, createdAt: stale, updatedAt: stale }))));
    expect(await stockOf(product.id)).toBe(before - 20);

    const now = new Date();
    // Everything either sweep may take: each must be taken exactly once between them.
    const due = await db.select({ id: schema.orders.id }).from(schema.orders).where(and(eq(schema.orders.status, "pending"), lt(schema.orders.expiresAt, now)));
    const staleCarts = await db.select({ id: schema.carts.id }).from(schema.carts).where(lte(schema.carts.updatedAt, new Date(now.getTime() - CART_MAX_AGE_MS)));
    const sweepers = [startSweeper(now), startSweeper(now)];
    await Promise.all(sweepers.map((s) => s.ready()));
    sweepers.forEach((s) => s.go());
    const results = await Promise.all(sweepers.map((s) => s.result()));

    expect(due.length).toBeGreaterThanOrEqual(20);
    expect(results.reduce((n, r) => n + r.released, 0)).toBe(due.length);
    expect(results.reduce((n, r) => n + r.carts, 0)).toBe(staleCarts.length);
    expect(await stockOf(product.id)).toBe(before);
    for (const id of expired) expect((await orderRow(id)).status).toBe("expired");
    expect(await db.select().from(schema.carts).where(like(schema.carts.id, "two-sweeps-%"))).toEqual([]);
    expect(await reconcileDealUnits()).toEqual([]);
  }, 60_000);
});
