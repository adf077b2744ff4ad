/**
 * The app's one source of "now" for festival state, pricing and checkout.
 *
 * Tests may move it (the test clock), but only when the server was started
 * with NODE_ENV=test *and* TEST_CLOCK=1: `npm start` and any production start
 * run with NODE_ENV=production, where the test clock cannot be switched on
 * and `now()` is plain `Date.now()`.
 *
 * The test clock's offset lives in the database (site_state), not in this
 * process, so every server process of a cluster reads the same "now"; moving
 * it also moves the shared pages' content version, since every cached page
 * was priced at the old "now".
 */
import { db, statements } from "~/db.server";
import { env } from "~/env.server";

const enabled = env().NODE_ENV === "test" && env().TEST_CLOCK === "1";

const prepared = statements((client) => ({
  offset: client.prepare<[], number>("SELECT clock_offset_ms FROM site_state WHERE id = 1").pluck(),
  setOffset: client.prepare<[number]>(
    "UPDATE site_state SET clock_offset_ms = ?, content_version = content_version + 1 WHERE id = 1",
  ),
}));

export function testClockEnabled(): boolean {
  return enabled;
}

/** Milliseconds since the epoch, as the app should see them. */
export function now(): number {
  return enabled ? Date.now() + (prepared(db).offset.get() ?? 0) : Date.now();
}

/** Moves the test clock so that "now" reads `instant` (time keeps flowing from there); null resets it. */
export function setTestClock(instant: number | null): void {
  if (!enabled) throw new Error("The test clock is only available with NODE_ENV=test and TEST_CLOCK=1.");
  prepared(db).setOffset.run(instant === null ? 0 : instant - Date.now());
}
