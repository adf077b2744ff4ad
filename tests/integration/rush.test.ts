/**
 * Flash-sale rush through the running app's HTTP layer: 200 shoppers, each
 * with the same product in their cart, press "place order" at the same
 * moment for a product with 10 units left.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../browser/harness";
import { ADDRESS, Shopper } from "./http-client";
import { regularProduct } from "./fixtures";

const SHOPPERS = 200;
const UNITS = 10;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe("flash-sale rush", () => {
  it(`sells exactly ${UNITS} units to ${SHOPPERS} concurrent checkouts and tells the rest it sold out`, async () => {
    const product = regularProduct(UNITS);
    const sqlite = new Database(server.databasePath);
    sqlite.pragma("busy_timeout = 5000");
    sqlite.prepare("UPDATE products SET stock = ? WHERE id = ?").run(UNITS, product.id);
    const ordersBefore = (sqlite.prepare("SELECT count(*) AS n FROM order_lines WHERE product_id = ?").get(product.id) as { n: number }).n;

    const shoppers = Array.from({ length: SHOPPERS }, () => new Shopper(server.url));
    // Fill the carts (in batches, so the rush itself is the only stampede).
    for (let i = 0; i < SHOPPERS; i += 50) {
      const added = await Promise.all(shoppers.slice(i, i + 50).map((s) => s.post("/cart", { intent: "add", slug: product.slug, quantity: 1 })));
      for (const res of added) expect(res.status).toBe(303);
    }

    const results = await Promise.all(
      shoppers.map(async (s, i) => {
        const res = await s.post("/checkout", { ...ADDRESS, email: `rush${i}@example.com` });
        return { status: res.status, location: res.headers.get("Location"), body: res.status === 303 ? "" : await res.text() };
      }),
    );
    const won = results.filter((r) => r.status === 303);
    const lost = results.filter((r) => r.status !== 303);
    expect(won.length).toBe(UNITS);
    for (const r of won) expect(r.location).toMatch(/^\/pay\/demo\/SR-/);
    expect(lost.length).toBe(SHOPPERS - UNITS);
    for (const r of lost) {
      expect(r.status).toBe(409);
      expect(r.body).toMatch(/Sorry, .* has just sold out/);
    }
    const stock = (sqlite.prepare("SELECT stock FROM products WHERE id = ?").get(product.id) as { stock: number }).stock;
    expect(stock).toBe(0);
    const taken = sqlite.prepare("SELECT count(*) AS n, sum(quantity) AS units FROM order_lines WHERE product_id = ?").get(product.id) as { n: number; units: number };
    expect(taken.n - ordersBefore).toBe(UNITS);
    sqlite.close();
  }, 120_000);
});
