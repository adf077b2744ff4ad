/**
 * The app's one source of "now" for festival state, pricing and checkout.
 *
 * Tests may move it (the test clock), but only when the server was started
 * with NODE_ENV=test *and* TEST_CLOCK=1: `npm start` and any production start
 * run with NODE_ENV=production, where the test clock cannot be switched on
 * and `now()` is plain `Date.now()`, with no database read.
 *
 * The test clock's offset lives in the database (site_state), not in this
 * process, so every server process of a cluster reads the same "now"; moving
 * it also moves the shared pages' content version, since every cached page
 * was priced at the old "now".
 *
 * Synchronous: the page cache's hit path, the 404 page's suggestions (thrown
 * from `notFound`) and some 25 routes read it. Only the test clock reads the
 * database: on SQLite synchronously; on PostgreSQL, which cannot answer
 * synchronously, from the offset this process last saw (its own
 * `setTestClock`, or the content-version read every shared page makes, which
 * brings the offset along; moving the clock moves the content version).
 */
import { eq, sql } from "drizzle-orm";
import { db, isPostgres, schema, transact } from "~/db.server";
import { env } from "~/env.server";

const { siteState } = schema;
const enabled = env().NODE_ENV === "test" && env().TEST_CLOCK === "1";

export function testClockEnabled(): boolean {
  return enabled;
}

// PostgreSQL: the test clock's offset as this process last read or wrote it.
let keptOffset = 0;

/** PostgreSQL: the test clock's offset as just read from site_state (content-version.server.ts reads it with the version). */
export function keepTestClockOffset(offset: number): void {
  keptOffset = offset;
}

/** Milliseconds since the epoch, as the app should see them. */
export function now(): number {
  if (!enabled) return Date.now();
  if (isPostgres(db)) return Date.now() + keptOffset;
  // SQLite-only: a synchronous read of the offset.
  return Date.now() + (db.select({ offset: siteState.clockOffsetMs }).from(siteState).where(eq(siteState.id, 1)).get()?.offset ?? 0);
}

/** Moves the test clock so that "now" reads `instant` (time keeps flowing from there); null resets it. */
export async function setTestClock(instant: number | null): Promise<void> {
  if (!enabled) throw new Error("The test clock is only available with NODE_ENV=test and TEST_CLOCK=1.");
  const offset = instant === null ? 0 : instant - Date.now();
  await transact(db, async (tx) => {
    await tx
      .update(siteState)
      .set({ clockOffsetMs: offset, contentVersion: sql`${siteState.contentVersion} + 1` })
      .where(eq(siteState.id, 1));
  });
  keptOffset = offset;
}
