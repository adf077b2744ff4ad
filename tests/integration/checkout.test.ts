/**
 * The shopper's money path through the HTTP layer (no JavaScript): cart
 * intents, checkout validation, the pending order, the demo provider, the
 * confirmation page and order lookup.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import { readCounters, reconcileCounters } from "~/modules/counters/counters.server";
import { ADDRESS, appHandler, Shopper } from "./http-client";
import { dealProduct, dealUnits, regularProduct, setDealUnitsLeft, setStock, stockOf } from "./fixtures";

let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

const html = async (res: Response) => (await res.text()).replace(/<script[\s\S]*?<\/script>/g, "");
const orderByNumber = async (number: string) => (await db.select().from(schema.orders).where(eq(schema.orders.number, number)))[0];

describe("cart", () => {
  it("adds, sets and removes with one action, and the header counts the items", async () => {
    const a = await regularProduct(5);
    const b = await regularProduct(5, 1);
    const shopper = new Shopper();
    const added = await shopper.post("/cart", { intent: "add", slug: a.slug, quantity: 2 }, handle);
    expect(added.status).toBe(303);
    expect(added.headers.get("Location")).toBe("/cart");
    expect(shopper.cookies.get("cart")).toBeTruthy();
    await shopper.post("/cart", { intent: "add", slug: b.slug }, handle);
    let page = await html(await shopper.get("/cart", handle));
    expect(page).toMatch(/data-testid="cart-count">3</);
    await shopper.post("/cart", { intent: "set", slug: a.slug, quantity: 4 }, handle);
    page = await html(await shopper.get("/cart", handle));
    expect(page).toMatch(/data-testid="cart-count">5</);
    await shopper.post("/cart", { intent: "remove", slug: b.slug }, handle);
    // Shared pages (the home page) carry no count: the header asks /me after hydration.
    page = await html(await shopper.get("/", handle));
    expect(page).not.toContain('data-testid="cart-count"');
    const me = (await (await shopper.get("/me", handle)).json()) as { cartCount: number };
    expect(me.cartCount).toBe(4);
  });

  it("answers bad input with a note, never a 500, and keeps the cart", async () => {
    const a = await regularProduct(5);
    const shopper = new Shopper();
    await shopper.post("/cart", { intent: "add", slug: a.slug }, handle);
    const bad: Record<string, string>[] = [{ intent: "explode", slug: a.slug }, { intent: "set", slug: a.slug, quantity: "lots" }, { intent: "add", slug: "../etc" }, {}];
    for (const form of bad) {
      const res = await shopper.post("/fr/cart", form, handle);
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe("/fr/cart?notice=invalid");
    }
    const page = await html(await shopper.get("/fr/cart?notice=invalid", handle));
    expect(page).toContain("Cette demande n’a pas pu être comprise");
    expect(page).toMatch(/data-testid="cart-count">1</);
    const unknown = await shopper.post("/cart", { intent: "add", slug: "no-such-product" }, handle);
    expect(unknown.headers.get("Location")).toBe("/cart?notice=unavailable");
  });

  it("answers a script's fetcher with data instead of a redirect", async () => {
    const a = await regularProduct(5);
    const shopper = new Shopper();
    // A fetcher posts to the route's single-fetch data URL.
    const res = await shopper.post("/cart.data", { intent: "add", slug: a.slug, enhanced: 1 }, handle);
    expect(res.status).toBe(200);
    expect(res.headers.get("Location")).toBeNull();
    expect(await res.text()).toContain('"ok"');
    expect(await html(await shopper.get("/cart", handle))).toMatch(/data-testid="cart-count">1</);
  });

  it("limits quantities by stock and by a deal's per-customer limit", async () => {
    const plain = await regularProduct(3, 2);
    await setStock(plain.id, 3);
    const shopper = new Shopper();
    const res = await shopper.post("/cart", { intent: "add", slug: plain.slug, quantity: 50 }, handle);
    expect(res.headers.get("Location")).toBe("/cart?notice=lowered");
    const deal = await dealProduct(10, true);
    await shopper.post("/cart", { intent: "add", slug: deal.slug, quantity: 50 }, handle);
    const lines = (await db.select().from(schema.cartLines).where(eq(schema.cartLines.cartId, JSON.parse(atob(decodeURIComponent(shopper.cookies.get("cart")!))) as string)));
    expect(lines.find((l) => l.productId === plain.id)?.quantity).toBe(3);
    expect(lines.find((l) => l.productId === deal.id)?.quantity).toBe(deal.deal!.limit);
  });

  it("caps a deal line at the units left at the festival price while the deal is live, and says why", async () => {
    const deal = await dealProduct(10, false);
    await setDealUnitsLeft(deal.deal!.dealId, 3);
    const shopper = new Shopper();
    const res = await shopper.post("/cart", { intent: "add", slug: deal.slug, quantity: 8 }, handle);
    expect(res.headers.get("Location")).toBe("/cart?notice=lowered_deal");
    const page = await html(await shopper.get("/cart?notice=lowered_deal", handle));
    expect(page).toContain("The quantity was lowered to the units left at the festival price.");
    expect(page).toContain("Only 3 left at the festival price.");
    expect(page).toMatch(/data-testid="cart-count">3</);
    // A script's fetcher gets the cap too.
    const more = await shopper.post("/cart.data", { intent: "set", slug: deal.slug, quantity: 5, enhanced: 1 }, handle);
    expect(await more.text()).toContain('"lowered"');
    expect(await html(await shopper.get("/zh/cart", handle))).toContain("节日特价仅剩 3 件。");
    // Once the deal's units are gone, the regular price applies and stock is the only cap.
    await setDealUnitsLeft(deal.deal!.dealId, 0);
    const other = new Shopper();
    expect((await other.post("/cart", { intent: "add", slug: deal.slug, quantity: 5 }, handle)).headers.get("Location")).toBe("/cart");
    const regular = await html(await other.get("/cart", handle));
    expect(regular).toContain("The festival price has sold out: this is the regular price.");
    expect(regular).toContain('data-testid="to-checkout"');
  });

  it("shows on the product page how many units are left at the festival price, and when none are", async () => {
    const deal = await dealProduct(10, undefined, 1);
    await setDealUnitsLeft(deal.deal!.dealId, 4);
    // What the shopper reads (each number sits in its own isolating element).
    const text = (markup: string) => markup.replace(/<[^>]*>/g, "");
    let page = await html(await new Shopper().get(`/products/${deal.slug}`, handle));
    expect(text(page)).toContain("4 left at the festival price");
    expect(page).toContain("Deal ends in");
    page = await html(await new Shopper().get(`/fr/products/${deal.slug}`, handle));
    expect(text(page)).toContain("Encore 4 au prix du festival");
    await setDealUnitsLeft(deal.deal!.dealId, 0);
    page = await html(await new Shopper().get(`/products/${deal.slug}`, handle));
    expect(page).toContain("Festival deal sold out");
    expect(page).not.toContain("left at the festival price");
    expect(page).not.toContain("Deal ends in");
    expect(page).toMatch(/data-testid="add-to-cart"/);
  });

  it("shows when a price changed or an item sold out since it was added", async () => {
    const a = await regularProduct(5, 3);
    const b = await regularProduct(5, 4);
    const shopper = new Shopper();
    await shopper.post("/cart", { intent: "add", slug: a.slug }, handle);
    await shopper.post("/cart", { intent: "add", slug: b.slug }, handle);
    await transact(db, (tx) => tx.update(schema.products).set({ priceMinor: a.priceMinor + 250 }).where(eq(schema.products.id, a.id)));
    await setStock(b.id, 0);
    const page = await html(await shopper.get("/cart", handle));
    expect(page).toContain("The price changed since you added this: it was $");
    expect(page).toContain("Sold out since you added it.");
    expect(page).not.toContain('data-testid="to-checkout"');
    const res = await shopper.post("/checkout", ADDRESS, handle);
    expect(res.status).toBe(409);
    expect(await html(res)).toMatch(/Sorry, .* has just sold out/);
  });
});

describe("checkout", () => {
  it("validates every field with a translated message next to it, keeping what was typed", async () => {
    const shopper = new Shopper();
    await shopper.post("/zh/cart", { intent: "add", slug: (await regularProduct(5)).slug }, handle);
    const res = await shopper.post("/zh/checkout", { email: "wang@", name: "W", line1: "88 Nanjing Road", city: "", country: "ZZ", phone: "call me" }, handle);
    expect(res.status).toBe(400);
    const page = await html(res);
    for (const message of ["请输入有效的电子邮箱", "请输入姓名", "请输入城市", "请从列表中选择国家/地区", "请输入只含数字的电话号码"]) expect(page).toContain(message);
    expect(page).toContain('value="88 Nanjing Road"');
    expect(page).toMatch(/aria-invalid="true"/);
    // The cart is still there.
    expect(page).toMatch(/data-testid="cart-count">1</);
  });

  it("lists shipping countries in the page's language", async () => {
    const shopper = new Shopper();
    await shopper.post("/ar/cart", { intent: "add", slug: (await regularProduct(5)).slug }, handle);
    const page = await html(await shopper.get("/ar/checkout", handle));
    expect(page).toContain('<option value="KE">كينيا</option>');
    expect(page).toMatch(/<option value="CN"[^>]*>الصين<\/option>/);
  });

  it("places a pending order that takes the stock, empties the cart and sends the shopper to the demo provider", async () => {
    const a = await regularProduct(5, 5);
    const before = await stockOf(a.id);
    const shopper = new Shopper();
    await shopper.post("/zh/cart", { intent: "add", slug: a.slug, quantity: 2 }, handle);
    const res = await shopper.post("/zh/checkout", ADDRESS, handle);
    expect(res.status).toBe(303);
    const payUrl = res.headers.get("Location")!;
    expect(payUrl).toMatch(/^\/zh\/pay\/demo\/SR-[0-9A-Z]{4}-[0-9A-Z]{4}\?key=/);
    expect(await stockOf(a.id)).toBe(before - 2);
    const number = payUrl.split("/")[4].split("?")[0];
    const order = await orderByNumber(number);
    expect(order).toMatchObject({ status: "pending", currency: "CNY", email: "wang.fang@example.com", lang: "zh", shippingCountry: "CN" });
    expect(order.expiresAt.getTime() - order.createdAt.getTime()).toBe(30 * 60 * 1000);
    expect(await html(await shopper.get("/zh/cart", handle))).toMatch(/data-testid="cart-count">0</);

    // The demo page says it is a demo; paying goes through the one fulfilment function.
    const demo = await html(await shopper.get(payUrl, handle));
    expect(demo).toContain("演示支付");
    expect(demo).toContain("不会产生真实扣款");
    const counters = (await readCounters("campaign", ["all"])).get("all")!;
    const paid = await shopper.post(payUrl, { outcome: "pay" }, handle);
    expect(paid.status).toBe(303);
    const orderUrl = paid.headers.get("Location")!;
    expect(orderUrl).toMatch(new RegExp(`^/zh/orders/${number}\\?key=`));
    // A second click is a resent event: nothing changes.
    await shopper.post(payUrl, { outcome: "pay" }, handle);
    const after = (await readCounters("campaign", ["all"])).get("all")!;
    expect(after.orders).toBe(counters.orders + 1);
    expect(after.units).toBe(counters.units + 2);
    // GMV counts goods, not shipping (decision 0017).
    expect(after.gmv).toBe(counters.gmv + order.totalBaseMinor - order.shippingBaseMinor);
    expect(await reconcileCounters()).toEqual([]);

    const confirmation = await html(await shopper.get(orderUrl, handle));
    expect(confirmation).toContain('<html lang="zh-Hans"');
    expect(confirmation).toContain("已付款");
    expect(confirmation).toContain("谢谢您，Wang Fang！");
    // Without the key, the order number alone opens nothing.
    expect((await new Shopper().get(`/zh/orders/${number}`, handle)).status).toBe(404);
    expect((await new Shopper().get(`/zh/orders/${number}?key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, handle)).status).toBe(404);
  });

  it("shows a failed demo payment honestly and gives the stock back", async () => {
    const a = await regularProduct(5, 6);
    const before = await stockOf(a.id);
    const shopper = new Shopper();
    await shopper.post("/cart", { intent: "add", slug: a.slug }, handle);
    const payUrl = (await shopper.post("/checkout", { ...ADDRESS, country: "KE" }, handle)).headers.get("Location")!;
    const res = await shopper.post(payUrl, { outcome: "fail" }, handle);
    expect(await stockOf(a.id)).toBe(before);
    const page = await html(await shopper.get(res.headers.get("Location")!, handle));
    expect(page).toContain("Payment failed");
    expect(page).toContain("Nothing was charged");
    // Paying afterwards changes nothing.
    await shopper.post(payUrl, { outcome: "pay" }, handle);
    expect((await orderByNumber(payUrl.split("/")[3].split("?")[0])).status).toBe("failed");
  });

  it("shows an order past its time limit as expired, with its stock back", async () => {
    const a = await regularProduct(5, 7);
    const before = await stockOf(a.id);
    const shopper = new Shopper();
    await shopper.post("/cart", { intent: "add", slug: a.slug, quantity: 3 }, handle);
    const payUrl = (await shopper.post("/checkout", ADDRESS, handle)).headers.get("Location")!;
    const number = payUrl.split("/")[3].split("?")[0];
    expect(await stockOf(a.id)).toBe(before - 3);
    await transact(db, (tx) => tx.update(schema.orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.orders.number, number)));
    const page = await html(await shopper.get(payUrl.replace("/pay/demo/", "/orders/"), handle));
    expect(page).toContain("Expired");
    expect(page).toContain("was not paid in time");
    expect(await stockOf(a.id)).toBe(before);
    await shopper.get(payUrl.replace("/pay/demo/", "/orders/"), handle);
    expect(await stockOf(a.id)).toBe(before);
    // The demo page refuses to pay it.
    expect(await html(await shopper.get(payUrl, handle))).toContain("This order can no longer be paid.");
  });

  it("enforces a deal's per-customer limit across the same email's orders", async () => {
    const deal = await dealProduct(10, true);
    const limit = deal.deal!.limit!;
    const first = new Shopper();
    await first.post("/cart", { intent: "add", slug: deal.slug, quantity: limit }, handle);
    expect((await first.post("/checkout", { ...ADDRESS, email: "limit@example.com" }, handle)).status).toBe(303);
    const second = new Shopper();
    await second.post("/cart", { intent: "add", slug: deal.slug, quantity: 1 }, handle);
    const res = await second.post("/checkout", { ...ADDRESS, email: "LIMIT@example.com" }, handle);
    expect(res.status).toBe(409);
    expect(await html(res)).toContain("the festival deal allows only a few per customer");
  });

  it("answers a race for the last deal units with a translated message, keeping the cart, then sells at the price shown", async () => {
    const deal = await dealProduct(10, false, 2);
    const dealId = deal.deal!.dealId;
    await setDealUnitsLeft(dealId, 2);
    const ordersBefore = (await db.select().from(schema.orders)).length;
    // Two in the cart at the festival price; then someone else buys one of the two left.
    const shopper = new Shopper();
    await shopper.post("/zh/cart", { intent: "add", slug: deal.slug, quantity: 2 }, handle);
    await setDealUnitsLeft(dealId, 1);
    let res = await shopper.post("/zh/checkout", { ...ADDRESS, email: "race@example.com" }, handle);
    expect(res.status).toBe(409);
    const page = await html(res);
    expect(page).toContain("的节日特价刚刚售罄");
    expect(page).toContain('value="88 Nanjing Road"');
    expect(page).toMatch(/data-testid="cart-count">2</);
    // Then the last one goes too: the line now costs the regular price, which checkout never applies unseen.
    await setDealUnitsLeft(dealId, 0);
    res = await shopper.post("/checkout", { ...ADDRESS, email: "race@example.com" }, handle);
    expect(res.status).toBe(409);
    expect(await html(res)).toMatch(/Sorry, .* has just sold out at the festival price/);
    expect((await db.select().from(schema.orders)).length).toBe(ordersBefore);
    const cart = await html(await shopper.get("/cart", handle));
    expect(cart).toContain("The festival price sold out after you added this");
    expect(cart).not.toContain('data-testid="to-checkout"');
    // Updating the line accepts the regular price; the order then takes no deal units.
    await shopper.post("/cart", { intent: "set", slug: deal.slug, quantity: 2 }, handle);
    expect(await html(await shopper.get("/cart", handle))).toContain('data-testid="to-checkout"');
    const taken = (await dealUnits(dealId)).taken;
    res = await shopper.post("/checkout", { ...ADDRESS, email: "race@example.com" }, handle);
    expect(res.status).toBe(303);
    const number = res.headers.get("Location")!.split("/")[3].split("?")[0];
    const line = (await db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, (await orderByNumber(number)).id)))[0];
    expect(line).toMatchObject({ dealId: null, quantity: 2, unitPriceBaseMinor: deal.priceMinor });
    expect((await dealUnits(dealId)).taken).toBe(taken);
  });

  it("says so when the cart is empty", async () => {
    const res = await new Shopper().post("/checkout", ADDRESS, handle);
    expect(res.status).toBe(400);
    expect(await html(res)).toContain("Your cart is empty");
  });
});

describe("order lookup", () => {
  it("finds an order by number and email (any case), and says the same thing for any mismatch", async () => {
    const shopper = new Shopper();
    await shopper.post("/cart", { intent: "add", slug: (await regularProduct(5, 8)).slug }, handle);
    const payUrl = (await shopper.post("/checkout", ADDRESS, handle)).headers.get("Location")!;
    const number = payUrl.split("/")[3].split("?")[0];
    const found = await shopper.post("/pt/orders/lookup", { number: number.toLowerCase(), email: "WANG.FANG@example.com" }, handle);
    expect(found.status).toBe(303);
    expect(found.headers.get("Location")).toMatch(new RegExp(`^/pt/orders/${number}\\?key=`));
    const page = await html(await shopper.get(found.headers.get("Location")!, handle));
    expect(page).toContain("A aguardar pagamento");
    const wrong = await shopper.post("/pt/orders/lookup", { number, email: "someone@example.com" }, handle);
    expect(wrong.status).toBe(404);
    expect(await html(wrong)).toContain("Nenhuma encomenda corresponde");
    const bad = await shopper.post("/pt/orders/lookup", { number: "42", email: "x" }, handle);
    expect(bad.status).toBe(400);
    expect(await html(bad)).toContain("Introduza o número da encomenda");
  });
});
