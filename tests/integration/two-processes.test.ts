/**
 * What holds for one server process holds for two sharing the database, as
 * `npm start` runs them on a 2-core machine (issue 11, point 4): a storm of
 * replayed and simultaneous Stripe webhooks pays each order once, and random
 * interleavings of carts, checkouts, payments, expiries and replays across
 * both processes never oversell, conserve every unit and leave the counters
 * equal to the paid orders. (The flash-sale rush runs on two processes in
 * rush.test.ts.) On PostgreSQL the two processes share one PostgreSQL
 * database (DATABASE_URL), as two app servers would.
 */
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, type AppDatabase } from "../../db/connection";
import { rows } from "../../db/transact";
import { healthOnNewConnection, startTestServer, type TestServer } from "../browser/harness";
import { firstRow, writeRows } from "./fixtures";
import { ADDRESS, Shopper } from "./http-client";
import { startStripeStandIn, stripeEvent, type RecordedSession } from "./stripe-stand-in";

const SECRET = "whsec_two_processes_secret";
const stripe = new Stripe("sk_test_showcase");
let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
let server: TestServer;
/** The servers' database, on the engine this run tests (PostgreSQL: two app processes on one PostgreSQL database). */
let db: AppDatabase;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  server = await startTestServer(
    {
      STRIPE_SECRET_KEY: "sk_test_showcase",
      STRIPE_WEBHOOK_SECRET: SECRET,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(standIn.port),
      STRIPE_API_PROTOCOL: "http",
    },
    { processes: 2 },
  );
  db = server.openDatabase();
}, 60_000);
afterAll(async () => {
  if (db) await closeDatabase(db);
  await server?.stop();
  await standIn?.close();
});

/** Both processes answer: new connections go round the workers. */
async function processesAnswering(): Promise<number> {
  const seen = new Set<string>();
  for (let i = 0; i < 20; i++) seen.add((await healthOnNewConnection(`${server.url}/healthz`)) ?? "none");
  seen.delete("none");
  return seen.size;
}

/** Regular (no deal) products of live stores, in a stable order. */
function regularProducts(count: number, skip: number): Promise<{ id: number; slug: string }[]> {
  return rows<{ id: number; slug: string }>(
    db,
    sql`SELECT p.id, p.slug FROM products p JOIN stores s ON s.id = p.store_id
        WHERE p.status = 'active' AND s.status = 'live' AND p.stock > 3
          AND NOT EXISTS (SELECT 1 FROM festival_deals d WHERE d.product_id = p.id)
        ORDER BY p.id LIMIT ${count} OFFSET ${skip}`,
  );
}

const event = stripeEvent;

/** Delivers a signed event over its own connection, so deliveries spread over both processes. */
async function send(evt: object): Promise<number> {
  const payload = JSON.stringify(evt);
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  const res = await fetch(`${server.url}/webhooks/stripe`, {
    method: "POST",
    body: payload,
    headers: { "Content-Type": "application/json", "Stripe-Signature": header },
  });
  await res.arrayBuffer();
  return res.status;
}

/** Checks out one cart; the Stripe session it started, or null when refused (sold out). */
async function checkout(shopper: Shopper, email: string): Promise<RecordedSession | null> {
  const res = await shopper.post("/checkout", { ...ADDRESS, email });
  if (res.status !== 303) {
    expect([409, 400]).toContain(res.status);
    return null;
  }
  const location = res.headers.get("Location");
  const session = standIn.sessions.find((s) => s.body.url === location);
  expect(session, String(location)).toBeTruthy();
  return session!;
}

const orderIdOf = (session: RecordedSession) => Number((session.body.metadata as Record<string, string>).order_id);
const statusOf = async (orderId: number) => (await firstRow<{ status: string }>(db, sql`SELECT status FROM orders WHERE id = ${orderId}`)).status;
const campaignOrders = async () =>
  (await firstRow<{ value: number } | undefined>(db, sql`SELECT SUM(value) AS value FROM progress_counters WHERE scope = 'campaign' AND scope_key = 'all' AND metric = 'orders'`))?.value ?? 0;

/** `npm run reconcile` against the servers' database: exit 0 means counters and deal units have no drift. */
function reconcile(): { status: number | null; output: string } {
  const database = server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : { DATABASE_PATH: server.databasePath };
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/reconcile.ts"], {
    env: { ...process.env, ...database, NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("two server processes on one database", () => {
  it("both answer", async () => {
    expect(await processesAnswering()).toBe(2);
  });

  it("pay each order once under a storm of replayed and simultaneous webhooks to both processes", async () => {
    const products = await regularProducts(6, 0);
    const sessions: RecordedSession[] = [];
    for (const [i, p] of products.entries()) {
      const shopper = new Shopper(server.url);
      expect((await shopper.post("/cart", { intent: "add", slug: p.slug, quantity: 1 })).status).toBe(303);
      sessions.push((await checkout(shopper, `storm${i}@example.com`))!);
    }
    const before = await campaignOrders();
    const events = sessions.map((s) => event("checkout.session.completed", s, { payment_status: "paid" }));
    const deliveries = events.flatMap((e) => [e, e, e]).sort(() => Math.random() - 0.5);
    const statuses = await Promise.all([...Array.from({ length: 20 }, () => send(events[0])), ...deliveries.map((e) => send(e))]);
    for (const status of statuses) expect(status).toBe(200);
    for (const s of sessions) expect(await statusOf(orderIdOf(s))).toBe("paid");
    expect(await campaignOrders()).toBe(before + sessions.length);
    const paymentEvents = await firstRow<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM payment_events WHERE provider_event_id IN (${sql.join(
        events.map((e) => sql`${e.id}`),
        sql`, `,
      )})`,
    );
    expect(paymentEvents.n).toBe(events.length);
    const check = reconcile();
    expect(check.status, check.output).toBe(0);
  }, 120_000);

  it("never oversell and keep counters equal to the orders, whatever runs on which process (fast-check)", async () => {
    const products = await regularProducts(3, 20);
    const command = fc.record({
      shopper: fc.nat(5),
      action: fc.constantFrom("add", "add", "checkout", "pay", "expire", "replay"),
      product: fc.nat(products.length - 1),
      quantity: fc.integer({ min: 1, max: 3 }),
    });
    let run = 0;
    let placed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }), async (commands, stocks) => {
        run++;
        // Each run starts from a known shelf; units already held by earlier runs' orders stay held.
        await writeRows(db, ...products.map((p, i) => sql`UPDATE products SET stock = ${stocks[i]} WHERE id = ${p.id}`));
        const heldBefore = await Promise.all(products.map((p) => held(p.id)));
        const shoppers = Array.from({ length: 6 }, () => new Shopper(server.url));
        const sessions = new Map<number, RecordedSession[]>();
        const sent: object[] = [];
        // Each shopper's commands in order; the shoppers all at once, over both processes.
        await Promise.all(
          shoppers.map(async (shopper, s) => {
            for (const c of commands.filter((c) => c.shopper === s)) {
              const mine = sessions.get(s) ?? [];
              if (c.action === "add") {
                const res = await shopper.post("/cart", { intent: "add", slug: products[c.product].slug, quantity: c.quantity });
                expect(res.status).toBe(303);
              } else if (c.action === "checkout") {
                const session = await checkout(shopper, `prop${run}-${s}@example.com`);
                if (session) {
                  placed++;
                  sessions.set(s, [...mine, session]);
                }
              } else if (mine.length && (c.action === "pay" || c.action === "expire")) {
                const evt =
                  c.action === "pay"
                    ? event("checkout.session.completed", mine.at(-1)!, { payment_status: "paid" })
                    : event("checkout.session.expired", mine.at(-1)!, { status: "expired" });
                sent.push(evt);
                expect(await send(evt)).toBe(200);
              } else if (c.action === "replay" && sent.length) {
                expect(await send(sent[c.quantity % sent.length])).toBe(200);
              }
            }
          }),
        );
        for (const [i, p] of products.entries()) {
          const { stock } = await firstRow<{ stock: number }>(db, sql`SELECT stock FROM products WHERE id = ${p.id}`);
          expect(stock).toBeGreaterThanOrEqual(0);
          // Every unit is on the shelf or in a live (pending or paid) order: none lost, none made up.
          expect(stock + (await held(p.id)) - heldBefore[i]).toBe(stocks[i]);
        }
      }),
      { numRuns: 6 },
    );
    // The runs did place orders (a property over empty runs would prove nothing).
    expect(placed).toBeGreaterThan(0);
    const check = reconcile();
    expect(check.status, check.output).toBe(0);
  }, 300_000);
});

/** Units of a product in pending and paid orders. */
async function held(productId: number): Promise<number> {
  return (
    await firstRow<{ n: number }>(
      db,
      sql`SELECT coalesce(sum(l.quantity), 0) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = ${productId} AND o.status IN ('pending', 'paid')`,
    )
  ).n;
}
