/**
 * A local stand-in for the one Stripe endpoint checkout uses
 * (POST /v1/checkout/sessions), honouring idempotency keys like Stripe does.
 * stripe-mock is not on npm, so the tests bring their own.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedSession {
  id: string;
  params: URLSearchParams;
  idempotencyKey: string | null;
  authorization: string | null;
  body: Record<string, unknown>;
}

export async function startStripeStandIn() {
  const sessions: RecordedSession[] = [];
  const byKey = new Map<string, RecordedSession>();
  let fail = false;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      res.setHeader("Content-Type", "application/json");
      if (fail) {
        res.statusCode = 500;
        return res.end(JSON.stringify({ error: { type: "api_error", message: "stand-in is down" } }));
      }
      if (req.method !== "POST" || req.url !== "/v1/checkout/sessions") {
        res.statusCode = 404;
        return res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `No route ${req.method} ${req.url}` } }));
      }
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const existing = key ? byKey.get(key) : undefined;
      if (existing) return res.end(JSON.stringify(existing.body));
      const params = new URLSearchParams(raw);
      const id = `cs_test_${sessions.length + 1}_${Math.random().toString(36).slice(2, 10)}`;
      let amount = 0;
      for (let i = 0; params.has(`line_items[${i}][quantity]`); i++) {
        amount += Number(params.get(`line_items[${i}][quantity]`)) * Number(params.get(`line_items[${i}][price_data][unit_amount]`));
      }
      const metadata: Record<string, string> = {};
      for (const [k, v] of params) {
        const m = /^metadata\[(\w+)\]$/.exec(k);
        if (m) metadata[m[1]] = v;
      }
      const body = {
        id,
        object: "checkout.session",
        url: `https://checkout.stripe.test/c/pay/${id}`,
        amount_total: amount,
        currency: params.get("line_items[0][price_data][currency]"),
        metadata,
        expires_at: Number(params.get("expires_at")),
        payment_status: "unpaid",
        status: "open",
      };
      const recorded = { id, params, idempotencyKey: key, authorization: req.headers.authorization ?? null, body };
      sessions.push(recorded);
      if (key) byKey.set(key, recorded);
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    sessions,
    setFailing(value: boolean) {
      fail = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let eventSeq = 0;
/** A Stripe event about a session the stand-in recorded, as Stripe would deliver it (`over` changes the session's fields). */
export function stripeEvent(type: string, session: RecordedSession, over: Record<string, unknown> = {}) {
  return {
    id: `evt_test_${++eventSeq}_${Math.random().toString(36).slice(2, 8)}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: "2026-10-28",
    data: { object: { ...session.body, ...over } },
  };
}
