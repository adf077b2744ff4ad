/**
 * Fixed-window counters in the database, for sign-in and sign-up throttling.
 * A window is counted with one upsert, so concurrent requests cannot slip by.
 */
import { and, eq, gt, lte, sql } from "drizzle-orm";
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

/** No limit's window is longer than this (a test holds every limit to it), so older rows only take space. */
export const RATE_WINDOW_RETENTION_MS = 24 * 3600_000;

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

/**
 * Takes one attempt from `key`'s window, if one is left, in one conditional
 * upsert: of any number of concurrent callers, at most `limit.max` get a
 * reservation per window, however long their work then takes. Throws
 * RateLimitedError when the window is used up (and counts nothing).
 */
export function reserve(key: string, limit: Limit, now = Date.now()): void {
  const expired = now - limit.windowMs;
  const { windowStart, count } = schema.rateLimits;
  const reserved = db
    .insert(schema.rateLimits)
    .values({ key, windowStart: new Date(now), count: 1 })
    .onConflictDoUpdate({
      target: schema.rateLimits.key,
      set: {
        count: sql`CASE WHEN ${windowStart} <= ${expired} THEN 1 ELSE ${count} + 1 END`,
        windowStart: sql`CASE WHEN ${windowStart} <= ${expired} THEN ${now} ELSE ${windowStart} END`,
      },
      setWhere: sql`${windowStart} <= ${expired} OR ${count} < ${limit.max}`,
    })
    .returning({ count })
    .get();
  if (reserved) return;
  const row = db.select({ windowStart }).from(schema.rateLimits).where(eq(schema.rateLimits.key, key)).get();
  const resetAt = (row?.windowStart.getTime() ?? now) + limit.windowMs;
  throw new RateLimitedError(Math.max(1, Math.ceil((resetAt - now) / 1000)));
}

/** Gives back an attempt `reserve` took (a sign-in that succeeded is not a failure), within the same window. */
export function release(key: string, limit: Limit, now = Date.now()): void {
  db.update(schema.rateLimits)
    .set({ count: sql`MAX(${schema.rateLimits.count} - 1, 0)` })
    .where(and(eq(schema.rateLimits.key, key), gt(schema.rateLimits.windowStart, new Date(now - limit.windowMs))))
    .run();
}

/** Deletes windows that ended long ago (see RATE_WINDOW_RETENTION_MS); a missing row is a fresh window. */
export function purgeExpiredWindows(now: Date): number {
  return db.delete(schema.rateLimits).where(lte(schema.rateLimits.windowStart, new Date(now.getTime() - RATE_WINDOW_RETENTION_MS))).run().changes;
}
