/**
 * Property: whatever random sequence of add-to-cart, checkout, pay, fail,
 * expire and replayed or late payment events happens, stock never goes
 * below zero, every unit is either on the shelf or in a live order, every
 * festival deal's units taken equal its lines in live orders and never pass
 * its committed stock, and the counters never drift from the paid orders.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db, rows, schema } from "~/db.server";
import { addToCart, ensureCart } from "~/modules/cart/cart.server";
import { reconcileCounters } from "~/modules/counters/counters.server";
import { reconcileDealUnits } from "~/modules/stock/stock.server";
import { placeOrder } from "~/modules/orders/checkout.server";
import { closeOrder, markOrderPaid, releaseExpiredOrders, type PaymentEvent } from "~/modules/orders/orders.server";
import { dealProduct, regularProduct, setDealUnitsLeft, setStock, stockOf } from "./fixtures";

const command = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), shopper: fc.nat(3), product: fc.nat(2), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant("checkout" as const), shopper: fc.nat(3) }),
  fc.record({ kind: fc.constant("pay" as const), order: fc.nat(20), revive: fc.boolean() }),
  fc.record({ kind: fc.constant("fail" as const), order: fc.nat(20) }),
  fc.record({ kind: fc.constant("wait" as const), minutes: fc.integer({ min: 1, max: 45 }) }),
  fc.record({ kind: fc.constant("replay" as const), event: fc.nat(40) }),
);

/** Every deal whose units taken differ from its lines in pending and paid orders, or pass its committed stock. */
function dealUnitViolations() {
  return rows<{ id: number; taken: number; committed: number; held: number }>(
    db,
    sql`
    SELECT * FROM (
      SELECT d.id AS "id", d.units_taken AS "taken", d.committed_stock AS "committed", coalesce((
        SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE l.deal_id = d.id AND o.status IN ('pending', 'paid')), 0) AS "held"
      FROM festival_deals d
    ) deals
    WHERE "taken" <> "held" OR "taken" > "committed"`,
  );
}

describe("orders under random sequences (fast-check)", () => {
  it("keeps stock ≥ 0, conserves units, keeps deal units within their commitment and reconcile at zero drift", async () => {
    const products = [await regularProduct(1, 60), await regularProduct(1, 61), await dealProduct(1)];
    const dealId = products[2].deal!.dealId;
    const ids = products.map((p) => p.id);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 5 }), async (commands, stocks, dealUnitsLeft) => {
        run++;
        let now = new Date(Date.now());
        // Start each run from a clean shelf: close what earlier runs left pending.
        await releaseExpiredOrders(new Date(now.getTime() + 365 * 86_400_000));
        for (const [i, id] of ids.entries()) await setStock(id, stocks[i]);
        // The deal's committed units are often fewer than its stock, so both limits get hit.
        await setDealUnitsLeft(dealId, dealUnitsLeft);
        const orderIds: number[] = [];
        const sent: { event: PaymentEvent; kind: "paid" | "failed"; revive: boolean }[] = [];
        const carts: string[] = [];
        for (let s = 0; s < 4; s++) {
          const request = new Request("http://localhost/cart");
          carts.push((await ensureCart(request, now)).cartId);
        }
        const slugs = products.map((p) => p.slug);

        for (const c of commands) {
          switch (c.kind) {
            case "add":
              await addToCart(carts[c.shopper], slugs[c.product], c.quantity, now);
              break;
            case "checkout": {
              const result = await placeOrder({
                cartId: carts[c.shopper],
                input: { email: `p${run}-${c.shopper}@example.com`, name: "Prop Shopper", line1: "1 Test Road", line2: "", city: "Accra", postalCode: "", phone: "+233 24 123 4567", country: "GH", province: "", district: "", region: "" },
                lang: "en",
                currency: "GHS",
                origin: "http://localhost",
                now,
              });
              if (result.ok) {
                const number = /SR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(result.redirectTo)![0];
                const [placed] = await db.select({ id: schema.orders.id }).from(schema.orders).where(eq(schema.orders.number, number));
                orderIds.push(placed.id);
              }
              break;
            }
            case "pay":
            case "fail": {
              const orderId = orderIds[c.order % Math.max(1, orderIds.length)];
              if (orderId === undefined) break;
              const event: PaymentEvent = { orderId, provider: "prop", providerEventId: `prop-${run}-${sent.length}`, type: c.kind, now };
              const revive = c.kind === "pay" && c.revive;
              if (c.kind === "pay") await markOrderPaid(event, { revive });
              else await closeOrder(event, "failed");
              sent.push({ event, kind: c.kind === "pay" ? "paid" : "failed", revive });
              break;
            }
            case "wait":
              now = new Date(now.getTime() + c.minutes * 60_000);
              await releaseExpiredOrders(now);
              break;
            case "replay": {
              const old = sent[c.event % Math.max(1, sent.length)];
              if (!old) break;
              const again = { ...old.event, now };
              const result = old.kind === "paid" ? await markOrderPaid(again, { revive: old.revive }) : await closeOrder(again, "failed");
              expect(result).toBe("duplicate_event");
              break;
            }
          }
          // Invariants after every step.
          const shelf = await Promise.all(ids.map(stockOf));
          for (const s of shelf) expect(s).toBeGreaterThanOrEqual(0);
          const held = new Map<number, number>();
          if (orderIds.length) {
            const live = await db
              .select({ productId: schema.orderLines.productId, quantity: schema.orderLines.quantity })
              .from(schema.orderLines)
              .innerJoin(schema.orders, eq(schema.orders.id, schema.orderLines.orderId))
              .where(and(inArray(schema.orders.id, orderIds), inArray(schema.orders.status, ["pending", "paid"])));
            for (const r of live) held.set(r.productId, (held.get(r.productId) ?? 0) + r.quantity);
          }
          ids.forEach((id, i) => expect(shelf[i] + (held.get(id) ?? 0)).toBe(stocks[i]));
          expect(await dealUnitViolations()).toEqual([]);
        }
        expect(await reconcileCounters()).toEqual([]);
        expect(await reconcileDealUnits()).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
