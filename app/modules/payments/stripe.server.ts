/**
 * Stripe: a Checkout Session per order, and the webhook that confirms it.
 * The API base is configurable (STRIPE_API_HOST / _PORT / _PROTOCOL) so tests
 * can run a local stand-in for the one endpoint used.
 */
import Stripe from "stripe";
import { db, schema } from "~/db.server";
import { env } from "~/env.server";
import { eq } from "drizzle-orm";
import { closeOrder, markOrderPaid, recordPaymentEvent, type PaymentEvent } from "../orders/orders.server";
import type { PaymentProvider } from "./provider";

let cached: { key: string; client: Stripe } | null = null;

export function stripeConfigured(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY, STRIPE_API_HOST, STRIPE_API_PORT, STRIPE_API_PROTOCOL } = env();
  const key = STRIPE_SECRET_KEY || "sk_test_webhook_only";
  const signature = [key, STRIPE_API_HOST, STRIPE_API_PORT, STRIPE_API_PROTOCOL].join("|");
  if (cached?.key !== signature) {
    cached = {
      key: signature,
      client: new Stripe(key, {
        ...(STRIPE_API_HOST ? { host: STRIPE_API_HOST } : {}),
        ...(STRIPE_API_PORT ? { port: STRIPE_API_PORT } : {}),
        protocol: STRIPE_API_PROTOCOL,
        maxNetworkRetries: 2,
        timeout: 20_000,
        telemetry: false,
      }),
    };
  }
  return cached.client;
}

/** Stripe Checkout locales for our languages (Arabic and Swahili are not offered: Stripe picks). */
const STRIPE_LOCALE: Record<string, Stripe.Checkout.SessionCreateParams.Locale> = { en: "en", zh: "zh", fr: "fr", pt: "pt" };

/** Stripe refuses a session that expires sooner than 30 minutes from now. */
const STRIPE_MIN_EXPIRY_MS = 31 * 60 * 1000;
/** The order waits a little past the session, so Stripe's own `expired` event normally closes it. */
const WEBHOOK_GRACE_MS = 10 * 60 * 1000;

export const stripeProvider: PaymentProvider = {
  name: "stripe",
  async start(order, urls) {
    const now = Date.now();
    const sessionExpiry = Math.max(order.expiresAt.getTime(), now + STRIPE_MIN_EXPIRY_MS);
    const wallets: Partial<Stripe.Checkout.SessionCreateParams> =
      order.currency === "CNY"
        ? { allowed_payment_method_types: ["card", "alipay", "wechat_pay"], payment_method_options: { wechat_pay: { client: "web" } } }
        : {};
    const session = await stripeClient().checkout.sessions.create(
      {
        mode: "payment",
        line_items: order.lines.map((l) => ({
          quantity: l.quantity,
          price_data: { currency: order.currency.toLowerCase(), unit_amount: l.unitPriceMinor, product_data: { name: l.productName } },
        })),
        customer_email: order.email,
        client_reference_id: order.number,
        metadata: { order_id: String(order.id), order_number: order.number },
        payment_intent_data: { metadata: { order_id: String(order.id), order_number: order.number } },
        expires_at: Math.floor(sessionExpiry / 1000),
        success_url: urls.orderUrl,
        cancel_url: urls.orderUrl,
        locale: STRIPE_LOCALE[order.lang] ?? "auto",
        ...wallets,
      },
      // The same order always gets the same session, however often it is retried.
      { idempotencyKey: `order-${order.number}-checkout-session` },
    );
    if (!session.url) throw new Error(`Stripe returned no URL for session ${session.id}`);
    return { redirectTo: session.url, ref: session.id, expiresAt: new Date(sessionExpiry + WEBHOOK_GRACE_MS) };
  },
};

export type WebhookOutcome = { status: number; body: Record<string, unknown> };

/**
 * Verifies a webhook delivery (raw body + Stripe-Signature) and applies it.
 * Nothing is written unless the signature checks out.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null, now: Date): Promise<WebhookOutcome> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) return { status: 400, body: { error: "webhook secret not configured" } };
  if (!signature) return { status: 400, body: { error: "missing signature" } };
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, body: { error: "invalid signature" } };
  }
  return { status: 200, body: { received: true, result: await applyStripeEvent(event, now) } };
}

const HANDLED = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
]);

/** Applies one verified event. Safe to call any number of times, in any order. */
export async function applyStripeEvent(event: Stripe.Event, now: Date): Promise<string> {
  if (!HANDLED.has(event.type)) return "ignored";
  const session = event.data.object as Stripe.Checkout.Session;
  const orderId = Number(session.metadata?.order_id);
  if (!Number.isSafeInteger(orderId)) return "no_order";
  const [order] = await db.select().from(schema.orders).where(eq(schema.orders.id, orderId)).limit(1);
  if (!order || order.paymentProvider !== "stripe") return "no_order";
  // An event about another session of this order (e.g. an older attempt) is not about this payment.
  if (order.paymentRef && order.paymentRef !== session.id) return "other_session";
  const base: PaymentEvent = {
    orderId,
    provider: "stripe",
    providerEventId: event.id,
    type: event.type,
    payload: { session: session.id, payment_status: session.payment_status, amount_total: session.amount_total, currency: session.currency },
    now,
  };
  const amountMatches = session.amount_total === order.totalMinor && session.currency?.toUpperCase() === order.currency;
  switch (event.type) {
    case "checkout.session.completed":
      if (session.payment_status !== "paid") return recordPaymentEvent(base);
      if (!amountMatches) return recordPaymentEvent({ ...base, type: `${event.type}.amount_mismatch` });
      return markOrderPaid(base, { revive: true });
    case "checkout.session.async_payment_succeeded":
      if (!amountMatches) return recordPaymentEvent({ ...base, type: `${event.type}.amount_mismatch` });
      return markOrderPaid(base, { revive: true });
    case "checkout.session.async_payment_failed":
      return closeOrder(base, "failed");
    default:
      return closeOrder(base, "expired");
  }
}
