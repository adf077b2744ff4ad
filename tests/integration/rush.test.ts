/**
 * Flash-sale rush through the running app's HTTP layer: 200 shoppers, each
 * with the same product in their cart, press "place order" at the same
 * moment for a product with 10 units left; then the same for a festival deal
 * with plenty of stock but 10 units left at the deal price. Two server
 * processes share the database (SQLite's file, or PostgreSQL), as `npm start`
 * runs them on two cores.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, transact, type AppDatabase } from "~/db.server";
import { closeDatabase } from "../../db/connection";
import { startTestServer, type TestServer } from "../browser/harness";
import { ADDRESS, Shopper } from "./http-client";
import { dealProduct, regularProduct } from "./fixtures";

const SHOPPERS = 200;
const UNITS = 10;
let server: TestServer;
let serverDb: AppDatabase;

beforeAll(async () => {
  server = await startTestServer({}, { processes: 2 });
  serverDb = server.openDatabase();
}, 60_000);
afterAll(async () => {
  if (serverDb) await closeDatabase(serverDb);
  await server?.stop();
});

/**
 * Puts one unit of the product in each shopper's cart (in batches, so the
 * rush itself is the only stampede), then has them all press "place order" at
 * once; checks that exactly UNITS orders went through to payment and every
 * other shopper got a 409 whose page matches `soldOut`.
 */
async function rush(slug: string, emailPrefix: string, soldOut: RegExp) {
  const shoppers = Array.from({ length: SHOPPERS }, () => new Shopper(server.url));
  for (let i = 0; i < SHOPPERS; i += 50) {
    const added = await Promise.all(shoppers.slice(i, i + 50).map((s) => s.post("/cart", { intent: "add", slug, quantity: 1 })));
    for (const res of added) expect(res.status).toBe(303);
  }
  const results = await Promise.all(
    shoppers.map(async (s, i) => {
      const res = await s.post("/checkout", { ...ADDRESS, email: `${emailPrefix}${i}@example.com` });
      return { status: res.status, location: res.headers.get("Location"), body: res.status === 303 ? "" : await res.text() };
    }),
  );
  const won = results.filter((r) => r.status === 303);
  const lost = results.filter((r) => r.status !== 303);
  expect(won.length).toBe(UNITS);
  for (const r of won) expect(r.location).toMatch(/^\/pay\/demo\/SR-/);
  expect(lost.length).toBe(SHOPPERS - UNITS);
  for (const r of lost) {
    // Told why, never a 500 (and for a deal, never quietly charged the regular price instead).
    expect(r.status).toBe(409);
    expect(r.body).toMatch(soldOut);
  }
  return { shoppers, results };
}

/** The server's copy of the database, through the app's data layer (either engine). */
const lineCount = async (productId: number) =>
  (await serverDb.select({ n: count() }).from(schema.orderLines).where(eq(schema.orderLines.productId, productId)))[0].n;
const stockOf = async (productId: number) =>
  (await serverDb.select({ stock: schema.products.stock }).from(schema.products).where(eq(schema.products.id, productId)))[0].stock;
const dealRow = async (dealId: number) =>
  (
    await serverDb
      .select({ taken: schema.festivalDeals.unitsTaken, committed: schema.festivalDeals.committedStock })
      .from(schema.festivalDeals)
      .where(eq(schema.festivalDeals.id, dealId))
  )[0];

describe("flash-sale rush", () => {
  it(`sells exactly ${UNITS} units to ${SHOPPERS} concurrent checkouts and tells the rest it sold out`, async () => {
    const product = await regularProduct(UNITS);
    await transact(serverDb, (tx) => tx.update(schema.products).set({ stock: UNITS }).where(eq(schema.products.id, product.id)));
    const ordersBefore = await lineCount(product.id);

    await rush(product.slug, "rush", /Sorry, .* has just sold out/);
    expect(await stockOf(product.id)).toBe(0);
    expect((await lineCount(product.id)) - ordersBefore).toBe(UNITS);
  }, 120_000);

  it(`sells exactly a deal's ${UNITS} committed units at the deal price to ${SHOPPERS} concurrent checkouts, never more`, async () => {
    const product = await dealProduct(1, false);
    const dealId = product.deal!.dealId;
    // Stock is plentiful: only the deal's committed units are scarce.
    await transact(serverDb, async (tx) => {
      await tx.update(schema.products).set({ stock: 1000 }).where(eq(schema.products.id, product.id));
      await tx
        .update(schema.festivalDeals)
        .set({ committedStock: sql`${schema.festivalDeals.unitsTaken} + ${UNITS}` })
        .where(eq(schema.festivalDeals.id, dealId));
    });
    const before = await dealRow(dealId);
    const linesBefore = await lineCount(product.id);

    const { shoppers, results } = await rush(product.slug, "deal-rush", /Sorry, .* has just sold out at the festival price/);
    const after = await dealRow(dealId);
    expect(after.taken).toBe(before.committed);
    expect((await lineCount(product.id)) - linesBefore).toBe(UNITS);
    const [held] = await serverDb
      .select({ n: sql<number>`coalesce(sum(${schema.orderLines.quantity}), 0)`.mapWith(Number) })
      .from(schema.orderLines)
      .innerJoin(schema.orders, eq(schema.orders.id, schema.orderLines.orderId))
      .where(and(eq(schema.orderLines.dealId, dealId), inArray(schema.orders.status, ["pending", "paid"])));
    expect(held.n).toBe(after.taken);
    expect(await stockOf(product.id)).toBe(1000 - UNITS);
    // The losers' carts are kept, showing why.
    const cart = await (await shoppers[results.findIndex((r) => r.status === 409)].get("/cart")).text();
    expect(cart).toContain("The festival price sold out after you added this");
  }, 120_000);
});
