/**
 * A festival deal's per-customer limit holds by construction (issue 15): the
 * shopper's units at the deal's price are one row, taken by a conditional
 * upsert inside the order's transaction, not read and then added to. Proven
 * by counting: two processes, each with its own connection, place orders for
 * the same email at once; however their transactions interleave, exactly the
 * limit is sold, every other order is refused as over the limit (never with a
 * database error), and the row equals the orders. Also: an expired order
 * gives its share back, a revived one takes it again, and migration 0009
 * counts the orders a database already holds.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { foldWalIntoFile } from "../../db/checkpoints";
import { sql } from "drizzle-orm";
import { db, execute, isPostgres, rows, transact } from "~/db.server";
import { closeOrder, createPendingOrder, markOrderPaid, OrderError } from "~/modules/orders/orders.server";
import { reconcileDealCustomers } from "~/modules/stock/stock.server";
import { applyMigration } from "../setup/migration-file";
import { dealProduct, setDealUnitsLeft, setStock } from "./fixtures";

/** Each shopper's units at each deal's price as the orders hold them (pending and paid), beside the counted row. */
const SHARES = `SELECT l.deal_id AS "dealId", o.email AS "email", sum(l.quantity) AS "held", coalesce(max(c.units), 0) AS "counted"
  FROM order_lines l JOIN orders o ON o.id = l.order_id
  LEFT JOIN festival_deal_customers c ON c.deal_id = l.deal_id AND c.email = o.email
  WHERE l.deal_id IS NOT NULL AND o.status IN ('pending', 'paid')
  GROUP BY l.deal_id, o.email ORDER BY l.deal_id, o.email`;
type Share = { dealId: number; email: string; held: number; counted: number };
/** Counted rows no pending or paid order explains (units above zero). */
const UNEXPLAINED = `SELECT c.deal_id AS "dealId", c.email, c.units FROM festival_deal_customers c
  WHERE c.units <> coalesce((SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE l.deal_id = c.deal_id AND o.email = c.email AND o.status IN ('pending', 'paid')), 0)`;

const counted = async (dealId: number, email: string) =>
  (await rows<{ units: number }>(db, sql`SELECT units FROM festival_deal_customers WHERE deal_id = ${dealId} AND email = ${email}`))[0]?.units ?? 0;

function order(productId: number, quantity: number, email: string, dealId: number) {
  return createPendingOrder({
    lines: [{ productId, quantity, dealId }],
    email,
    customerName: "Racer",
    shippingAddress: { line1: "1 Limit Road", city: "Nairobi" },
    shippingCountry: "KE",
    lang: "en",
    currency: "USD",
    paymentProvider: "demo",
    now: new Date(),
    limitPerEmail: true,
  });
}

/**
 * A process of its own (its own connection to this test's database) that
 * waits for "go" on stdin, then places `count` one-unit orders for the deal
 * and prints how each ended.
 */
const RACER = `
const { createPendingOrder, OrderError } = await import("./app/modules/orders/orders.server.ts");
const [productId, dealId, count, email] = JSON.parse(process.argv[1]);
const tally = { placed: 0, limit: 0, other: [] };
process.stdout.write("ready\\n");
process.stdin.once("data", async () => {
  for (let i = 0; i < count; i++) {
    try {
      await createPendingOrder({ lines: [{ productId, quantity: 1, dealId }], email, customerName: "Racer", shippingAddress: { line1: "1 Limit Road" },
        shippingCountry: "KE", lang: "en", currency: "USD", paymentProvider: "demo", now: new Date(), limitPerEmail: true });
      tally.placed++;
    } catch (error) {
      if (error instanceof OrderError && error.code === "limit") tally.limit++;
      else tally.other.push(String(error));
    }
  }
  process.stdout.write(JSON.stringify(tally) + "\\n");
  process.exit(0);
});`;

interface Tally {
  placed: number;
  limit: number;
  other: string[];
}

function startRacer(args: unknown[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", RACER, JSON.stringify(args)], {
    env: { ...process.env, ...(isPostgres(db) ? {} : { DATABASE_PATH: db.$client.name }), LOG_LEVEL: "silent" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    let nl: number;
    while ((nl = out.indexOf("\n")) >= 0) {
      lines.push(out.slice(0, nl));
      out = out.slice(nl + 1);
      waiters.splice(0).forEach((w) => w());
    }
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = async (n: number): Promise<string> => {
    while (lines.length < n) {
      const more = new Promise<void>((resolve) => waiters.push(resolve));
      await Promise.race([more, exited]);
      if (lines.length < n && child.exitCode !== null) throw new Error(`racer exited (${child.exitCode}) before line ${n}`);
    }
    return lines[n - 1];
  };
  return {
    ready: () => line(1),
    go: () => child.stdin.write("go\n"),
    result: async () => JSON.parse(await line(2)) as Tally,
  };
}

describe("a festival deal's per-customer limit", () => {
  it("holds when two processes place orders for the same shopper at once: exactly the limit is sold, the rest refused as over it", async () => {
    const deal = await dealProduct(10, true, 0);
    const dealId = deal.deal!.dealId;
    const limit = 3;
    await transact(db, (tx) => execute(tx, sql`UPDATE festival_deals SET per_customer_limit = ${limit} WHERE id = ${dealId}`));
    // Plenty of stock and deal units: only the limit can refuse an order.
    await setStock(deal.id, 10_000);
    await setDealUnitsLeft(dealId, 1_000);
    const email = "two-at-once@example.com";
    const perProcess = 25;

    const racers = [startRacer([deal.id, dealId, perProcess, email]), startRacer([deal.id, dealId, perProcess, email])];
    await Promise.all(racers.map((r) => r.ready()));
    racers.forEach((r) => r.go());
    const tallies = await Promise.all(racers.map((r) => r.result()));

    expect(tallies.flatMap((t) => t.other)).toEqual([]);
    expect(tallies.reduce((n, t) => n + t.placed, 0)).toBe(limit);
    expect(tallies.reduce((n, t) => n + t.limit, 0)).toBe(2 * perProcess - limit);
    const shares = (await rows<Share>(db, sql.raw(SHARES))).filter((s) => s.dealId === dealId && s.email === email);
    expect(shares).toEqual([{ dealId, email, held: limit, counted: limit }]);
    // One more from this process is refused too; another shopper is not.
    await expect(order(deal.id, 1, email, dealId)).rejects.toThrow(OrderError);
    expect((await order(deal.id, limit, "someone-else@example.com", dealId)).status).toBe("pending");
  }, 60_000);

  it("is given back when an order expires or fails, and taken again when a paid order is revived", async () => {
    const deal = await dealProduct(10, true, 1);
    const dealId = deal.deal!.dealId;
    const limit = deal.deal!.limit!;
    await setStock(deal.id, 10_000);
    await setDealUnitsLeft(dealId, 1_000);
    const email = "gives-back@example.com";

    const first = await order(deal.id, limit, email, dealId);
    expect(await counted(dealId, email)).toBe(limit);
    await expect(order(deal.id, 1, email, dealId)).rejects.toThrow(OrderError);
    const event = (type: string) => ({
      orderId: first.id,
      provider: "demo",
      providerEventId: `limit-${type}-${first.id}`,
      type,
      now: new Date(),
    });
    expect(await closeOrder(event("payment.failed"), "failed")).toBe("closed");
    expect(await counted(dealId, email)).toBe(0);
    // Stripe took the money after all: the order comes back with its share (a limit never blocks a paid order).
    expect(await markOrderPaid(event("payment.succeeded"), { revive: true })).toBe("paid");
    expect(await counted(dealId, email)).toBe(limit);
    await expect(order(deal.id, 1, email, dealId)).rejects.toThrow(OrderError);
    expect(await rows(db, sql.raw(UNEXPLAINED))).toEqual([]);
    expect(await reconcileDealCustomers()).toEqual([]);
    // A count repaired by hand shows as drift, and --fix puts it back.
    await transact(db, (tx) => execute(tx, sql`UPDATE festival_deal_customers SET units = units + 5 WHERE deal_id = ${dealId} AND email = ${email}`));
    expect(await reconcileDealCustomers({ fix: true })).toEqual([{ dealId, email, stored: limit + 5, expected: limit }]);
    expect(await reconcileDealCustomers()).toEqual([]);
  });

  // SQLite-only: a backfill in SQLite's migration history (databases that held orders before 0009);
  // PostgreSQL's schema started with the table (db/migrations-pg/0000_init.sql), so it has none.
  it.skipIf(isPostgres(db))("counts what shoppers already held when migration 0009 runs on a database with orders", async () => {
    const deal = await dealProduct(10, false, 2);
    await setStock(deal.id, 10_000);
    await setDealUnitsLeft(deal.deal!.dealId, 1_000);
    await order(deal.id, 2, "before-0009@example.com", deal.deal!.dealId);
    await foldWalIntoFile(db);
    const file = path.join(inject("runDir"), `before-0009-${process.pid}.sqlite`);
    fs.copyFileSync(db.$client.name, file);
    const sqlite = new Database(file);
    sqlite.pragma("foreign_keys = ON");
    const expected = (sqlite.prepare(SHARES).all() as Share[]).map((s) => ({ ...s, counted: s.held }));
    expect(expected.length).toBeGreaterThan(0);
    sqlite.exec("DROP TABLE festival_deal_customers");
    applyMigration(sqlite, "0009_deal_customer_units");
    expect(sqlite.prepare(SHARES).all()).toEqual(expected);
    expect(sqlite.prepare(UNEXPLAINED).all()).toEqual([]);
    sqlite.close();
    fs.rmSync(file, { force: true });
  });
});
