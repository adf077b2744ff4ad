/**
 * Issue 12, point 8: expired sessions, rate-limit windows long over and carts
 * no cookie can name any more are deleted, and nothing else is; running the
 * purge again (or on another process at once) deletes nothing more.
 */
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db, schema } from "~/db.server";
import { LIMITS, RATE_WINDOW_RETENTION_MS } from "~/modules/auth/rate-limit.server";
import { CART_MAX_AGE_MS } from "~/modules/cart/cart.server";
import { PURGE_EVERY_MS, purgeExpired, startPurgeTimer } from "~/modules/maintenance/purge.server";
import { LOOKUP_LIMITS } from "~/modules/orders/lookup.server";

const NOW = new Date("2026-12-06T12:00:00Z");
const DAY = 24 * 3600 * 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const idleMs = Number(process.env.SESSION_IDLE_HOURS ?? 168) * 3600 * 1000;
const userId = () => db.select({ id: schema.users.id }).from(schema.users).limit(1).get()!.id;
const productId = () => db.select({ id: schema.products.id }).from(schema.products).limit(1).get()!.id;
const ids = (table: "sessions" | "rate_limits" | "carts", column = table === "rate_limits" ? "key" : "id") =>
  db.all<{ v: string }>(sql.raw(`select ${column} v from ${table} where ${column} like 'purge-%' order by 1`)).map((r) => r.v);

function seedRows() {
  const session = (id: string, lastSeenAt: Date, expiresAt: Date) =>
    db.insert(schema.sessions).values({ id, userId: userId(), createdAt: ago(40 * DAY), lastSeenAt, expiresAt }).run();
  session("purge-live", ago(60_000), new Date(NOW.getTime() + DAY));
  session("purge-expired", ago(60_000), ago(1));
  session("purge-idle", ago(idleMs + 1), new Date(NOW.getTime() + DAY));
  const window = (key: string, windowStart: Date) => db.insert(schema.rateLimits).values({ key, windowStart, count: 3 }).run();
  window("purge-current", ago(60_000));
  window("purge-long-over", ago(RATE_WINDOW_RETENTION_MS + 1));
  const cart = (id: string, updatedAt: Date) => {
    db.insert(schema.carts).values({ id, createdAt: updatedAt, updatedAt }).run();
    db.insert(schema.cartLines).values({ cartId: id, productId: productId(), quantity: 1, unitPriceSeenMinor: 100, addedAt: updatedAt }).run();
  };
  cart("purge-fresh-cart", ago(DAY));
  cart("purge-stale-cart", ago(CART_MAX_AGE_MS + 1));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("purgeExpired", () => {
  it("deletes expired and idle sessions, windows long over and stale carts with their lines, and keeps the rest", async () => {
    seedRows();
    const purged = await purgeExpired(NOW);
    expect(purged.sessions).toBeGreaterThanOrEqual(2);
    expect(ids("sessions")).toEqual(["purge-live"]);
    expect(ids("rate_limits")).toEqual(["purge-current"]);
    expect(ids("carts")).toEqual(["purge-fresh-cart"]);
    expect(db.all<{ c: string }>(sql`select cart_id c from cart_lines where cart_id like 'purge-%'`).map((r) => r.c)).toEqual(["purge-fresh-cart"]);
  });

  it("is idempotent: a second run, as on another process, deletes nothing more", async () => {
    expect(await purgeExpired(NOW)).toEqual({ sessions: 0, rateLimits: 0, carts: 0 });
    expect(ids("sessions")).toEqual(["purge-live"]);
  });

  it("never deletes a window a limit still counts", () => {
    for (const limit of [...Object.values(LIMITS), ...Object.values(LOOKUP_LIMITS)]) expect(limit.windowMs).toBeLessThanOrEqual(RATE_WINDOW_RETENTION_MS);
  });

  it("deletes each stale cart once when purges run at once", async () => {
    const stale = ago(CART_MAX_AGE_MS + 1);
    for (let i = 0; i < 5; i++) db.insert(schema.carts).values({ id: `purge-race-${i}`, createdAt: stale, updatedAt: stale }).run();
    const runs = await Promise.all([purgeExpired(NOW), purgeExpired(NOW), purgeExpired(NOW)]);
    expect(runs.reduce((n, r) => n + r.carts, 0)).toBe(5);
    expect(ids("carts")).toEqual(["purge-fresh-cart"]);
  });

  it("runs at once when the timer starts, then every interval", async () => {
    // Each run is asynchronous: let it finish (setImmediate is not faked) before reading.
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(NOW);
    db.insert(schema.rateLimits).values({ key: "purge-at-start", windowStart: ago(RATE_WINDOW_RETENTION_MS + 1), count: 1 }).run();
    const stop = startPurgeTimer();
    await settle();
    expect(ids("rate_limits")).toEqual(["purge-current"]);
    db.insert(schema.rateLimits).values({ key: "purge-later", windowStart: ago(RATE_WINDOW_RETENTION_MS - 1), count: 1 }).run();
    expect(ids("rate_limits")).toEqual(["purge-current", "purge-later"]);
    vi.advanceTimersByTime(PURGE_EVERY_MS);
    await settle();
    // An hour on, "purge-later" is past the retention; "purge-current" is not.
    expect(ids("rate_limits")).toEqual(["purge-current"]);
    stop();
  });
});
