/**
 * Order lookup (number + email) is rate limited through the real HTTP
 * server, behind a (pretend) proxy so each client has its own IP: failed
 * lookups are counted per IP and per order number, the next attempt gets a
 * 429 with Retry-After and a translated message, and a throttled answer is
 * the same whether the order exists or not.
 */
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { LOOKUP_LIMITS } from "~/modules/orders/lookup.server";
import { startTestServer, type TestServer } from "../browser/harness";
import { onServerDatabase } from "./fixtures";

let server: TestServer;
let known: { number: string; email: string };
beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: "1" });
  [known] = await onServerDatabase(server, (db) =>
    db.select({ number: schema.orders.number, email: schema.orders.email }).from(schema.orders).orderBy(asc(schema.orders.id)).limit(1),
  );
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const html = async (res: Response) => (await res.text()).replace(/<script[\s\S]*?<\/script>/g, "");

function lookup(ip: string, form: { number: string; email: string }, path = "/orders/lookup") {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    body: new URLSearchParams(form),
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "X-Forwarded-For": ip },
  });
}

let guess = 0;
/** A well-formed order number that no order has. */
const unknownNumber = () => `SR-NONE-${String(++guess).padStart(4, "0")}`;

describe("order lookup rate limit", () => {
  it(`answers the attempt after ${LOOKUP_LIMITS.failuresPerIp.max} failed lookups from one IP with 429, whether or not the order exists`, async () => {
    const ip = "203.0.113.50";
    for (let i = 0; i < LOOKUP_LIMITS.failuresPerIp.max; i++) {
      const res = await lookup(ip, { number: unknownNumber(), email: "guess@example.com" });
      expect(res.status).toBe(404);
    }
    const limited = await lookup(ip, { number: unknownNumber(), email: "guess@example.com" }, "/sw/orders/lookup");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOOKUP_LIMITS.failuresPerIp.windowMs / 1000);
    const page = await html(limited);
    expect(page).toContain("Majaribio mengi mno ya kutafuta oda.");
    expect(page).not.toContain("Hakuna oda inayolingana");

    // The right number and email get the very same answer: a throttled lookup reads nothing.
    const right = await lookup(ip, known, "/sw/orders/lookup");
    expect(right.status).toBe(429);
    expect(right.headers.get("Location")).toBeNull();
    // Equal but for what was typed, the per-response nonce and the seconds left.
    const normalise = (text: string) => text.replace(/(value|nonce)="[^"]*"/g, "").replace(/\d+/g, "#");
    expect(normalise(await html(right))).toBe(normalise(page));

    // Another IP is unaffected.
    const elsewhere = await lookup("198.51.100.60", { number: unknownNumber(), email: "guess@example.com" });
    expect(elsewhere.status).toBe(404);
    const found = await lookup("198.51.100.60", known);
    expect(found.status).toBe(303);
    expect(found.headers.get("Location")).toMatch(new RegExp(`^/orders/${known.number}\\?key=`));
  });

  it(`limits failed lookups of one order number from many IPs to ${LOOKUP_LIMITS.failuresPerOrder.max}`, async () => {
    for (let i = 0; i < LOOKUP_LIMITS.failuresPerOrder.max; i++) {
      expect((await lookup(`192.0.2.${10 + i}`, { number: known.number, email: `guess${i}@example.com` })).status).toBe(404);
    }
    const res = await lookup("192.0.2.99", { number: known.number.toLowerCase(), email: "guess-again@example.com" }, "/zh/orders/lookup");
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBeTruthy();
    expect(await html(res)).toContain("查询订单的尝试次数过多");
    // The same IP may still look up other orders.
    expect((await lookup("192.0.2.99", { number: unknownNumber(), email: "guess@example.com" })).status).toBe(404);
  });
});
