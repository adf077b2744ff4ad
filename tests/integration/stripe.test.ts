/**
 * Stripe Checkout and its webhook, end to end through the app's HTTP layer,
 * against a local stand-in for Stripe's API. Webhook payloads are signed
 * with the SDK's own test-header helper.
 */
import { count, eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { readCounters, reconcileCounters } from "~/modules/counters/counters.server";
import { reconcileDealUnits } from "~/modules/stock/stock.server";
import { buyableProducts, dealProduct, dealUnits, regularProduct, setDealUnitsLeft, stockOf } from "./fixtures";
import { ADDRESS, appHandler, Shopper } from "./http-client";
import { startStripeStandIn, stripeEvent, type RecordedSession } from "./stripe-stand-in";

const SECRET = "whsec_test_secret_for_the_showcase";
const stripe = new Stripe("sk_test_showcase");
let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
let handle: Awaited<ReturnType<typeof appHandler>>;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_showcase",
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(standIn.port),
    STRIPE_API_PROTOCOL: "http",
  });
  handle = await appHandler();
});
afterAll(async () => {
  await standIn?.close();
});

let productCursor = 10;
/** A shopper checks out one product with Stripe; returns the order and the session Stripe was asked for. */
async function stripeOrder(opts: { lang?: string; slug?: string; quantity?: number } = {}) {
  const prefix = opts.lang && opts.lang !== "en" ? `/${opts.lang}` : "";
  const shopper = new Shopper();
  const slug = opts.slug ?? (await regularProduct(5, productCursor++)).slug;
  await shopper.post(`${prefix}/cart`, { intent: "add", slug, quantity: opts.quantity ?? 1 }, handle);
  const res = await shopper.post(`${prefix}/checkout`, ADDRESS, handle);
  expect(res.status).toBe(303);
  const session = standIn.sessions.at(-1)!;
  expect(res.headers.get("Location")).toBe(session.body.url);
  const [order] = await db.select().from(schema.orders).where(eq(schema.orders.id, Number(session.body.metadata && (session.body.metadata as Record<string, string>).order_id)));
  return { order, session, shopper };
}

const event = stripeEvent;

async function deliver(payload: string, header: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json", Host: "localhost" };
  if (header !== null) headers["Stripe-Signature"] = header;
  return handle(new Request("http://localhost/webhooks/stripe", { method: "POST", body: payload, headers }));
}

/** Delivers an event signed as Stripe would (no Origin header: Stripe is not a browser). */
async function send(evt: object, opts: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(evt);
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? SECRET, timestamp: opts.timestamp });
  return deliver(payload, header);
}

const statusOf = async (id: number) => (await db.select().from(schema.orders).where(eq(schema.orders.id, id)))[0].status;
const eventCount = async () => (await db.select({ n: count() }).from(schema.paymentEvents))[0].n;
const campaign = async () => (await readCounters("campaign", ["all"])).get("all")!;

describe("Stripe Checkout Session", () => {
  it("is created per order with line items, currency, expiry, the order id and an idempotency key; Alipay and WeChat Pay for CNY", async () => {
    const before = Date.now();
    const { order, session } = await stripeOrder({ lang: "zh", quantity: 2 });
    const p = session.params;
    expect(session.authorization).toBe("Bearer sk_test_showcase");
    expect(p.get("mode")).toBe("payment");
    expect(p.get("line_items[0][price_data][currency]")).toBe("cny");
    expect(p.get("line_items[0][quantity]")).toBe("2");
    const lines = (await db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, order.id)));
    expect(Number(p.get("line_items[0][price_data][unit_amount]"))).toBe(lines[0].unitPriceMinor);
    expect(session.body.amount_total).toBe(order.totalMinor);
    expect(p.get("metadata[order_id]")).toBe(String(order.id));
    expect(session.idempotencyKey).toBe(`order-${order.number}-checkout-session`);
    expect(Number(p.get("expires_at")) * 1000).toBeGreaterThanOrEqual(before + 30 * 60 * 1000);
    expect(p.getAll("allowed_payment_method_types[]").length ? p.getAll("allowed_payment_method_types[]") : [0, 1, 2].map((i) => p.get(`allowed_payment_method_types[${i}]`))).toEqual(["card", "alipay", "wechat_pay"]);
    expect(p.get("locale")).toBe("zh");
    expect(p.get("success_url")).toMatch(new RegExp(`/zh/orders/${order.number}\\?key=`));
    expect(order).toMatchObject({ status: "pending", paymentProvider: "stripe", paymentRef: session.id, currency: "CNY" });
    // The order waits a little past the session, so Stripe's own `expired` event closes it.
    expect(order.expiresAt.getTime()).toBeGreaterThan(Number(p.get("expires_at")) * 1000);
  });

  it("offers no wallets outside CNY, and reuses the same session when the shopper retries", async () => {
    const { order, session, shopper } = await stripeOrder({ lang: "fr" });
    expect(session.params.get("line_items[0][price_data][currency]")).toBe("eur");
    expect(session.params.get("allowed_payment_method_types[0]")).toBeNull();
    const count = standIn.sessions.length;
    const orderUrl = new URL(session.params.get("success_url")!);
    const retry = await shopper.post(`${orderUrl.pathname}${orderUrl.search}`, {}, handle);
    expect(retry.headers.get("Location")).toBe(session.body.url);
    expect(standIn.sessions.length).toBe(count); // same idempotency key → same session
    expect(await statusOf(order.id)).toBe("pending");
  });

  it("keeps the order pending (and its page honest) when Stripe cannot be reached", async () => {
    standIn.setFailing(true);
    try {
      const shopper = new Shopper();
      await shopper.post("/cart", { intent: "add", slug: (await regularProduct(5, 40)).slug }, handle);
      const res = await shopper.post("/checkout", ADDRESS, handle);
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toMatch(/\/orders\/SR-.*&payment=unavailable$/);
      const page = await (await shopper.get(res.headers.get("Location")!, handle)).text();
      expect(page).toContain("The payment service could not be reached");
    } finally {
      standIn.setFailing(false);
    }
  }, 60_000);
});

describe("Stripe webhook: bad signatures", () => {
  it("answers 400 and writes nothing for a tampered body, a wrong secret, a missing header or an old timestamp", async () => {
    const { order, session } = await stripeOrder();
    const good = event("checkout.session.completed", session, { payment_status: "paid" });
    const payload = JSON.stringify(good);
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const before = { events: await eventCount(), counters: await campaign() };
    const attempts = [
      await deliver(payload.replace(`"amount_total":${order.totalMinor}`, `"amount_total":1`), header),
      await send(good, { secret: "whsec_wrong" }),
      await deliver(payload, null),
      await send(good, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
      await deliver(payload, "t=1,v1=deadbeef"),
    ];
    for (const res of attempts) expect(res.status).toBe(400);
    expect(await eventCount()).toBe(before.events);
    expect(await campaign()).toEqual(before.counters);
    expect(await statusOf(order.id)).toBe("pending");
    // The genuine delivery still works afterwards.
    expect((await deliver(payload, header)).status).toBe(200);
    expect(await statusOf(order.id)).toBe("paid");
  });
});

describe("Stripe webhook: order of arrival and replays", () => {
  it("converges when `expired` arrives before `completed`", async () => {
    const { order, session } = await stripeOrder({ quantity: 2 });
    const productId = (await db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, order.id)))[0].productId;
    const stockHeld = await stockOf(productId);
    await send(event("checkout.session.expired", session, { status: "expired" }));
    expect(await statusOf(order.id)).toBe("expired");
    expect(await stockOf(productId)).toBe(stockHeld + 2);
    await send(event("checkout.session.completed", session, { payment_status: "paid", status: "complete" }));
    expect(await statusOf(order.id)).toBe("paid");
    expect(await stockOf(productId)).toBe(stockHeld);
    expect(await reconcileCounters()).toEqual([]);
  });

  it("converges when `async_payment_succeeded` arrives before `completed`", async () => {
    const { order, session } = await stripeOrder();
    const before = await campaign();
    await send(event("checkout.session.async_payment_succeeded", session, { payment_status: "paid", status: "complete" }));
    expect(await statusOf(order.id)).toBe("paid");
    await send(event("checkout.session.completed", session, { payment_status: "unpaid", status: "complete" }));
    expect(await statusOf(order.id)).toBe("paid");
    expect((await campaign()).orders).toBe(before.orders + 1);
  });

  it("pays only when `completed` says paid, and fails an async payment that failed", async () => {
    const { order, session } = await stripeOrder();
    await send(event("checkout.session.completed", session, { payment_status: "unpaid", status: "complete" }));
    expect(await statusOf(order.id)).toBe("pending");
    await send(event("checkout.session.async_payment_failed", session, { payment_status: "unpaid" }));
    expect(await statusOf(order.id)).toBe("failed");
  });

  it("delivers every event 3 times in random order plus 20 simultaneous copies of one: each order paid once, counters equal the orders", async () => {
    const deal = await dealProduct(20);
    const scenarios = [
      { name: "completed", expect: "paid", events: (s: RecordedSession) => [event("checkout.session.completed", s, { payment_status: "paid" })] },
      { name: "deal", expect: "paid", slug: deal.slug, events: (s: RecordedSession) => [event("checkout.session.completed", s, { payment_status: "paid" })] },
      {
        name: "async ok",
        expect: "paid",
        events: (s: RecordedSession) => [event("checkout.session.completed", s, { payment_status: "unpaid" }), event("checkout.session.async_payment_succeeded", s, { payment_status: "paid" })],
      },
      {
        name: "async failed",
        expect: "failed",
        events: (s: RecordedSession) => [event("checkout.session.completed", s, { payment_status: "unpaid" }), event("checkout.session.async_payment_failed", s, { payment_status: "unpaid" })],
      },
      { name: "expired", expect: "expired", events: (s: RecordedSession) => [event("checkout.session.expired", s, { status: "expired" })] },
      {
        name: "expired then paid",
        expect: "paid",
        events: (s: RecordedSession) => [event("checkout.session.expired", s, { status: "expired" }), event("checkout.session.completed", s, { payment_status: "paid" })],
      },
      {
        name: "paid twice over",
        expect: "paid",
        events: (s: RecordedSession) => [event("checkout.session.async_payment_succeeded", s, { payment_status: "paid" }), event("checkout.session.completed", s, { payment_status: "paid" })],
      },
    ];
    const startCounters = await campaign();
    const startEvents = await eventCount();
    const orders = [];
    for (const sc of scenarios) {
      const { order, session } = await stripeOrder({ slug: sc.slug, quantity: sc.slug ? 1 : 2 });
      const lines = (await db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, order.id)));
      orders.push({ sc, order, events: sc.events(session), productId: lines[0].productId, quantity: lines[0].quantity, stockHeld: await stockOf(lines[0].productId) });
    }
    const deliveries = orders.flatMap((o) => o.events.flatMap((e) => [e, e, e]));
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
    }
    const storm = orders[0].events[0];
    const results = await Promise.all([...Array.from({ length: 20 }, () => send(storm)), ...deliveries.map((e) => send(e))]);
    for (const res of results) expect(res.status).toBe(200);

    for (const o of orders) {
      expect((await statusOf(o.order.id)), o.sc.name).toBe(o.sc.expect);
      expect(await stockOf(o.productId), o.sc.name).toBe(o.sc.expect === "paid" ? o.stockHeld : o.stockHeld + o.quantity);
    }
    const paid = orders.filter((o) => o.sc.expect === "paid");
    const after = await campaign();
    expect(after.orders).toBe(startCounters.orders + paid.length);
    expect(after.units).toBe(startCounters.units + paid.reduce((n, o) => n + o.quantity, 0));
    expect(after.gmv).toBe(startCounters.gmv + paid.reduce((n, o) => n + o.order.totalBaseMinor - o.order.shippingBaseMinor, 0));
    expect(await eventCount()).toBe(startEvents + orders.reduce((n, o) => n + o.events.length, 0));
    const festival = (await readCounters("festival", [String(deal.deal!.festivalId)])).get(String(deal.deal!.festivalId))!;
    expect(festival.orders).toBeGreaterThan(0);
    expect(await reconcileCounters()).toEqual([]);
    expect(await reconcileDealUnits()).toEqual([]);
  }, 60_000);

  it("takes a late-paid deal order's units again, or leaves it closed for a refund when they went to someone else", async () => {
    // A deal without a per-customer limit (every order here uses the same email), not the one used above.
    const used = (await dealProduct(20)).id;
    const deal = (await buyableProducts()).find((p) => p.deal && p.deal.limit === null && p.stock >= 5 && p.id !== used)!;
    const dealId = deal.deal!.dealId;
    await setDealUnitsLeft(dealId, 1);
    const { taken } = await dealUnits(dealId);

    const first = await stripeOrder({ slug: deal.slug });
    expect((await dealUnits(dealId)).taken).toBe(taken + 1);
    await send(event("checkout.session.expired", first.session, { status: "expired" }));
    expect(await statusOf(first.order.id)).toBe("expired");
    expect((await dealUnits(dealId)).taken).toBe(taken);
    await send(event("checkout.session.completed", first.session, { payment_status: "paid", status: "complete" }));
    expect(await statusOf(first.order.id)).toBe("paid");
    expect(await dealUnits(dealId)).toMatchObject({ taken: taken + 1, left: 0 });

    await setDealUnitsLeft(dealId, 1);
    const late = await stripeOrder({ slug: deal.slug });
    await send(event("checkout.session.expired", late.session, { status: "expired" }));
    const other = await stripeOrder({ slug: deal.slug }); // takes the unit the late order gave back
    const stock = await stockOf(deal.id);
    const res = await send(event("checkout.session.completed", late.session, { payment_status: "paid", status: "complete" }));
    expect(res.status).toBe(200);
    expect(await statusOf(late.order.id)).toBe("expired");
    expect(await statusOf(other.order.id)).toBe("pending");
    expect(await stockOf(deal.id)).toBe(stock);
    expect((await dealUnits(dealId)).left).toBe(0);
    expect(await reconcileDealUnits()).toEqual([]);
    expect(await reconcileCounters()).toEqual([]);
  });
});
