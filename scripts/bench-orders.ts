/**
 * `npm run bench:orders`: paid-order transactions per second on this machine,
 * on a freshly seeded database of its own (tests/.tmp/bench-orders). Measures
 *   1. the whole paid-order path: price on the server, one transaction that
 *      takes the stock and stores the pending order, then one that stores the
 *      payment event, moves pending → paid and adds to every counter;
 *   2. the fulfilment transaction alone (event + guarded update + counters);
 * then checks that reconcile still finds zero drift. WAL checkpoints run as in
 * the server: in a background thread (db/checkpoints.ts).
 *   BENCH_ORDERS=5000  (orders per measurement)
 */
import fs from "node:fs";
import path from "node:path";

const N = Number(process.env.BENCH_ORDERS ?? 5000);
const dir = path.resolve("tests/.tmp/bench-orders");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");

const { prepareDatabase } = await import("./prepare-database");
await prepareDatabase({ log: () => {} });
const { db, schema, stopBackgroundCheckpoints, transact } = await import("../app/db.server");
const { and, eq } = await import("drizzle-orm");
const { createPendingOrder, markOrderPaid } = await import("../app/modules/orders/orders.server");
const { reconcileCounters } = await import("../app/modules/counters/counters.server");

// Plenty of stock, so every order succeeds; products from many stores, countries and categories (deals included).
await transact(db, (tx) => tx.update(schema.products).set({ stock: 1_000_000 }));
const products = await db
  .select({ id: schema.products.id })
  .from(schema.products)
  .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
  .where(and(eq(schema.products.status, "active"), eq(schema.stores.status, "live")))
  .orderBy(schema.products.id);
const currencies = ["USD", "CNY", "KES", "EUR", "NGN"];
const input = (i: number) => ({
  lines: [
    { productId: products[(i * 7) % products.length].id, quantity: 1 + (i % 2) },
    { productId: products[(i * 13 + 5) % products.length].id, quantity: 1 },
  ].filter((l, k, all) => k === 0 || l.productId !== all[0].productId),
  email: `bench${i}@example.com`,
  customerName: "Bench Shopper",
  shippingAddress: { line1: "1 Bench Road", city: "Nairobi" },
  shippingCountry: "KE",
  lang: "en" as const,
  currency: currencies[i % currencies.length],
  paymentProvider: "demo",
  now: new Date(),
});
const pay = (orderId: number, tag: string) =>
  markOrderPaid({ orderId, provider: "demo", providerEventId: `bench-${tag}-${orderId}`, type: "bench.paid", now: new Date() });

// The WAL's size, sampled between orders: shows the checkpoints keep up.
const walFile = `${process.env.DATABASE_PATH}-wal`;
let walPeak = 0;
const sampleWal = (i: number) => {
  if (i % 250 === 0) walPeak = Math.max(walPeak, fs.statSync(walFile, { throwIfNoEntry: false })?.size ?? 0);
};

// Warm-up (JIT, page cache of the file).
for (let i = 0; i < 200; i++) await pay((await createPendingOrder(input(i))).id, "warm");

let t0 = performance.now();
for (let i = 0; i < N; i++) {
  const order = await createPendingOrder(input(i));
  if ((await pay(order.id, "full")) !== "paid") throw new Error("order not paid");
  sampleWal(i);
}
const fullMs = performance.now() - t0;

const pending: number[] = [];
for (let i = 0; i < N; i++) pending.push((await createPendingOrder(input(i))).id);
t0 = performance.now();
for (const [i, id] of pending.entries()) {
  if ((await pay(id, "pay")) !== "paid") throw new Error("order not paid");
  sampleWal(i);
}
const payMs = performance.now() - t0;

t0 = performance.now();
let dup = 0;
for (const id of pending) if ((await pay(id, "pay")) === "duplicate_event") dup++;
const replayMs = performance.now() - t0;

const drift = await reconcileCounters();
const rate = (ms: number) => Math.round((N * 1000) / ms).toLocaleString("en");
console.log(`Paid-order benchmark (${N.toLocaleString("en")} orders each, 1–2 lines, SQLite WAL, synchronous=NORMAL, ${products.length} products):`);
console.log(`  whole path  (price + stock + pending order + payment event + pending→paid + counters): ${rate(fullMs)} paid orders/s  (${(fullMs / N).toFixed(3)} ms each)`);
console.log(`  fulfilment  (payment event + guarded pending→paid + counters, one transaction):      ${rate(payMs)} transactions/s  (${(payMs / N).toFixed(3)} ms each)`);
console.log(`  replays     (the same events again: no-ops):                                          ${rate(replayMs)} /s  (${dup.toLocaleString("en")} duplicates refused)`);
console.log(`  reconcile   drift after the run: ${drift.length}`);
console.log(`  WAL         largest size seen: ${(walPeak / 1048576).toFixed(1)} MB (checkpoints in a background thread)`);
await stopBackgroundCheckpoints();
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
if (drift.length) process.exitCode = 1;
