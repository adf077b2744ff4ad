import type { ActionFunctionArgs } from "@remix-run/node";
import { logger } from "~/modules/http/log.server";
import { handleStripeWebhook } from "~/modules/payments/stripe.server";
import { now } from "~/modules/clock/now.server";

/**
 * Stripe's webhook. The raw body is read first and verified with
 * constructEvent; this route is exempt from the origin check (Stripe is not a
 * browser) and from rate limits.
 */
export async function action({ request }: ActionFunctionArgs) {
  const body = await request.text();
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
  try {
    const outcome = await handleStripeWebhook(body, request.headers.get("stripe-signature"), new Date(now()));
    return Response.json(outcome.body, { status: outcome.status });
  } catch (error) {
    // A database failure: answer 500 so Stripe delivers the event again later.
    logger().error({ err: error }, "Stripe webhook failed");
    return Response.json({ error: "temporarily unavailable" }, { status: 500 });
  }
}

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}
