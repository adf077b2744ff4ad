/**
 * What the shopper is shown is what the order charges: presentment rounding
 * in a currency shown in whole units, and shipping in the totals.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import { readCounters, reconcileCounters } from "~/modules/counters/counters.server";
import { formatMoney } from "~/modules/i18n/format";
import { DEFAULT_SHIPPING } from "~/modules/shipping/zones";
import { ADDRESS, appHandler, Shopper } from "./http-client";
import { regularProduct } from "./fixtures";

let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

const html = async (res: Response) => (await res.text()).replace(/<script[\s\S]*?<\/script>/g, "");
const orderByNumber = async (number: string) => (await db.select().from(schema.orders).where(eq(schema.orders.number, number)))[0];
/** The first price (a `<bdi>`) inside the element marked `data-testid="<id>"`. */
const testIdText = (page: string, id: string) => new RegExp(`data-testid="${id}"[\\s\\S]*?<bdi[^>]*>([^<]*)</bdi>`).exec(page)?.[1] ?? null;
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("presentment rounding", () => {
  it("shows KES in whole shillings and charges exactly the displayed total", async () => {
    const a = await regularProduct(5, 3);
    const shopper = new Shopper();
    await shopper.post("/sw/cart?currency=KES", { intent: "add", slug: a.slug, quantity: 3 }, handle);
    const checkout = await html(await shopper.get("/sw/checkout?currency=KES", handle));
    const shown = testIdText(checkout, "checkout-total");
    expect(shown).toBeTruthy();
    // Whole shillings: no decimal part anywhere in the shown total.
    expect(shown).not.toMatch(/[.,]\d{2}(?!\d)/);
    const res = await shopper.post("/sw/checkout?currency=KES", { ...ADDRESS, country: "KE", city: "Nairobi", phone: "+254 712 345 678" }, handle);
    expect(res.status).toBe(303);
    const number = res.headers.get("Location")!.split("/")[4].split("?")[0];
    const order = await orderByNumber(number);
    expect(order.currency).toBe("KES");
    expect(order.totalMinor % 100).toBe(0);
    expect(norm(formatMoney(order.totalMinor, "KES", "sw"))).toBe(norm(shown!));
    const lines = (await db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, order.id)));
    for (const l of lines) expect(l.unitPriceMinor % 100).toBe(0);
    // The demo provider asks for the same amount.
    const demo = await html(await shopper.get(res.headers.get("Location")!, handle));
    expect(norm(demo)).toContain(norm(shown!));
  });
});

describe("shipping by destination", () => {
  it("prices each store's shipping on the server, shows it in cart and checkout, charges it and keeps it out of GMV", async () => {
    const a = await regularProduct(5, 4);
    const store = (await db.select({ country: schema.stores.countryCode }).from(schema.stores).where(eq(schema.stores.id, a.storeId)))[0];
    // The store's own rate for China, set as its owner would.
    await transact(db, (tx) => tx.delete(schema.storeShippingRates).where(eq(schema.storeShippingRates.storeId, a.storeId)));
    await transact(db, (tx) => tx.insert(schema.storeShippingRates).values({ storeId: a.storeId, zone: "china", costBaseMinor: 1234, minDays: 9, maxDays: 16 }));
    const shopper = new Shopper();
    await shopper.post("/cart", { intent: "add", slug: a.slug, quantity: 2 }, handle);
    const cart = await html(await shopper.get("/cart?ship=CN", handle));
    expect(cart).toContain('data-testid="shipping-line"');
    expect(cart).toContain("$12.34");
    expect(cart).toContain("arrives in 9–16 days");
    const checkout = await html(await shopper.get("/checkout?ship=CN", handle));
    expect(checkout).toContain('name="country" value="CN"');
    const shownTotal = testIdText(checkout, "checkout-total")!;
    const res = await shopper.post("/checkout?ship=CN", ADDRESS, handle);
    expect(res.status).toBe(303);
    const number = res.headers.get("Location")!.split("/")[3].split("?")[0];
    const order = await orderByNumber(number);
    const lines = (await db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, order.id)));
    const goods = lines.reduce((n, l) => n + l.lineTotalMinor, 0);
    expect(order.shippingMinor).toBe(1234);
    expect(order.shippingBaseMinor).toBe(1234);
    expect(order.totalMinor).toBe(goods + 1234);
    expect(norm(formatMoney(order.totalMinor, "USD", "en"))).toBe(norm(shownTotal));
    const shipments = (await db.select().from(schema.orderShipments).where(eq(schema.orderShipments.orderId, order.id)));
    expect(shipments).toEqual([{ orderId: order.id, storeId: a.storeId, zone: store.country === "CN" ? "domestic" : "china", costBaseMinor: 1234, costMinor: 1234, minDays: 9, maxDays: 16 }]);
    // The order page shows the shipping; the counters count goods only.
    const before = (await readCounters("campaign", ["all"])).get("all")!;
    const paid = await shopper.post(res.headers.get("Location")!, { outcome: "pay" }, handle);
    const orderPage = await html(await shopper.get(paid.headers.get("Location")!, handle));
    expect(orderPage).toContain("$12.34");
    const after = (await readCounters("campaign", ["all"])).get("all")!;
    expect(after.gmv).toBe(before.gmv + lines.reduce((n, l) => n + l.lineTotalBaseMinor, 0));
    expect(await reconcileCounters()).toEqual([]);
  });

  it("falls back to the default rates and rounds shipping like any presented price", async () => {
    const a = await regularProduct(5, 5);
    await transact(db, (tx) => tx.delete(schema.storeShippingRates).where(eq(schema.storeShippingRates.storeId, a.storeId)));
    const shopper = new Shopper();
    await shopper.post("/sw/cart", { intent: "add", slug: a.slug }, handle);
    const res = await shopper.post("/sw/checkout", { ...ADDRESS, country: "NG", city: "Lagos", phone: "+234 803 123 4567" }, handle);
    expect(res.status).toBe(303);
    const order = await orderByNumber(res.headers.get("Location")!.split("/")[4].split("?")[0]);
    expect(order.currency).toBe("KES");
    expect(order.shippingBaseMinor).toBe(DEFAULT_SHIPPING.africa.costBaseMinor);
    expect(order.shippingMinor % 100).toBe(0);
  });
});

describe("address forms per country", () => {
  it("shows the Chinese order of fields for China and the general one elsewhere", async () => {
    const shopper = new Shopper();
    await shopper.post("/zh/cart", { intent: "add", slug: (await regularProduct(5, 6)).slug }, handle);
    const cn = await html(await shopper.get("/zh/checkout", handle));
    const order = ["checkout-name", "checkout-phone", "checkout-province", "checkout-city", "checkout-district", "checkout-line1"].map((id) => cn.indexOf(`id="${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(cn).toContain("详细地址");
    const ke = await html(await shopper.get("/zh/checkout?ship=KE", handle));
    expect(ke).not.toContain('id="checkout-province"');
    expect(ke).toContain('id="checkout-region"');
  });

  it("answers bad input per country with a translated 400, never a 500, keeping what was typed", async () => {
    const shopper = new Shopper();
    await shopper.post("/zh/cart", { intent: "add", slug: (await regularProduct(5, 7)).slug }, handle);
    const cn = await shopper.post("/zh/checkout", { ...ADDRESS, province: "", district: "", phone: "12345" }, handle);
    expect(cn.status).toBe(400);
    const cnPage = await html(cn);
    expect(cnPage).toContain("请填写省份");
    expect(cnPage).toContain("请填写区/县");
    expect(cnPage).toContain('value="88 Nanjing Road"');
    const ar = await shopper.post("/ar/checkout?ship=EG", { ...ADDRESS, country: "EG", phone: "" }, handle);
    expect(ar.status).toBe(400);
    expect(await html(ar)).toContain("رقم");
    const junk = await shopper.post("/fr/checkout", { ...ADDRESS, country: "ZZ", phone: "<script>" }, handle);
    expect(junk.status).toBe(400);
    expect(await html(junk)).toContain("Choisissez un pays");
  });
});
