/**
 * Fixed-window counters in the database, for sign-in and sign-up throttling.
 * A window is counted with one upsert, so concurrent requests cannot slip by.
 */
import { eq, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";

export interface Limit {
  max: number;
  windowMs: number;
}

export const LIMITS = {
  loginFailuresPerIp: { max: 10, windowMs: 60_000 },
  loginFailuresPerAccount: { max: 10, windowMs: 15 * 60_000 },
  signupsPerIp: { max: 5, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many attempts");
  }
}

function current(key: string, limit: Limit, now: number) {
  const row = db.select().from(schema.rateLimits).where(eq(schema.rateLimits.key, key)).get();
  if (!row || row.windowStart.getTime() + limit.windowMs <= now) return { count: 0, resetAt: now + limit.windowMs };
  return { count: row.count, resetAt: row.windowStart.getTime() + limit.windowMs };
}

/** Throws RateLimitedError if `key` has used up its window. */
export function assertNotLimited(key: string, limit: Limit, now = Date.now()): void {
  const { count, resetAt } = current(key, limit, now);
  if (count >= limit.max) throw new RateLimitedError(Math.max(1, Math.ceil((resetAt - now) / 1000)));
}

/** Counts one event against `key`, starting a new window when the old one is over. */
export function hit(key: string, limit: Limit, now = Date.now()): void {
  const windowStart = new Date(now);
  const expired = new Date(now - limit.windowMs);
  db.insert(schema.rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: schema.rateLimits.key,
      set: {
        count: sql`CASE WHEN ${schema.rateLimits.windowStart} <= ${expired.getTime()} THEN 1 ELSE ${schema.rateLimits.count} + 1 END`,
        windowStart: sql`CASE WHEN ${schema.rateLimits.windowStart} <= ${expired.getTime()} THEN ${windowStart.getTime()} ELSE ${schema.rateLimits.windowStart} END`,
      },
    })
    .run();
}
