/**
 * Issue 12, point 8: expired sessions, rate-limit windows long over and carts
 * no cookie can name any more are deleted, and nothing else is; running the
 * purge again (or on another process at once) deletes nothing more.
 */
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db, rows, schema, transact } from "~/db.server";
import { LIMITS, RATE_WINDOW_RETENTION_MS } from "~/modules/auth/rate-limit.server";
import { CART_MAX_AGE_MS } from "~/modules/cart/cart.server";
import { PURGE_EVERY_MS, purgeExpired, startPurgeTimer } from "~/modules/maintenance/purge.server";
import { LOOKUP_LIMITS } from "~/modules/orders/lookup.server";

const NOW = new Date("2026-12-06T12:00:00Z");
const DAY = 24 * 3600 * 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const idleMs = Number(process.env.SESSION_IDLE_HOURS ?? 168) * 3600 * 1000;
const ids = async (table: "sessions" | "rate_limits" | "carts", column = table === "rate_limits" ? "key" : "id") =>
  (await rows<{ v: string }>(db, sql.raw(`select ${column} v from ${table} where ${column} like 'purge-%' order by 1`))).map((r) => r.v);
const addWindow = (key: string, windowStart: Date, count: number) =>
  transact(db, (tx) => tx.insert(schema.rateLimits).values({ key, windowStart, count }));

async function seedRows() {
  const [{ id: userId }] = await db.select({ id: schema.users.id }).from(schema.users).limit(1);
  const [{ id: productId }] = await db.select({ id: schema.products.id }).from(schema.products).limit(1);
  await transact(db, async (tx) => {
    const session = (id: string, lastSeenAt: Date, expiresAt: Date) =>
      tx.insert(schema.sessions).values({ id, userId, createdAt: ago(40 * DAY), lastSeenAt, expiresAt });
    await session("purge-live", ago(60_000), new Date(NOW.getTime() + DAY));
    await session("purge-expired", ago(60_000), ago(1));
    await session("purge-idle", ago(idleMs + 1), new Date(NOW.getTime() + DAY));
    const cart = async (id: string, updatedAt: Date) => {
      await tx.insert(schema.carts).values({ id, createdAt: updatedAt, updatedAt });
      await tx.insert(schema.cartLines).values({ cartId: id, productId, quantity: 1, unitPriceSeenMinor: 100, addedAt: updatedAt });
    };
    await cart("purge-fresh-cart", ago(DAY));
    await cart("purge-stale-cart", ago(CART_MAX_AGE_MS + 1));
  });
  await addWindow("purge-current", ago(60_000), 3);
  await addWindow("purge-long-over", ago(RATE_WINDOW_RETENTION_MS + 1), 3);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("purgeExpired", () => {
  it("deletes expired and idle sessions, windows long over and stale carts with their lines, and keeps the rest", async () => {
    await seedRows();
    const purged = await purgeExpired(NOW);
    expect(purged.sessions).toBeGreaterThanOrEqual(2);
    expect(await ids("sessions")).toEqual(["purge-live"]);
    expect(await ids("rate_limits")).toEqual(["purge-current"]);
    expect(await ids("carts")).toEqual(["purge-fresh-cart"]);
    expect((await rows<{ c: string }>(db, sql`select cart_id c from cart_lines where cart_id like 'purge-%'`)).map((r) => r.c)).toEqual([
      "purge-fresh-cart",
    ]);
  });

  it("is idempotent: a second run, as on another process, deletes nothing more", async () => {
    expect(await purgeExpired(NOW)).toEqual({ sessions: 0, rateLimits: 0, carts: 0 });
    expect(await ids("sessions")).toEqual(["purge-live"]);
  });

  it("never deletes a window a limit still counts", () => {
    for (const limit of [...Object.values(LIMITS), ...Object.values(LOOKUP_LIMITS)]) expect(limit.windowMs).toBeLessThanOrEqual(RATE_WINDOW_RETENTION_MS);
  });

  it("deletes each stale cart once when purges run at once", async () => {
    const stale = ago(CART_MAX_AGE_MS + 1);
    await transact(db, async (tx) => {
      for (let i = 0; i < 5; i++) await tx.insert(schema.carts).values({ id: `purge-race-${i}`, createdAt: stale, updatedAt: stale });
    });
    const runs = await Promise.all([purgeExpired(NOW), purgeExpired(NOW), purgeExpired(NOW)]);
    expect(runs.reduce((n, r) => n + r.carts, 0)).toBe(5);
    expect(await ids("carts")).toEqual(["purge-fresh-cart"]);
  });

  it("runs at once when the timer starts, then every interval", async () => {
    // Each run is asynchronous (on PostgreSQL, over the network): wait until it has deleted what it
    // should (expect.poll keeps real timers; setTimeout is not faked), failing if it never does.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(NOW);
    await addWindow("purge-at-start", ago(RATE_WINDOW_RETENTION_MS + 1), 1);
    const stop = startPurgeTimer();
    await expect.poll(() => ids("rate_limits")).toEqual(["purge-current"]);
    await addWindow("purge-later", ago(RATE_WINDOW_RETENTION_MS - 1), 1);
    expect(await ids("rate_limits")).toEqual(["purge-current", "purge-later"]);
    vi.advanceTimersByTime(PURGE_EVERY_MS);
    // An hour on, "purge-later" is past the retention; "purge-current" is not.
    await expect.poll(() => ids("rate_limits")).toEqual(["purge-current"]);
    stop();
  });
});
