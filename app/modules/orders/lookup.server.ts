/**
 * Order lookup by number + email, throttled so it cannot be used to guess
 * orders: failed lookups are counted per client IP and per order number
 * (fixed windows in the database, the same limiter as sign-in). A throttled
 * lookup reads nothing, so a 429 says nothing about whether the order exists.
 */
import { db, transact } from "~/db.server";
import { assertNotLimited, hit, type Limit } from "../auth/rate-limit.server";
import { orderByNumberAndEmail, type OrderRecord } from "./view.server";

export const LOOKUP_LIMITS = {
  /** A shopper mistyping a few times stays well under this; a guesser does not. */
  failuresPerIp: { max: 10, windowMs: 15 * 60_000 },
  /** Guessing the email of one known number from many addresses. */
  failuresPerOrder: { max: 5, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

/**
 * The order with this number and email, or null (the same for a wrong number
 * or a wrong email). Throws RateLimitedError, before any read, once the IP or
 * the number has used up its failures.
 */
export async function lookUpOrder(number: string, email: string, ip: string, now = Date.now()): Promise<OrderRecord | null> {
  const ipKey = `order-lookup:ip:${ip}`;
  const orderKey = `order-lookup:order:${number.trim().toUpperCase()}`;
  await assertNotLimited(ipKey, LOOKUP_LIMITS.failuresPerIp, now);
  await assertNotLimited(orderKey, LOOKUP_LIMITS.failuresPerOrder, now);
  const order = await orderByNumberAndEmail(number, email);
  if (!order) {
    await transact(db, async (tx) => {
      await hit(tx, ipKey, LOOKUP_LIMITS.failuresPerIp, now);
      await hit(tx, orderKey, LOOKUP_LIMITS.failuresPerOrder, now);
    });
  }
  return order;
}
