/**
 * The app's one source of "now" for festival state, pricing and checkout.
 *
 * Tests may move it (the test clock), but only when the server was started
 * with NODE_ENV=test *and* TEST_CLOCK=1: `npm start` and any production start
 * run with NODE_ENV=production, where the test clock cannot be switched on
 * and `now()` is plain `Date.now()`.
 */
import { env } from "~/env.server";

const enabled = env().NODE_ENV === "test" && env().TEST_CLOCK === "1";
let offsetMs = 0;

export function testClockEnabled(): boolean {
  return enabled;
}

/** Milliseconds since the epoch, as the app should see them. */
export function now(): number {
  return enabled ? Date.now() + offsetMs : Date.now();
}

/** Moves the test clock so that "now" reads `instant` (time keeps flowing from there); null resets it. */
export function setTestClock(instant: number | null): void {
  if (!enabled) throw new Error("The test clock is only available with NODE_ENV=test and TEST_CLOCK=1.");
  offsetMs = instant === null ? 0 : instant - Date.now();
}
