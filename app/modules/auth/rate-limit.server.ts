/**
 * Fixed-window counters in the database, for sign-in and sign-up throttling.
 * A window is counted with one upsert, so concurrent requests cannot slip by.
 */
import { and, eq, gt, lt, lte, or, sql } from "drizzle-orm";
import { db, schema, type Tx } from "~/db.server";

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

async function current(key: string, limit: Limit, now: number) {
  const [row] = await db.select().from(schema.rateLimits).where(eq(schema.rateLimits.key, key)).limit(1);
  if (!row || row.windowStart.getTime() + limit.windowMs <= now) return { count: 0, resetAt: now + limit.windowMs };
  return { count: row.count, resetAt: row.windowStart.getTime() + limit.windowMs };
}

/** Throws RateLimitedError if `key` has used up its window. */
export async function assertNotLimited(key: string, limit: Limit, now = Date.now()): Promise<void> {
  const { count, resetAt } = await current(key, limit, now);
  if (count >= limit.max) throw new RateLimitedError(Math.max(1, Math.ceil((resetAt - now) / 1000)));
}

/** The window has ended by `now`: a new one starts (a condition over the row being upserted). */
const windowOver = (limit: Limit, now: number) => lte(schema.rateLimits.windowStart, new Date(now - limit.windowMs));

/** Counts one event against `key`, starting a new window when the old one is over. */
export async function hit(tx: Tx, key: string, limit: Limit, now = Date.now()): Promise<void> {
  const { windowStart, count } = schema.rateLimits;
  const over = windowOver(limit, now);
  await tx
    .insert(schema.rateLimits)
    .values({ key, windowStart: new Date(now), count: 1 })
    .onConflictDoUpdate({
      target: schema.rateLimits.key,
      set: {
        count: sql`CASE WHEN ${over} THEN 1 ELSE ${count} + 1 END`,
        windowStart: sql`CASE WHEN ${over} THEN ${sql.param(new Date(now), windowStart)} ELSE ${windowStart} END`,
      },
    });
}

/**
 * Takes one attempt from `key`'s window, if one is left, in one conditional
 * upsert: of any number of concurrent callers, at most `limit.max` get a
 * reservation per window, however long their work then takes. Throws
 * RateLimitedError when the window is used up (and counts nothing).
 */
export async function reserve(tx: Tx, key: string, limit: Limit, now = Date.now()): Promise<void> {
  const { windowStart, count } = schema.rateLimits;
  const over = windowOver(limit, now);
  const reserved = await tx
    .insert(schema.rateLimits)
    .values({ key, windowStart: new Date(now), count: 1 })
    .onConflictDoUpdate({
      target: schema.rateLimits.key,
      set: {
        count: sql`CASE WHEN ${over} THEN 1 ELSE ${count} + 1 END`,
        windowStart: sql`CASE WHEN ${over} THEN ${sql.param(new Date(now), windowStart)} ELSE ${windowStart} END`,
      },
      setWhere: or(over, lt(count, limit.max)),
    })
    .returning({ count });
  if (reserved.length) return;
  const [row] = await tx.select({ windowStart }).from(schema.rateLimits).where(eq(schema.rateLimits.key, key)).limit(1);
  const resetAt = (row?.windowStart.getTime() ?? now) + limit.windowMs;
  throw new RateLimitedError(Math.max(1, Math.ceil((resetAt - now) / 1000)));
}

/** Gives back an attempt `reserve` took (a sign-in that succeeded is not a failure), within the same window. */
export async function release(tx: Tx, key: string, limit: Limit, now = Date.now()): Promise<void> {
  const { count } = schema.rateLimits;
  await tx
    .update(schema.rateLimits)
    .set({ count: sql`CASE WHEN ${count} > 0 THEN ${count} - 1 ELSE 0 END` })
    .where(and(eq(schema.rateLimits.key, key), gt(schema.rateLimits.windowStart, new Date(now - limit.windowMs))));
}

/** Deletes windows that ended long ago (see RATE_WINDOW_RETENTION_MS); a missing row is a fresh window. */
export async function purgeExpiredWindows(tx: Tx, now: Date): Promise<number> {
  const purged = await tx
    .delete(schema.rateLimits)
    .where(lte(schema.rateLimits.windowStart, new Date(now.getTime() - RATE_WINDOW_RETENTION_MS)))
    .returning({ key: schema.rateLimits.key });
  return purged.length;
}
