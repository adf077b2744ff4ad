/**
 * Flash-sale rush through the running app's HTTP layer: 200 shoppers, each
 * with the same product in their cart, press "place order" at the same
 * moment for a product with 10 units left; then the same for a festival deal
 * with plenty of stock but 10 units left at the deal price. Two server
 * processes share the database, as `npm start` runs them on two cores.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../browser/harness";
import { ADDRESS, Shopper } from "./http-client";
import { dealProduct, regularProduct } from "./fixtures";

const SHOPPERS = 200;
const UNITS = 10;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({}, { processes: 2 });
}, 60_000);
afterAll(async () => {
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

describe("flash-sale rush", () => {
  it(`sells exactly ${UNITS} units to ${SHOPPERS} concurrent checkouts and tells the rest it sold out`, async () => {
    const product = regularProduct(UNITS);
    const sqlite = new Database(server.databasePath);
    sqlite.pragma("busy_timeout = 5000");
    sqlite.prepare("UPDATE products SET stock = ? WHERE id = ?").run(UNITS, product.id);
    const ordersBefore = (sqlite.prepare("SELECT count(*) AS n FROM order_lines WHERE product_id = ?").get(product.id) as { n: number }).n;

    await rush(product.slug, "rush", /Sorry, .* has just sold out/);
    const stock = (sqlite.prepare("SELECT stock FROM products WHERE id = ?").get(product.id) as { stock: number }).stock;
    expect(stock).toBe(0);
    const taken = sqlite.prepare("SELECT count(*) AS n, sum(quantity) AS units FROM order_lines WHERE product_id = ?").get(product.id) as { n: number; units: number };
    expect(taken.n - ordersBefore).toBe(UNITS);
    sqlite.close();
  }, 120_000);

  it(`sells exactly a deal's ${UNITS} committed units at the deal price to ${SHOPPERS} concurrent checkouts, never more`, async () => {
    const product = dealProduct(1, false);
    const dealId = product.deal!.dealId;
    const sqlite = new Database(server.databasePath);
    sqlite.pragma("busy_timeout = 5000");
    // Stock is plentiful: only the deal's committed units are scarce.
    sqlite.prepare("UPDATE products SET stock = ? WHERE id = ?").run(1000, product.id);
    sqlite.prepare("UPDATE festival_deals SET committed_stock = units_taken + ? WHERE id = ?").run(UNITS, dealId);
    const before = sqlite.prepare("SELECT units_taken AS taken, committed_stock AS committed FROM festival_deals WHERE id = ?").get(dealId) as { taken: number; committed: number };
    const linesBefore = sqlite.prepare("SELECT count(*) AS n FROM order_lines WHERE product_id = ?").get(product.id) as { n: number };

    const { shoppers, results } = await rush(product.slug, "deal-rush", /Sorry, .* has just sold out at the festival price/);
    const after = sqlite.prepare("SELECT units_taken AS taken, committed_stock AS committed FROM festival_deals WHERE id = ?").get(dealId) as { taken: number; committed: number };
    expect(after.taken).toBe(before.committed);
    const lines = sqlite
      .prepare("SELECT count(*) AS n FROM order_lines WHERE product_id = ?")
      .get(product.id) as { n: number };
    expect(lines.n - linesBefore.n).toBe(UNITS);
    const held = sqlite
      .prepare("SELECT coalesce(sum(l.quantity), 0) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.deal_id = ? AND o.status IN ('pending', 'paid')")
      .get(dealId) as { n: number };
    expect(held.n).toBe(after.taken);
    expect((sqlite.prepare("SELECT stock FROM products WHERE id = ?").get(product.id) as { stock: number }).stock).toBe(1000 - UNITS);
    // The losers' carts are kept, showing why.
    const cart = await (await shoppers[results.findIndex((r) => r.status === 409)].get("/cart")).text();
    expect(cart).toContain("The festival price sold out after you added this");
    sqlite.close();
  }, 120_000);
});
