/**
 * What the shared page cache (page-cache.ts) reads from the app: the
 * content version that triggers move (migration 0004), the app's clock, and
 * the next instant at which a price may change. Exported through
 * entry.server.tsx, so the server uses the build's own connection and clock.
 */
import { db, statements } from "~/db.server";
import { contentVersion } from "../catalog/content-version.server";
import { now } from "../clock/now.server";
import { languageFromHeader } from "../i18n/i18n.server";
import type { PageCacheState } from "./page-cache";

const prepared = statements((client) => ({
  // Every instant at which a deal may start or stop applying; a superset is fine (an entry just ends early).
  priceChanges: client
    .prepare<[], number>(
      `SELECT starts_at AS at FROM festival_phases
       UNION SELECT ends_at FROM festival_phases
       UNION SELECT flash_starts_at FROM festival_deals WHERE flash_starts_at IS NOT NULL
       UNION SELECT flash_ends_at FROM festival_deals WHERE flash_ends_at IS NOT NULL
       ORDER BY at`,
    )
    .pluck(),
}));

let priceChanges: { version: number; instants: number[] } | null = null;

export const pageCacheState: PageCacheState = {
  contentVersion,
  now,
  homeLanguage: (acceptLanguage) => languageFromHeader(new Request("http://shared.invalid/", { headers: { "Accept-Language": acceptLanguage } })),
  nextPriceChange(at, version) {
    if (!priceChanges || priceChanges.version !== version) {
      priceChanges = { version, instants: prepared(db).priceChanges.all() };
    }
    const { instants } = priceChanges;
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
