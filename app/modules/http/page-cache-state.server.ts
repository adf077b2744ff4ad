/**
 * What the shared page cache (page-cache.ts) reads from the app: the
 * content version that triggers move (migration 0004), the app's clock, and
 * the next instant at which a price may change. Exported through
 * entry.server.tsx, so the server uses the build's own connection and clock.
 *
 * The content version is read synchronously on SQLite, so the cache's hit
 * path waits for nothing there (content-version.server.ts).
 */
import { isNotNull, or } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { contentVersion, oneContentVersion } from "../catalog/content-version.server";
import { now } from "../clock/now.server";
import { languageFromHeader } from "../i18n/i18n.server";
import type { PageCacheState } from "./page-cache";

const { festivalPhases, festivalDeals, festivalSessions } = schema;

/**
 * Every instant at which a deal may start or stop applying, or a session of
 * the programme start or end ("on now" and "next" change then), ascending; a
 * superset is fine (an entry just ends early).
 */
async function priceChangeInstants(): Promise<number[]> {
  const [phases, flashes, sessions] = await Promise.all([
    db.select({ startsAt: festivalPhases.startsAt, endsAt: festivalPhases.endsAt }).from(festivalPhases),
    db
      .select({ startsAt: festivalDeals.flashStartsAt, endsAt: festivalDeals.flashEndsAt })
      .from(festivalDeals)
      .where(or(isNotNull(festivalDeals.flashStartsAt), isNotNull(festivalDeals.flashEndsAt))),
    db.select({ startsAt: festivalSessions.startsAt, endsAt: festivalSessions.endsAt }).from(festivalSessions),
  ]);
  const instants = new Set<number>();
  for (const { startsAt, endsAt } of [...phases, ...flashes, ...sessions]) {
    if (startsAt) instants.add(startsAt.getTime());
    if (endsAt) instants.add(endsAt.getTime());
  }
  return [...instants].sort((a, b) => a - b);
}

let priceChanges: { version: number; instants: Promise<number[]> } | null = null;

export const pageCacheState: PageCacheState = {
  contentVersion,
  oneContentVersion,
  now,
  homeLanguage: (acceptLanguage) => languageFromHeader(new Request("http://shared.invalid/", { headers: { "Accept-Language": acceptLanguage } })),
  async nextPriceChange(at, version) {
    if (!priceChanges || priceChanges.version !== version) {
      const instants = priceChangeInstants();
      priceChanges = { version, instants };
      // A failed read is not kept: the next render reads again.
      instants.catch(() => {
        if (priceChanges?.instants === instants) priceChanges = null;
      });
    }
    const instants = await priceChanges.instants;
    let lo = 0;
    let hi = instants.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (instants[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo < instants.length ? instants[lo] : Infinity;
  },
};
