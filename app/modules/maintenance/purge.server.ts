/**
 * Deletes rows nothing can use any more: expired or idle sessions, rate-limit
 * windows long over, and carts whose cookie has expired. Each is one plain
 * DELETE with a WHERE on age, so running it twice, or on several server
 * processes at once, deletes each row once and does no harm.
 */
import { db, transact } from "~/db.server";
import { purgeExpiredWindows } from "../auth/rate-limit.server";
import { purgeExpiredSessions } from "../auth/session.server";
import { purgeStaleCarts } from "../cart/cart.server";

export const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface Purged {
  sessions: number;
  rateLimits: number;
  carts: number;
}

export async function purgeExpired(now: Date): Promise<Purged> {
  const { sessions, rateLimits } = await transact(db, async (tx) => ({
    sessions: await purgeExpiredSessions(tx, now),
    rateLimits: await purgeExpiredWindows(tx, now),
  }));
  return { sessions, rateLimits, carts: await purgeStaleCarts(now) };
}

/**
 * Purges now and then every hour, on a timer that never keeps the process
 * alive. A failed run (a busy database, say) is logged and tried again next time.
 * Returns a function that stops the timer.
 */
export function startPurgeTimer(everyMs = PURGE_EVERY_MS): () => void {
  const run = () =>
    purgeExpired(new Date()).catch((error: unknown) => {
      console.error("Purging expired rows failed; trying again at the next interval.", error);
    });
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
