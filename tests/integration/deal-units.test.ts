/**
 * festival_deals.units_taken on the data a machine already has: the seed's
 * count matches its orders, and migration 0003 (which added the column to
 * databases holding orders) keeps every order line's deal and counts the
 * units already sold.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { foldWalIntoFile } from "../../db/checkpoints";
import { db, isPostgres, rows, transact } from "~/db.server";
import { createPendingOrder, markOrderPaid, releaseExpiredOrders } from "~/modules/orders/orders.server";
import { reconcileDealUnits } from "~/modules/stock/stock.server";
import { eq, sql } from "drizzle-orm";
import { schema } from "~/db.server";
import { applyMigration } from "../setup/migration-file";
import { dealProduct, setDealUnitsLeft } from "./fixtures";
import { appHandler, Shopper } from "./http-client";

const HELD = `SELECT d.id, d.units_taken AS taken, d.committed_stock AS committed, coalesce((
    SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE l.deal_id = d.id AND o.status IN ('pending', 'paid')), 0) AS held
  FROM festival_deals d ORDER BY d.id`;
type HeldRow = { id: number; taken: number; committed: number; held: number };

describe("units taken at festival deal prices", () => {
  it("are seeded equal to the seeded orders' deal lines, within each deal's commitment", async () => {
    const held = await rows<HeldRow>(db, sql.raw(HELD));
    expect(held.length).toBeGreaterThan(0);
    expect(held.filter((r) => r.taken !== r.held || r.taken > r.committed)).toEqual([]);
    expect(await reconcileDealUnits()).toEqual([]);
  });

  // SQLite-only: a backfill in SQLite's migration history (databases that held orders before 0003);
  // PostgreSQL's schema started with the column (db/migrations-pg/0000_init.sql), so it has none.
  it.skipIf(isPostgres(db))("are counted from existing orders by migration 0003, with every order line keeping its deal", async () => {
    // Orders on deals in every state: pending, paid, expired (units given back).
    const order = (productId: number, quantity: number, email: string) =>
      createPendingOrder({ lines: [{ productId, quantity }], email, customerName: "M", shippingAddress: {}, shippingCountry: "KE", lang: "en", currency: "USD", paymentProvider: "demo", now: new Date() });
    const [a, b, c] = await Promise.all([0, 1, 2].map((i) => dealProduct(5, false, i)));
    await order(a.id, 2, "pending@example.com");
    const paid = await order(b.id, 1, "paid@example.com");
    await markOrderPaid({ orderId: paid.id, provider: "demo", providerEventId: `mig-${paid.id}`, type: "payment.succeeded", now: new Date() });
    const expired = await order(c.id, 3, "expired@example.com");
    await transact(db, (tx) => tx.update(schema.orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.orders.id, expired.id)));
    await releaseExpiredOrders(new Date());

    // A copy of this database as it was before migration 0003.
    await foldWalIntoFile(db);
    const file = path.join(inject("runDir"), `before-0003-${process.pid}.sqlite`);
    fs.copyFileSync(db.$client.name, file);
    const sqlite = new Database(file);
    sqlite.pragma("foreign_keys = ON");
    const expected = sqlite.prepare(HELD).all() as HeldRow[];
    const dealLines = () => sqlite.prepare("SELECT id, deal_id FROM order_lines WHERE deal_id IS NOT NULL ORDER BY id").all();
    const linesBefore = dealLines();
    expect(linesBefore.length).toBeGreaterThanOrEqual(3);
    // Take away what 0003 added (the shared-page triggers of 0004 first, since one reads units_taken), then run 0003 alone.
    for (const { name } of sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_bumps_content'").all() as { name: string }[]) {
      sqlite.exec(`DROP TRIGGER "${name}"`);
    }
    sqlite.exec("ALTER TABLE festival_deals DROP COLUMN units_taken");
    applyMigration(sqlite, "0003_");
    expect(dealLines()).toEqual(linesBefore);
    const after = sqlite.prepare(HELD).all() as HeldRow[];
    expect(after).toEqual(expected);
    expect(after.every((r) => r.taken === r.held)).toBe(true);
    expect(after.find((r) => r.id === a.deal!.dealId)!.held).toBeGreaterThanOrEqual(2);
    expect(() => sqlite.prepare("UPDATE festival_deals SET units_taken = -1 WHERE id = ?").run(a.deal!.dealId)).toThrow(/CHECK constraint failed/);
    sqlite.close();
    fs.rmSync(file, { force: true });
  });
});

describe("a deal whose units at the festival price are used up", () => {
  it("is marked sold out on the festival page, leaves the 'deals on now' filter, and a script's cart says why it lowered a quantity", async () => {
    const handle = await appHandler();
    const deal = await dealProduct(10, false, 3);
    const [festival] = await db.select({ slug: schema.festivals.slug }).from(schema.festivals).where(eq(schema.festivals.id, deal.deal!.festivalId));
    const [store] = await db.select({ slug: schema.stores.slug }).from(schema.stores).where(eq(schema.stores.id, deal.storeId));
    const card = (page: string) => {
      const start = page.indexOf(`data-deal="${deal.slug}"`);
      expect(start).toBeGreaterThan(-1);
      return page.slice(start, page.indexOf("</li>", start));
    };
    const dealsOnNow = async () => (await (await new Shopper().get(`/products?deal=1&store=${store.slug}`, handle)).text()).includes(`/products/${deal.slug}"`);

    await setDealUnitsLeft(deal.deal!.dealId, 2);
    let page = await (await new Shopper().get(`/festivals/${festival.slug}`, handle)).text();
    expect(card(page).replace(/<[^>]*>/g, "")).toContain("2 left at the festival price");
    expect(card(page)).toContain("Deal ends in");
    expect(await dealsOnNow()).toBe(true);

    // A script asking for more than is left hears that the festival price set the cap.
    const shopper = new Shopper();
    const added = await shopper.post("/cart.data", { intent: "add", slug: deal.slug, quantity: 5, enhanced: 1 }, handle);
    // Single fetch's turbo-stream: a flat array whose objects map "_<key index>" to a value index.
    const flat = JSON.parse(await added.text()) as unknown[];
    const fields = flat[2] as Record<string, number>;
    const result = Object.fromEntries(Object.entries(fields).map(([key, value]) => [flat[Number(key.slice(1))], flat[value]] as [PropertyKey, unknown]));
    expect(result).toEqual({ ok: true, notice: "lowered", max: 2, byDeal: true });

    await setDealUnitsLeft(deal.deal!.dealId, 0);
    page = await (await new Shopper().get(`/festivals/${festival.slug}`, handle)).text();
    expect(card(page)).toContain("Festival deal sold out");
    expect(card(page)).not.toContain("Deal ends in");
    expect(card(page)).not.toContain("Not on offer right now");
    const zh = await (await new Shopper().get(`/zh/festivals/${festival.slug}`, handle)).text();
    expect(card(zh)).not.toContain("left at the festival price");
    expect(await dealsOnNow()).toBe(false);
  });
});
